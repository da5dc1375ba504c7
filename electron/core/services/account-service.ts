import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { toAccount } from './model-mappers';
import type { ServiceContext } from './service-context';

export const OFFLINE_CARD_UPDATE = 'Offline — updating the card needs a connection';

export function accountHandlers(ctx: ServiceContext): Pick<Handlers, 'account.get' | 'account.updateCard'> {
  return {
    'account.get': async ({ refresh }) => {
      const api = ctx.session.api();
      if (refresh && api && ctx.sync.status().state !== 'offline') {
        // The cached account still answers when this fails; the sync reports why.
        const fresh = await api.getMe().catch(() => null);
        if (
          fresh &&
          fresh.agency.id === ctx.repos.account.get()?.agency.id &&
          ctx.repos.account.save(fresh)
        ) {
          ctx.emit('cache.changed', { scopes: ['account'] });
        }
      }
      const me = ctx.repos.account.get();
      return me ? toAccount(me, ctx.repos.clients.countWithAutoReload()) : null;
    },
    'account.updateCard': async () => {
      const api = ctx.session.api();
      if (!api) throw new AppError('unauthorized', 'Sign in to the billing service to update the card.');
      if (ctx.sync.status().state === 'offline') throw new AppError('offline', OFFLINE_CARD_UPDATE);
      const session = await api.createSetupSession();
      return { clientSecret: session.client_secret };
    },
  };
}
