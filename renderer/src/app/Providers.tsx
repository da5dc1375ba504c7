import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { HashRouter } from 'react-router';
import { useCoreEvents } from '../api/use-core-events';

function CoreEventsSubscription() {
  useCoreEvents();
  return null;
}

export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <CoreEventsSubscription />
      <HashRouter>{children}</HashRouter>
    </QueryClientProvider>
  );
}
