import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '../../../shared/ipc/models';
import type { SandboxHandle } from '../../../sandbox/server';
import type { PurchaseStep } from '../../../electron/core/purchases/purchase-flow';
import { cleanupTempDirs, makeTempDir } from '../core/support/temp-dirs';
import { expectOneToOne } from './support/sandbox-books';
import { clientBooks } from './support/sandbox-client';
import { startTestSandbox, unfinishedPurchases, withCacheAt } from './support/purchase-world';

const CHILD = path.resolve(import.meta.dirname, '../../fixtures/purchase-child.ts');

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: Record<string, unknown> | null;
  stderr: string;
}

function runChild(args: string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const line = stdout.trim().split('\n').at(-1);
      resolve({ code, signal, output: line ? (JSON.parse(line) as Record<string, unknown>) : null, stderr });
    });
  });
}

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.close();
  cleanupTempDirs();
});

/** Each step kills the app right after it is committed; restarting must settle the purchase exactly once. */
const CASES: { step: PurchaseStep; clientId: string; charged: number; notice: string | null }[] = [
  {
    step: 'pending',
    clientId: 'cl_northwind-dental-group',
    charged: 0,
    notice: 'Top up for Northwind Dental Group was not sent before the app closed; no charge was made.',
  },
  {
    step: 'processing',
    clientId: 'cl_bluebird-bakery-co',
    charged: 1,
    notice: 'Top up for Bluebird Bakery Co.: 5,000 tokens added after the app restarted.',
  },
  {
    step: 'response',
    clientId: 'cl_summit-ridge-outfitters',
    charged: 1,
    notice: 'Top up for Summit Ridge Outfitters: 5,000 tokens added after the app restarted.',
  },
  { step: 'applied', clientId: 'cl_lumen-skin-clinic', charged: 1, notice: null },
];

describe('a purchase interrupted by the app being killed', () => {
  it.each(CASES)(
    'after the $step step is settled once on restart',
    async ({ step, clientId, charged, notice }) => {
      const dataDir = makeTempDir('purchase-crash-');
      const base = [dataDir, sandbox.url, sandbox.token];

      const killed = await runChild([...base, 'buy', clientId, 'pack_5k', step]);
      expect(killed.signal, killed.stderr).toBe('SIGKILL');
      const left = withCacheAt(dataDir, unfinishedPurchases);
      expect(left.map((p) => p.state)).toEqual(
        step === 'applied' ? [] : [step === 'response' ? 'processing' : step],
      );

      const restarted = await runChild([...base, 'restart', clientId]);
      expect(restarted.code, restarted.stderr).toBe(0);

      const books = await clientBooks(sandbox, clientId);
      expectOneToOne(books, charged);
      const messages = (restarted.output?.notices as Notice[]).map((n) => n.message);
      expect(messages).toEqual(notice ? [notice] : []);
      withCacheAt(dataDir, (repos) => {
        const cached = repos.clients.get(clientId);
        expect(cached?.balance).toEqual(books.balance);
        const topUps = repos.ledger
          .listForClient(clientId)
          .filter((entry) => entry.type === 'top_up' && books.chargedTopUps.includes(entry.top_up_id ?? ''));
        expect(topUps).toHaveLength(charged);
        const invoices = repos.invoices.listForClient(clientId);
        expect(
          invoices.filter((invoice) => books.chargedTopUps.includes(invoice.top_up_id ?? '')),
        ).toHaveLength(charged);
        expect(unfinishedPurchases(repos)).toEqual([]);
      });
    },
  );
});
