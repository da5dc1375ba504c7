import type { QueryClient } from '@tanstack/react-query';
import { AppRoutes } from './AppRoutes';
import { Providers } from './Providers';

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <Providers queryClient={queryClient}>
      <AppRoutes />
    </Providers>
  );
}
