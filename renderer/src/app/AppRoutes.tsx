import { lazy } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useAppInfo } from '../api/queries';
import { ErrorPanel } from '../components/ErrorPanel';
import { LazyScreen } from '../components/LazyScreen';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { AppShell } from './AppShell';

// The Dashboard is the home screen and comes with the first script; the other screens are fetched when first
// opened, so start-up does not parse the client page, the payment flow and their libraries.
const ClientPage = lazy(() =>
  import('../features/client-page/ClientPage').then((module) => ({ default: module.ClientPage })),
);
const ClientsPage = lazy(() =>
  import('../features/clients/ClientsPage').then((module) => ({ default: module.ClientsPage })),
);
const SignInPage = lazy(() =>
  import('../features/session/SignInPage').then((module) => ({ default: module.SignInPage })),
);

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
