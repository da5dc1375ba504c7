/**
 * The model-based money test with a fixed seed: the same command sequences on
 * every run. `npm run soak` runs thousands with fresh seeds. Each seed is its own
 * test file so the two halves of the fixed runs use both of the machine's cores.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { SandboxHandle } from '../../../../sandbox/server';
import { moneyProperty } from '../../../model/purchase-commands';
import { PurchaseSystem } from '../../../model/purchase-system';
import { cleanupTempDirs, makeTempDir } from '../../core/support/temp-dirs';
import { CLIENT, startTestSandbox } from './purchase-world';

const SECOND_CLIENT = 'cl_bluebird-bakery-co';

export function describeMoneyModel({ seed, numRuns }: { seed: number; numRuns: number }): void {
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
    it(`never charges twice, never loses a charge, never says "no charge" for a charge, and settles every doubt (seed ${seed})`, async () => {
      await fc.assert(
        moneyProperty({
          sandbox,
          templateDir,
          newDataDir: () => makeTempDir('money-model-'),
          clients: [CLIENT, SECOND_CLIENT],
          maxCommands: 10,
        }),
        { numRuns, seed },
      );
    }, 600_000);
  });
}
