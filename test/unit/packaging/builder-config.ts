import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** electron-builder.yml as electron-builder reads it. */
export function loadBuilderConfig(): Record<string, unknown> {
  const config = load(readFileSync(join(projectRoot, 'electron-builder.yml'), 'utf8'));
  if (typeof config !== 'object' || config === null) throw new Error('electron-builder.yml is not a mapping');
  return config as Record<string, unknown>;
}

const electronBuilderRequire = createRequire(
  createRequire(import.meta.url).resolve('electron-builder/package.json'),
);

/**
 * Loads from the installed electron-builder's own app-builder-lib: the schema it
 * validates with, its macro expander and the glob matcher it applies to `files`.
 */
export const builderRequire = createRequire(electronBuilderRequire.resolve('app-builder-lib/package.json'));

const { minimatch } = builderRequire('minimatch') as {
  minimatch(path: string, pattern: string, options?: { dot?: boolean }): boolean;
};

export function matchesGlob(path: string, pattern: string): boolean {
  return minimatch(path, pattern, { dot: true });
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
