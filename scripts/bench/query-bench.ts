/** Query latency on a million-entry client, through the same code the channel handlers run. */
import { openCache } from '../../electron/core/db/open-cache';
import { createRepositories } from '../../electron/core/db/repositories';
import { toLedgerEntryModel } from '../../electron/core/ledger/ledger-entry-model';
import { clientsHandlers } from '../../electron/core/services/clients-service';
import type { ServiceContext } from '../../electron/core/services/service-context';
import { channels } from '../../shared/ipc/contract';
import { LedgerFilter, type LedgerFilterInput } from '../../shared/ipc/ledger-models';
import { BENCH_CLIENT_ID } from './build-bench-cache';
import { timeEach } from './stats';

const PAGE = 100;
const RUNS = 300;

export interface QueryCase {
  name: string;
  samples: number[];
  rows: number;
}

export const TYPING_CASE_PREFIX = 'FTS prefix search while typing';

/** Every keystroke of `typed` is a search, as the search box asks: one case over all of them. */
function typing(typed: string, search: (text: string) => unknown[]): QueryCase {
  const samples: number[] = [];
  for (let round = 0; round < RUNS / typed.length; round++)
    for (let n = 1; n <= typed.length; n++) {
      const start = performance.now();
      search(typed.slice(0, n));
      samples.push(performance.now() - start);
    }
  return { name: `${TYPING_CASE_PREFIX} "${typed}" letter by letter`, samples, rows: search(typed).length };
}

export async function benchQueries(dataDir: string): Promise<QueryCase[]> {
  const { db } = openCache({ dataDir });
  try {
    const repos = createRepositories(db);
    const page = (filter: LedgerFilterInput, before: number | null) =>
      repos.creditLog.page(BENCH_CLIENT_ID, LedgerFilter.parse(filter), before, PAGE).map(toLedgerEntryModel);
    const middle = repos.creditLog.page(
      BENCH_CLIENT_ID,
      LedgerFilter.parse({ types: ['usage'] }),
      500_000,
      1,
    )[0];
    const reference = middle?.submission_id ?? 'sub_1';
    const cases: { name: string; run: () => unknown[] }[] = [
      { name: 'first page', run: () => page({}, null) },
      { name: 'the oldest page (keyset)', run: () => page({}, PAGE + 1) },
      { name: 'type filter (refunds)', run: () => page({ types: ['refund'] }, null) },
      { name: 'type filter, 2 types', run: () => page({ types: ['top_up', 'auto_reload'] }, null) },
      { name: 'FTS search "newsl"', run: () => page({ search: 'newsl' }, null) },
      { name: 'FTS search "newsletter" (a whole word)', run: () => page({ search: 'newsletter' }, null) },
      { name: `FTS search "${reference}" (a reference)`, run: () => page({ search: reference }, null) },
    ];
    const results: QueryCase[] = cases.map((c) => {
      const rows = c.run().length;
      return { name: c.name, samples: timeEach(RUNS, () => c.run()), rows };
    });
    for (const typed of ['newsletter', reference])
      results.push(typing(typed, (search) => page({ search }, null)));

    const clientsList = clientsHandlers({ repos } as unknown as ServiceContext)['clients.list'];
    const typed = 'Cedar Fox Studio 12';
    const keystrokes: number[] = [];
    let rows = 0;
    for (let round = 0; round < 20; round++) {
      for (let n = 1; n <= typed.length; n++) {
        const input = channels['clients.list'].input.parse({ search: typed.slice(0, n) });
        const start = performance.now();
        rows = (await clientsList(input)).items.length;
        keystrokes.push(performance.now() - start);
      }
    }
    results.push({ name: 'client list keystroke (5,000 clients)', samples: keystrokes, rows });
    return results;
  } finally {
    db.close();
  }
}
