import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_CHUNKS, ICO_SIZES, LINUX_ICON_SIZES } from '../../../scripts/icons/icon-sizes';
import { loadBuilderConfig, projectRoot } from './builder-config';
import { readIcnsChunks, readIcoEntries, readPngInfo } from './icon-files';

const config = loadBuilderConfig();
const resource = (path: string) => readFileSync(join(projectRoot, path));
const setting = (sectionName: string, key: string) =>
  (config[sectionName] as Record<string, unknown>)[key] as string;

describe('app icons', () => {
  it('keeps the SVG sources they are generated from', () => {
    for (const file of ['resources/icon.svg', 'resources/icon-small.svg']) {
      expect(resource(file).toString('utf8')).toContain('viewBox="0 0 1024 1024"');
    }
  });

  it('has a 1024 px master PNG with transparency', () => {
    expect(readPngInfo(resource('resources/icon.png'))).toEqual({ width: 1024, height: 1024, colourType: 6 });
  });

  it('gives Windows an .ico with every shell size up to 256 px, each a matching PNG', () => {
    for (const path of [
      setting('win', 'icon'),
      setting('nsis', 'installerIcon'),
      setting('nsis', 'uninstallerIcon'),
    ]) {
      const entries = readIcoEntries(resource(path));
      expect(entries.map((entry) => entry.width)).toEqual([...ICO_SIZES]);
      expect(ICO_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 256]));
      for (const entry of entries) {
        const png = readPngInfo(entry.image);
        expect([png.width, png.height]).toEqual([entry.width, entry.height]);
      }
    }
  });

  it('gives macOS an .icns with every point size and Retina variant up to 1024 px', () => {
    for (const path of [setting('mac', 'icon'), setting('dmg', 'icon')]) {
      const chunks = readIcnsChunks(resource(path));
      expect(chunks.map((chunk) => chunk.type)).toEqual(ICNS_CHUNKS.map((chunk) => chunk.type));
      for (const [index, chunk] of chunks.entries()) {
        const size = ICNS_CHUNKS[index]?.size;
        expect(readPngInfo(chunk.image), chunk.type).toMatchObject({ width: size, height: size });
      }
    }
  });

  it('gives Linux one PNG per size, named <size>x<size>.png as electron-builder expects', () => {
    const dir = setting('linux', 'icon');
    for (const size of LINUX_ICON_SIZES) {
      expect(readPngInfo(resource(join(dir, `${size}x${size}.png`)))).toMatchObject({
        width: size,
        height: size,
      });
    }
  });

  it('ships the window icon the main process loads on Windows and Linux', () => {
    const extra = config.extraResources as Array<{ from: string; to: string }>;
    const windowIcon = extra.find((entry) => entry.to === 'icons/512x512.png');
    expect(windowIcon && existsSync(join(projectRoot, windowIcon.from))).toBe(true);
    expect(readPngInfo(resource('resources/icons/512x512.png'))).toMatchObject({ width: 512, height: 512 });
  });
});
