#!/usr/bin/env node
/**
 * Electronegativity (Doyensec's Electron security linter) over electron/, as a
 * gate: every finding must be fixed or listed in electronegativity-allowlist.json
 * with the reason it is a false positive. Runs offline: the Electron version is
 * given explicitly and the one check that downloads Electron's release list is
 * skipped (the version is pinned in package.json and reviewed on upgrade).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ONLINE_ONLY_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const Allowlist = z.array(
  z.strictObject({
    check: z.string().regex(/^[A-Z0-9_]+$/, 'use the check id, e.g. OPEN_EXTERNAL_JS_CHECK'),
    file: z.string().min(1),
    reason: z.string().trim().min(20, 'explain why this is a false positive'),
  }),
);

function loadAllowlist() {
  const file = join(root, 'electronegativity-allowlist.json');
  const parsed = Allowlist.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`${relative(root, file)} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

function toRepoPath(file) {
  return relative(root, file).split(sep).join('/');
}

async function main() {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const allowlist = loadAllowlist();
  const run = require('@doyensec/electronegativity');

  console.log(`Electronegativity: scanning electron/ as Electron ${electronVersion}`);
  const result = await run({
    input: join(root, 'electron'),
    electronVersionOverride: electronVersion,
    excludeFromScan: ONLINE_ONLY_CHECKS,
    parserPlugins: [],
  });

  const unparsed = result.errors.filter((error) => !error.tolerable);
  for (const error of unparsed) console.error(`Could not parse ${toRepoPath(error.file)}: ${error.message}`);

  const used = new Set();
  const blocking = [];
  for (const issue of result.issues) {
    const file = toRepoPath(issue.file);
    const where = `${file}:${issue.location.line}:${issue.location.column}`;
    const entry = allowlist.find((allowed) => allowed.check === issue.id && allowed.file === file);
    if (entry) {
      used.add(entry);
      console.log(`  allowed  ${issue.id} ${where}\n           ${entry.reason}`);
    } else {
      blocking.push(issue);
      console.log(
        `  FINDING  ${issue.id} [${issue.severity.name}/${issue.confidence.name}] ${where}\n` +
          `           ${issue.description} (${issue.shortenedURL})\n           > ${issue.sample}`,
      );
    }
  }
  for (const entry of allowlist.filter((allowed) => !used.has(allowed))) {
    console.log(`  stale allowlist entry (matches nothing now): ${entry.check} ${entry.file}`);
  }

  console.log(
    `${result.globalChecks + result.atomicChecks} checks, ${result.issues.length} findings, ` +
      `${blocking.length} not allowlisted, ${unparsed.length} files not parsed.`,
  );
  return blocking.length === 0 && unparsed.length === 0;
}

main().then(
  (clean) => process.exit(clean ? 0 : 1),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
