import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import type { ServiceContext } from './service-context';

export function stripeHandlers(ctx: ServiceContext): Pick<Handlers, 'stripe.config'> {
  return {
    'stripe.config': async () => {
      let me = ctx.repos.account.get();
      const api = ctx.session.api();
      if (!me && api) {
        me = await api.getMe();
        if (ctx.repos.account.save(me)) ctx.emit('cache.changed', { scopes: ['account'] });
      }
      if (!me) throw new AppError('offline', 'Payments are not ready: the account has not been loaded yet.');
      return { publishableKey: me.stripe_publishable_key, standInScriptUrl: ctx.standInScriptUrl };
    },
  };
}
