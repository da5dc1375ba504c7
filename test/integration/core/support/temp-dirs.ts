import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Temp directories removed after each test (register `cleanupTempDirs` in afterEach). */
const created: string[] = [];

export function makeTempDir(prefix = 'core-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
