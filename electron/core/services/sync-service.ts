import type { Handlers } from '../../../shared/ipc/contract';
import type { ServiceContext } from './service-context';

export function syncHandlers(ctx: ServiceContext): Pick<Handlers, 'sync.status' | 'sync.now' | 'sync.probe'> {
  return {
    'sync.status': async () => ctx.sync.status(),
    /** Starts (or joins) a sync and answers at once; progress arrives as sync.status events. */
    'sync.now': async () => {
      void ctx.sync.syncNow();
      return ctx.sync.status();
    },
    'sync.probe': () => ctx.sync.probe(),
  };
}
