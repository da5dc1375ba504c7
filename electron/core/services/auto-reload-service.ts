import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { toClientDetail } from './model-mappers';
import type { ServiceContext } from './service-context';

export const OFFLINE_AUTO_RELOAD = 'Offline — Auto Reload settings need a connection';

export function autoReloadHandlers(ctx: ServiceContext): Pick<Handlers, 'autoReload.update'> {
  return {
    /** Saved through the billing API first; the cache holds only what the service accepted. */
    'autoReload.update': async ({ clientId, settings }) => {
      const api = ctx.session.api();
      if (!api) throw new AppError('unauthorized', 'Sign in to the billing service to change Auto Reload.');
      if (ctx.sync.status().state === 'offline') throw new AppError('offline', OFFLINE_AUTO_RELOAD);
      const client = await api.updateAutoReload(clientId, {
        enabled: settings.enabled,
        pack_id: settings.packId,
        threshold: settings.threshold,
        monthly_limit: settings.monthlyLimit,
      });
      if (client.id !== clientId)
        throw new AppError('server', 'The billing service answered for another client.');
      if (ctx.repos.clients.upsertMany([client]) > 0)
        ctx.emit('cache.changed', { scopes: ['clients'], clientIds: [clientId] });
      return toClientDetail(client, ctx.repos.syncProblems.get(clientId));
    },
  };
}
