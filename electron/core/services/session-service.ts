import type { Handlers } from '../../../shared/ipc/contract';
import { appInfo } from './app-service';
import type { ServiceContext } from './service-context';

export function sessionHandlers(ctx: ServiceContext): Pick<Handlers, 'session.signIn' | 'session.signOut'> {
  return {
    /** Checks the credentials against the billing API before keeping them. */
    'session.signIn': async ({ apiUrl, token }) => {
      const credentials = { apiUrl, token };
      const me = await ctx.createApi(credentials).getMe();
      await ctx.sync.cancel();
      await ctx.secretStore.save(credentials);
      ctx.session.activate(credentials, { demo: false, me });
      ctx.sync.refreshStatus();
      void ctx.sync.syncNow();
      return appInfo(ctx);
    },
    'session.signOut': async () => {
      await ctx.sync.cancel();
      await ctx.secretStore.clear();
      ctx.session.deactivate();
      ctx.sync.refreshStatus();
      return appInfo(ctx);
    },
  };
}
