import type { Handlers } from '../../../shared/ipc/contract';
import { toClientDetail, toClientSummary } from './model-mappers';
import type { ServiceContext } from './service-context';

export function clientsHandlers(ctx: ServiceContext): Pick<Handlers, 'clients.list' | 'clients.get'> {
  return {
    'clients.list': async (query) => ({
      items: ctx.repos.clients.listRows(query).map(toClientSummary),
      total: ctx.repos.clients.count(),
    }),
    'clients.get': async ({ clientId }) => {
      const client = ctx.repos.clients.get(clientId);
      return client ? toClientDetail(client, ctx.repos.syncProblems.get(clientId)) : null;
    },
  };
}
