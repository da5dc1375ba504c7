/**
 * The model-based money test with a fixed seed: the same 200 command sequences
 * on every run. `npm run soak` runs thousands with fresh seeds.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { SandboxHandle } from '../../../sandbox/server';
import { moneyProperty } from '../../model/purchase-commands';
import { PurchaseSystem } from '../../model/purchase-system';
import { cleanupTempDirs, makeTempDir } from '../core/support/temp-dirs';
import { CLIENT, startTestSandbox } from './support/purchase-world';

const SECOND_CLIENT = 'cl_bluebird-bakery-co';
let sandbox: SandboxHandle;
let templateDir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  templateDir = makeTempDir('money-model-template-');
  await PurchaseSystem.prepareTemplate(sandbox, templateDir);
}, 60_000);

afterAll(async () => {
  await sandbox.close();
  cleanupTempDirs();
});

describe('money under any sequence of purchases, faults, restarts, revoked tokens, aged keys and corrupt caches', () => {
  it('never charges twice, never loses a charge, never says "no charge" for a charge, and settles every doubt', async () => {
    await fc.assert(
      moneyProperty({
        sandbox,
        templateDir,
        newDataDir: () => makeTempDir('money-model-'),
        clients: [CLIENT, SECOND_CLIENT],
        maxCommands: 10,
      }),
      { numRuns: 200, seed: 20261202 },
    );
  }, 600_000);
});
