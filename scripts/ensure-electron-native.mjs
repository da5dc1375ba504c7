#!/usr/bin/env node
/**
 * Makes sure an Electron-ABI build of better-sqlite3 exists at
 * .cache/electron-native/<electron version>/better_sqlite3.node, which
 * electron/main/native-binding.ts hands to the core in development.
 *
 * node_modules keeps its Node-ABI build (the tests run under plain Node), so
 * the Electron build is made in a temporary copy of the package: first by
 * downloading a prebuilt binary (prebuild-install), else by compiling against
 * Electron's headers (node-gyp). Both need network access once per version.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** Where the binding for one Electron version lives, and the marker recording which better-sqlite3 built it. */
export function electronNativePaths(root, electronVersion) {
  const dir = join(root, '.cache', 'electron-native', electronVersion);
  return { dir, binding: join(dir, 'better_sqlite3.node'), marker: join(dir, 'better-sqlite3.version') };
}

/** A build is reusable only if it exists and was made from the better-sqlite3 version installed now. */
export function isUpToDate(paths, betterSqliteVersion) {
  if (!existsSync(paths.binding) || !existsSync(paths.marker)) return false;
  return readFileSync(paths.marker, 'utf8').trim() === betterSqliteVersion;
}

function packageInfo(name) {
  const manifest = require.resolve(`${name}/package.json`);
  return { dir: dirname(manifest), version: JSON.parse(readFileSync(manifest, 'utf8')).version };
}

/** Runs a package's CLI with this Node, so no shell or .cmd shim is involved on any platform. */
function runCli(cliModule, args, cwd) {
  console.log(`  $ ${cliModule} ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [require.resolve(cliModule), ...args], {
    cwd,
    stdio: 'inherit',
  });
  return result.status === 0;
}

function buildInTempCopy(sourceDir, electronVersion) {
  const workDir = mkdtempSync(join(tmpdir(), 'electron-native-'));
  const copy = join(workDir, 'better-sqlite3');
  try {
    const staleBuild = join(sourceDir, 'build');
    cpSync(sourceDir, copy, {
      recursive: true,
      filter: (path) => path !== staleBuild && !path.startsWith(staleBuild + sep),
    });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    const arch = process.env.npm_config_arch || process.arch;
    console.log(
      `Trying a prebuilt better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch})…`,
    );
    const prebuilt = runCli(
      'prebuild-install/bin.js',
      ['--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose'],
      copy,
    );
    if (!prebuilt || !existsSync(built)) {
      console.log(
        'No prebuilt binary; compiling against the Electron headers instead (needs a C++ toolchain)…',
      );
      const compiled = runCli(
        'node-gyp/bin/node-gyp.js',
        [
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          `--arch=${arch}`,
          '--runtime=electron',
          '--dist-url=https://electronjs.org/headers',
        ],
        copy,
      );
      if (!compiled || !existsSync(built)) throw new Error('Both prebuild-install and node-gyp failed.');
    }
    return { built, cleanup: () => rmSync(workDir, { recursive: true, force: true }) };
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const electronVersion = packageInfo('electron').version;
  const betterSqlite = packageInfo('better-sqlite3');
  const paths = electronNativePaths(root, electronVersion);

  if (isUpToDate(paths, betterSqlite.version)) {
    console.log(
      `Electron ${electronVersion} build of better-sqlite3 ${betterSqlite.version} is ready: ${paths.binding}`,
    );
    return;
  }

  console.log(
    `Building better-sqlite3 ${betterSqlite.version} for Electron ${electronVersion} (node_modules is left untouched).`,
  );
  const { built, cleanup } = buildInTempCopy(betterSqlite.dir, electronVersion);
  try {
    mkdirSync(paths.dir, { recursive: true });
    copyFileSync(built, paths.binding);
    writeFileSync(paths.marker, `${betterSqlite.version}\n`);
  } finally {
    cleanup();
  }
  console.log(`Wrote ${paths.binding}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error(
      `Could not prepare better-sqlite3 for Electron: ${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}
