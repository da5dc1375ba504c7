import type { Handlers } from '../../../shared/ipc/contract';
import { accountHandlers } from './account-service';
import { autoReloadHandlers } from './auto-reload-service';
import { appHandlers } from './app-service';
import { catalogHandlers } from './catalog-service';
import { clientsHandlers } from './clients-service';
import { insightsHandlers } from './insights-service';
import { invoicesHandlers } from './invoices-service';
import { ledgerHandlers } from './ledger-service';
import { noticesHandlers } from './notices-service';
import { purchasesHandlers } from './purchases-service';
import type { ServiceContext } from './service-context';
import { sessionHandlers } from './session-service';
import { stripeHandlers } from './stripe-service';
import { syncHandlers } from './sync-service';
import { updateHandlers } from './update-service';

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...sessionHandlers(ctx),
    ...accountHandlers(ctx),
    ...clientsHandlers(ctx),
    ...catalogHandlers(ctx),
    ...syncHandlers(ctx),
    ...ledgerHandlers(ctx),
    ...invoicesHandlers(ctx),
    ...insightsHandlers(ctx),
    ...noticesHandlers(ctx),
    ...purchasesHandlers(ctx),
    ...autoReloadHandlers(ctx),
    ...stripeHandlers(ctx),
    ...updateHandlers(ctx),
  };
}
