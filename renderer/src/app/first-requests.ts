import type { QueryClient } from '@tanstack/react-query';
import { appInfoQuery, clientListQuery, dashboardQuery } from '../api/queries';
import { useUiStore } from '../state/ui-store';
import { preloadScreen } from './lazy-screens';

/**
 * What the first screen needs is asked for as the script starts, together: the session, that screen's code and
 * its data. Left to the components, each waits for the one before it (the session, then the shell, then the
 * screen), and a cold start pays for every step in turn.
 */
export function startFirstRequests(queryClient: QueryClient, hash: string): void {
  void queryClient.prefetchQuery(appInfoQuery);
  preloadScreen(hash);
  const route = hash.replace(/^#/, '').split('?')[0] ?? '';
  if (route === '' || route === '/' || route === '/dashboard') void queryClient.prefetchQuery(dashboardQuery);
  if (route === '/clients') {
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
  }
}
