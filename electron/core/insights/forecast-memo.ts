/**
 * Every client's forecast, kept between dashboard views. A forecast depends only on the client's credit log
 * (append-only, so the seq of its latest entry names all of it), the balance, renewal and allocation the billing
 * service last gave, the packs on sale and the day. While none of those changed it is the same forecast, so a
 * dashboard after a sync recomputes only the clients the sync or a purchase touched.
 */
import type { Client, Pack } from '../../../shared/api/billing-api';
import type { RunwayForecastModel } from '../../../shared/ipc/insight-models';
import type { Repositories } from '../db/repositories';
import { clientForecast } from './client-forecast';

interface ForecastInputs {
  today: string;
  lastSeq: number;
  plan: number;
  topUp: number;
  renewalDate: string;
  allocation: number;
  catalogue: string;
}

interface Kept {
  inputs: ForecastInputs;
  forecast: RunwayForecastModel;
}

function sameInputs(a: ForecastInputs, b: ForecastInputs): boolean {
  return (
    a.today === b.today &&
    a.lastSeq === b.lastSeq &&
    a.plan === b.plan &&
    a.topUp === b.topUp &&
    a.renewalDate === b.renewalDate &&
    a.allocation === b.allocation &&
    a.catalogue === b.catalogue
  );
}

export function createForecastMemo() {
  let kept = new Map<string, Kept>();
  return {
    /** Each client with its forecast, in the order given; forgets clients that are no longer listed. */
    forecastAll(
      repos: Repositories,
      clients: readonly Client[],
      packs: readonly Pack[],
      today: string,
    ): { client: Client; forecast: RunwayForecastModel }[] {
      const catalogue = JSON.stringify(packs.map((pack) => [pack.id, pack.tokens, pack.price]));
      const lastSeqs = repos.ledger.lastSeqs();
      const next = new Map<string, Kept>();
      const answers = clients.map((client) => {
        const inputs: ForecastInputs = {
          today,
          lastSeq: lastSeqs.get(client.id) ?? 0,
          plan: client.balance.plan,
          topUp: client.balance.top_up,
          renewalDate: client.renewal_date,
          allocation: client.plan.tokens_per_cycle,
          catalogue,
        };
        const previous = kept.get(client.id);
        const current =
          previous && sameInputs(previous.inputs, inputs)
            ? previous
            : { inputs, forecast: clientForecast(repos.dailyLedger, client, packs, today) };
        next.set(client.id, current);
        return { client, forecast: current.forecast };
      });
      kept = next;
      return answers;
    },
  };
}

export type ForecastMemo = ReturnType<typeof createForecastMemo>;
