/**
 * `npm run soak`: the model-based money test with fresh seeds and many more
 * sequences than `npm test` runs. SOAK_RUNS sets how many (default 2,000),
 * SOAK_SEED replays one. A failure prints its seed, path and shrunk commands.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { startSandbox } from '../../sandbox/server';
import { moneyProperty } from '../model/purchase-commands';
import { PurchaseSystem } from '../model/purchase-system';

const runs = Number(process.env.SOAK_RUNS ?? 2_000);
const seed = process.env.SOAK_SEED ? Number(process.env.SOAK_SEED) : Date.now() % 2 ** 31;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'purchase-soak-'));
const sandbox = await startSandbox({
  dataDir: path.join(root, 'sandbox'),
  now: () => new Date('2026-06-15T14:30:00Z'),
});
const templateDir = path.join(root, 'template');
let sequence = 0;

console.log(`Soaking purchases: ${runs} command sequences, seed ${seed}`);
const started = Date.now();
try {
  await PurchaseSystem.prepareTemplate(sandbox, templateDir);
  await fc.assert(
    moneyProperty({
      sandbox,
      templateDir,
      newDataDir: () => path.join(root, `app-${++sequence}`),
      clients: ['cl_atlas-fitness-studios', 'cl_bluebird-bakery-co', 'cl_northwind-dental-group'],
      maxCommands: 12,
    }),
    { numRuns: runs, seed },
  );
  console.log(`${runs} passed, 0 failed (seed ${seed}, ${Math.round((Date.now() - started) / 1000)} s)`);
} catch (error) {
  console.error(`Soak failed with seed ${seed} (replay: SOAK_SEED=${seed} npm run soak)`);
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await sandbox.close();
  fs.rmSync(root, { recursive: true, force: true });
}
