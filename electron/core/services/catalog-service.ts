import type { Handlers } from '../../../shared/ipc/contract';
import { toPackModel, toPlanModel } from './model-mappers';
import type { ServiceContext } from './service-context';

export function catalogHandlers(ctx: ServiceContext): Pick<Handlers, 'catalog.get'> {
  return {
    'catalog.get': async () => ({
      packs: ctx.repos.packs.list().map(toPackModel),
      plans: ctx.repos.plans.list().map(toPlanModel),
    }),
  };
}
