import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useAppInfo } from '../api/queries';
import { ErrorPanel } from '../components/ErrorPanel';
import { LazyScreen } from '../components/LazyScreen';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { AppShell } from './AppShell';
import { ClientPage, ClientsPage, SignInPage } from './lazy-screens';

/** Routes depend on the session: signed out, only sign-in exists; signed in, sign-in redirects home. */
export function AppRoutes() {
  const appInfo = useAppInfo();
  const { pathname } = useLocation();

  if (appInfo.isPending) {
    return (
      <div className="splash" role="status">
        Starting Agency Billing Companion…
      </div>
    );
  }
  if (appInfo.isError) {
    return (
      <div className="splash">
        <ErrorPanel
          title="The app could not start"
          error={appInfo.error}
          onRetry={() => void appInfo.refetch()}
        />
      </div>
    );
  }
  if (!appInfo.data.signedIn) {
    return (
      <Routes>
        <Route
          path="/sign-in"
          element={
            <LazyScreen resetKey={pathname}>
              <SignInPage />
            </LazyScreen>
          }
        />
        <Route path="*" element={<Navigate to="/sign-in" replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route element={<AppShell info={appInfo.data} />}>
        <Route path="/dashboard" element={<DashboardPage />} />
        <Route path="/clients" element={<ClientsPage />} />
        <Route path="/clients/:clientId" element={<ClientPage />} />
        <Route path="/clients/:clientId/:tab" element={<ClientPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/dashboard" replace />} />
    </Routes>
  );
}
