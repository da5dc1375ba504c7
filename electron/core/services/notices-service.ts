import type { Handlers } from '../../../shared/ipc/contract';
import type { ServiceContext } from './service-context';

export function noticesHandlers(ctx: ServiceContext): Pick<Handlers, 'notices.list' | 'notices.dismiss'> {
  return {
    'notices.list': async () => ctx.notices.list(),
    'notices.dismiss': async ({ id }) => ctx.notices.dismiss(id),
  };
}
