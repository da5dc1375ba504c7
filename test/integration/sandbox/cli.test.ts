import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from './sandbox-fixture';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

describe('npm run sandbox (sandbox/cli.ts)', () => {
  it('prints the API URL and token, serves them, and stops on SIGTERM', async () => {
    const dataDir = tempDir();
    cleanups.push(() => removeDir(dataDir));
    const child = spawn('npx', ['tsx', 'sandbox/cli.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, SANDBOX_PORT: '0', BILLING_API_TOKEN: 'cli-secret', SANDBOX_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const pid = child.pid;
    if (pid === undefined) throw new Error('could not spawn the sandbox CLI');
    cleanups.push(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-pid, 'SIGKILL');
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (/^Billing API token: .*\n/m.test(stdout)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`CLI exited (${code}) early: ${stderr}`)));
    });

    const url = /^Billing API: (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout)?.[1];
    expect(url).toBeDefined();
    expect(stdout).toMatch(/^Billing API token: cli-secret$/m);
    const me = await fetch(`${url}/v1/me`, { headers: { Authorization: 'Bearer cli-secret' } });
    expect(me.status).toBe(200);

    const exited = once(child, 'exit');
    process.kill(-pid, 'SIGTERM');
    await exited;
    await expect(fetch(`${url}/v1/me`)).rejects.toThrow();
    // A clean close checkpoints SQLite's write-ahead log and deletes it. The npx wrapper exits first; the
    // sandbox's own process closes the store just after, later still on a CI runner busy with other suites.
    const wal = path.join(dataDir, 'sandbox.sqlite-wal');
    for (let i = 0; i < 200 && fs.existsSync(wal); i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(fs.existsSync(wal)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'sandbox.sqlite'))).toBe(true);
  }, 60_000);
});
