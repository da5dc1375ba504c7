import type { Handlers } from '../../../shared/ipc/contract';
import { toAccount } from './model-mappers';
import type { ServiceContext } from './service-context';

export function accountHandlers(ctx: ServiceContext): Pick<Handlers, 'account.get'> {
  return {
    'account.get': async () => {
      const me = ctx.repos.account.get();
      return me ? toAccount(me) : null;
    },
  };
}
