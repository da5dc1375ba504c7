import type { Handlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { UNSUPPORTED_UPDATE_STATUS } from '../updates/update-status';
import type { ServiceContext } from './service-context';

export function updateHandlers(
  ctx: Pick<ServiceContext, 'updates'>,
): Pick<Handlers, 'update.status' | 'update.restart'> {
  return {
    'update.status': async () => ctx.updates?.status() ?? UNSUPPORTED_UPDATE_STATUS,
    'update.restart': async () => {
      if (!ctx.updates) throw new AppError('conflict', 'This app does not update itself here.');
      ctx.updates.restart();
      return ctx.updates.status();
    },
  };
}
