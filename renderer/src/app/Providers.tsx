import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { HashRouter } from 'react-router';
import { useCoreEvents } from '../api/use-core-events';
import { createQueryClient } from './query-client';

function CoreEventsSubscription() {
  useCoreEvents();
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <CoreEventsSubscription />
      <HashRouter>{children}</HashRouter>
    </QueryClientProvider>
  );
}
