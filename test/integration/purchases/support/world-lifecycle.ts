/**
 * Worlds that stop and start again on the same data, the way a manager quits,
 * crashes or signs in with another token: every app and sandbox a test opened
 * is closed after it.
 */
import { expect } from 'vitest';
import type { SandboxHandle } from '../../../../sandbox/server';
import type { Notice } from '../../../../shared/ipc/models';
import type { Purchase } from '../../../../shared/ipc/purchase-models';
import { CLIENT, openWorld, startTestSandbox, type World, type WorldOptions } from './purchase-world';
import { clientBooks, setFaults } from './sandbox-client';

export class Worlds {
  private readonly open: World[] = [];
  private readonly sandboxes: SandboxHandle[] = [];

  async sandbox(): Promise<SandboxHandle> {
    const started = await startTestSandbox();
    this.sandboxes.push(started);
    return started;
  }

  async app(on: SandboxHandle, options: WorldOptions = {}): Promise<World> {
    const world = await openWorld(on, options);
    this.open.push(world);
    return world;
  }

  async stop(world: World): Promise<void> {
    this.open.splice(this.open.indexOf(world), 1);
    await world.runtime.stop();
  }

  /** The same app data on the same sandbox, started again (options: another token, clock, …). */
  async restart(world: World, options: WorldOptions = {}): Promise<World> {
    await this.stop(world);
    return this.app(world.sandbox, { dataDir: world.dataDir, ...options });
  }

  async closeAll(): Promise<void> {
    for (const world of this.open.splice(0)) await world.runtime.stop().catch(() => undefined);
    for (const sandbox of this.sandboxes.splice(0)) await sandbox.close();
  }
}

export const purchaseIn = (world: World, id: string) =>
  world.invoke<Purchase | null>('purchases.get', { purchaseId: id });

export const noticesIn = (world: World) => world.invoke<Notice[]>('notices.list');

export function saysNoCharge(text: string | undefined): boolean {
  return /no charge/i.test(text ?? '');
}

/** A purchase charged by the billing API whose answers never reached the app. */
export async function chargedButUnanswered(world: World): Promise<Purchase> {
  await setFaults(world.sandbox, { drop_next: { route: 'createTopUp', count: 3 } });
  const purchase = await world.start(CLIENT, 'pack_5k');
  expect(purchase.state).toBe('processing');
  expect((await clientBooks(world.sandbox, CLIENT)).chargedTopUps).toHaveLength(1);
  return purchase;
}
