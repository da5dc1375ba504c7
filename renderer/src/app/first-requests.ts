import type { QueryClient } from '@tanstack/react-query';
import { appInfoQuery, clientListQuery, clientQuery, dashboardQuery } from '../api/queries';
import { ledgerPagesQuery, UNFILTERED_LEDGER } from '../features/credits/use-credit-log';
import { useUiStore } from '../state/ui-store';
import { preloadScreen } from './lazy-screens';

/** The client a client-page route names ("/clients/cl_1/credits"), or null (also for a malformed one). */
function clientOfRoute(route: string): string | null {
  const encoded = /^\/clients\/([^/]+)(?:\/[^/]+)?$/.exec(route)?.[1];
  if (!encoded) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/**
 * What the first screen needs is asked for as the script starts, together: the session, that screen's code and
 * its data. Left to the components, each waits for the one before it (the session, then the shell, then the
 * screen), and a cold start pays for every step in turn.
 */
export function startFirstRequests(queryClient: QueryClient, hash: string): void {
  void queryClient.prefetchQuery(appInfoQuery);
  const route = hash.replace(/^#/, '').split('?')[0] ?? '';
  const clientId = clientOfRoute(route);
  if (route === '' || route === '/' || route === '/dashboard') {
    void queryClient.prefetchQuery(dashboardQuery);
  } else if (clientId !== null) {
    preloadScreen.clientPage();
    void queryClient.prefetchQuery(clientQuery(clientId));
    // A cold start opens the credit log unfiltered (filters are kept in memory only).
    if (route.endsWith('/credits'))
      void queryClient.prefetchInfiniteQuery(ledgerPagesQuery(clientId, UNFILTERED_LEDGER));
  } else if (route === '/clients') {
    preloadScreen.clientList();
    // The same options the Clients page starts with, so the page finds its first page already asked for.
    const ui = useUiStore.getState();
    void queryClient.prefetchInfiniteQuery(
      clientListQuery({
        search: ui.clientSearch.trim(),
        sort: ui.clientSort,
        direction: ui.clientDirection,
        show: ui.clientShow,
      }),
    );
  } else if (route === '/sign-in') {
    preloadScreen.signIn();
  }
}
