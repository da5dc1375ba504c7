import type { Handlers } from '../../../shared/ipc/contract';
import { toClientDetail, toClientSummary } from './model-mappers';
import type { ServiceContext } from './service-context';

export function clientsHandlers(ctx: ServiceContext): Pick<Handlers, 'clients.list' | 'clients.get'> {
  return {
    'clients.list': async ({ after, limit, ...query }) => {
      const page = ctx.repos.clients.listPage(query, after, limit);
      return {
        items: page.rows.map(toClientSummary),
        total: ctx.repos.clients.count(),
        matching: page.matching,
        nextCursor: page.nextCursor,
      };
    },
    'clients.get': async ({ clientId }) => {
      const client = ctx.repos.clients.get(clientId);
      return client ? toClientDetail(client, ctx.repos.syncProblems.get(clientId)) : null;
    },
  };
}
