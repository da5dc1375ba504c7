import type { Handlers } from '../../../shared/ipc/contract';
import { accountHandlers } from './account-service';
import { appHandlers } from './app-service';
import { catalogHandlers } from './catalog-service';
import { clientsHandlers } from './clients-service';
import { noticesHandlers } from './notices-service';
import type { ServiceContext } from './service-context';
import { sessionHandlers } from './session-service';
import { syncHandlers } from './sync-service';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...sessionHandlers(ctx),
    ...accountHandlers(ctx),
    ...clientsHandlers(ctx),
    ...catalogHandlers(ctx),
    ...syncHandlers(ctx),
    ...noticesHandlers(ctx),
  };
}
