import type { Handlers } from '../../../shared/ipc/contract';
import type { AppInfo } from '../../../shared/ipc/models';
import type { ServiceContext } from './service-context';

export function appInfo(ctx: ServiceContext): AppInfo {
  const session = ctx.session.current();
  if (!session) return { version: ctx.version, workspace: null, signedIn: false, demo: false };
  // Until the first sync has fetched the account the names are unknown, not missing.
  const me = ctx.repos.account.get();
  return {
    version: ctx.version,
    signedIn: true,
    demo: session.demo,
    workspace: {
      agencyName: me?.agency.name ?? '',
      userName: me?.user.name ?? '',
      userEmail: me?.user.email ?? '',
      demo: session.demo,
      apiUrl: session.apiUrl,
    },
  };
}

export function appHandlers(ctx: ServiceContext): Pick<Handlers, 'app.info'> {
  return { 'app.info': async () => appInfo(ctx) };
}
