import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builderRequire, loadBuilderConfig, matchesGlob, projectRoot, readJson } from './builder-config';

const config = loadBuilderConfig();
const section = (key: string) => config[key] as Record<string, unknown>;
const targets = (platform: string) =>
  (section(platform).target as Array<{ target: string; arch: string[] }>).map(({ target, arch }) => ({
    target,
    arch: [...arch].sort(),
  }));

/** Whether electron-builder's `files` patterns (with ! exclusions) take a path into the app. */
function shipsFile(path: string): boolean {
  let included = false;
  for (const pattern of config.files as string[]) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(path, pattern.slice(1))) included = false;
    } else if (matchesGlob(path, pattern)) {
      included = true;
    }
  }
  return included;
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own configuration schema", () => {
    const schema = builderRequire('./scheme.json') as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The same validator refuses what electron-builder would refuse, so the pass above means something.
    expect(validate({ ...config, notarise: true })).toBe(false);
    expect(validate({ ...config, nsis: { ...section('nsis'), oneClick: 'no' } })).toBe(false);
  });

  it('identifies the product and keeps build resources and output where the scripts expect them', () => {
    expect(config.appId).toBe('com.agencybilling.companion');
    expect(config.productName).toBe('Agency Billing Companion');
    expect(config.copyright).toMatch(/^Copyright ©/);
    expect(config.directories).toEqual({ buildResources: 'resources', output: 'dist' });
  });

  it('ships the built main, preload and renderer but no sources or source maps', () => {
    const pkg = readJson(join(projectRoot, 'package.json')) as { main: string };
    for (const file of [pkg.main, 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json']) {
      expect(shipsFile(file), file).toBe(true);
    }
    for (const file of [
      'electron/main/index.ts',
      'renderer/src/main.tsx',
      'sandbox/server.ts',
      'out/main/index.js.map',
    ]) {
      expect(shipsFile(file), file).toBe(false);
    }
  });

  it('unpacks the better-sqlite3 native module from the asar and rebuilds it for Electron', () => {
    const patterns = config.asarUnpack as string[];
    const nativeModule = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(patterns.some((pattern) => matchesGlob(nativeModule, pattern))).toBe(true);
    expect(patterns.some((pattern) => matchesGlob('node_modules/better-sqlite3/lib/index.js', pattern))).toBe(
      false,
    );
    expect(config.npmRebuild).toBe(true);
  });

  it('keeps what the packaged app loads at runtime in production dependencies', () => {
    const pkg = readJson(join(projectRoot, 'package.json')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['better-sqlite3', 'electron-updater']),
    );
    // electron-builder refuses to package an app that lists electron as a runtime dependency.
    expect(pkg.dependencies).not.toHaveProperty('electron');
    expect(pkg.devDependencies).toHaveProperty('electron');
  });

  it('sets the production Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).not.toBe(false);
  });

  it('builds a dmg and an update zip for both Mac architectures, hardened and notarized', () => {
    expect(targets('mac')).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
    const mac = section('mac');
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.notarize).toBe(true);
    expect(mac.category).toBe('public.app-category.business');
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const plist = readFileSync(join(projectRoot, mac[key] as string), 'utf8');
      expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
      // Electron's own default entitlements do without it; it would let any unsigned code run.
      expect(plist).not.toContain('allow-unsigned-executable-memory');
    }
  });

  it('builds an assisted per-user NSIS installer for x64 and arm64 with shortcuts', () => {
    expect(targets('win')).toEqual([{ target: 'nsis', arch: ['arm64', 'x64'] }]);
    expect(section('nsis')).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
    });
  });

  it('builds an AppImage for Linux', () => {
    expect(targets('linux')).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
  });

  it('publishes update metadata for a generic feed whose URL comes from the environment', () => {
    const publish = section('publish');
    expect(publish).toMatchObject({ provider: 'generic', channel: 'latest' });
    const { expandMacro } = builderRequire('./out/util/macroExpander') as {
      expandMacro(pattern: string, arch: string | null, appInfo: object): string;
    };
    const previous = process.env.UPDATE_FEED_URL;
    process.env.UPDATE_FEED_URL = 'https://updates.example.test/agency-billing';
    try {
      expect(expandMacro(publish.url as string, null, {})).toBe(
        'https://updates.example.test/agency-billing',
      );
    } finally {
      if (previous === undefined) delete process.env.UPDATE_FEED_URL;
      else process.env.UPDATE_FEED_URL = previous;
    }
  });

  it('refuses to build installers for an update feed that is not https', () => {
    const check = (feed: string | undefined) =>
      spawnSync(process.execPath, [join(projectRoot, 'scripts/check-update-feed.mjs')], {
        env: { ...process.env, UPDATE_FEED_URL: feed ?? '' },
        encoding: 'utf8',
      });
    const pkg = readJson(join(projectRoot, 'package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.predist).toBe('node scripts/check-update-feed.mjs');
    for (const feed of ['http://updates.example.test/agency-billing', 'not a url', undefined]) {
      const refused = check(feed);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('UPDATE_FEED_URL must be an https:// URL');
    }
    expect(check('https://updates.example.test/agency-billing').status).toBe(0);
  });

  it('names artifacts without spaces, because the update feed refers to them by URL', () => {
    for (const pattern of [config.artifactName, section('nsis').artifactName]) {
      expect(pattern).toEqual(expect.stringMatching(/^\S+\$\{ext\}$/));
    }
  });

  it('refers only to resource files that exist', () => {
    const extra = config.extraResources as Array<{ from: string }>;
    for (const file of extra.map((entry) => entry.from))
      expect(existsSync(join(projectRoot, file)), file).toBe(true);
  });
});
