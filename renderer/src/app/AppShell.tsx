import { NavLink, Outlet, useLocation } from 'react-router';
import type { AppInfo } from '../../../shared/ipc/models';
import { Badge } from '../components/Badge';
import { LazyScreen } from '../components/LazyScreen';
import { GaugeIcon, LogoMark, UsersIcon } from '../components/icons';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink';
import { PAGE_SCROLL_ID } from '../lib/page-scroll';
import { AgencyCardBanner } from '../features/agency-card/AgencyCardBanner';
import { NoticeList } from '../features/notices/NoticeList';
import { OfflineBanner } from '../features/offline/OfflineBanner';
import { useReachabilityProbe } from '../features/offline/use-reachability-probe';
import { useSyncOnFocus } from '../features/offline/use-sync-on-focus';
import { SignOutButton } from '../features/session/SignOutButton';
import { SyncControls } from '../features/sync-status/SyncControls';
import { UpdateBanner } from '../features/updates/UpdateBanner';

function Sidebar({ info }: { info: AppInfo }) {
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <LogoMark className="sidebar__logo" />
        <span>Billing Companion</span>
      </div>
      <nav className="sidebar__nav" aria-label="Main">
        <NavLink className="nav-link" to="/dashboard">
          <GaugeIcon />
          Dashboard
        </NavLink>
        <NavLink className="nav-link" to="/clients">
          <UsersIcon />
          Clients
        </NavLink>
      </nav>
      <p className="sidebar__footer muted">Version {info.version}</p>
    </aside>
  );
}

function Header({ info }: { info: AppInfo }) {
  const workspace = info.workspace;
  return (
    <header className="app-header">
      <div className="app-header__workspace">
        <span className="app-header__agency">{workspace?.agencyName ?? 'Billing workspace'}</span>
        {info.demo && <Badge tone="accent">Demo workspace</Badge>}
        {workspace && !info.demo && <span className="app-header__user muted">{workspace.userEmail}</span>}
      </div>
      <div className="app-header__actions">
        <SyncControls />
        {!info.demo && <SignOutButton />}
      </div>
    </header>
  );
}

/** The signed-in frame: navigation on the left, workspace and sync state on top, the page below. */
export function AppShell({ info }: { info: AppInfo }) {
  const { pathname } = useLocation();
  useSyncOnFocus();
  useReachabilityProbe();
  return (
    <div className="shell">
      <SkipLink />
      <Sidebar info={info} />
      <div className="shell__main" id={PAGE_SCROLL_ID}>
        <Header info={info} />
        <OfflineBanner />
        <AgencyCardBanner />
        <NoticeList />
        <UpdateBanner />
        <main id={MAIN_CONTENT_ID} className="shell__content" tabIndex={-1}>
          <LazyScreen resetKey={pathname}>
            <Outlet />
          </LazyScreen>
        </main>
      </div>
    </div>
  );
}
