/**
 * Regenerates every raster app icon from the SVG sources in resources/:
 * icon.png (1024 px master), icon.ico (Windows), icon.icns (macOS) and
 * icons/<n>x<n>.png (Linux). Run with `npm run icons` after editing the SVGs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ICNS_CHUNKS,
  ICO_SIZES,
  LINUX_ICON_SIZES,
  MASTER_ICON_SIZE,
  SMALL_ICON_MAX_SIZE,
} from './icon-sizes';
import { packIcns } from './pack-icns';
import { packIco } from './pack-ico';
import { createSvgRasterizer } from './rasterize-svg';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const resources = join(root, 'resources');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function main(): Promise<void> {
  const artwork = {
    full: readFileSync(join(resources, 'icon.svg'), 'utf8'),
    small: readFileSync(join(resources, 'icon-small.svg'), 'utf8'),
  };
  const sizes = new Set<number>([
    MASTER_ICON_SIZE,
    ...LINUX_ICON_SIZES,
    ...ICO_SIZES,
    ...ICNS_CHUNKS.map((chunk) => chunk.size),
  ]);

  const rasterizer = await createSvgRasterizer(chromiumPath);
  const pngs = new Map<number, Buffer>();
  try {
    for (const size of [...sizes].sort((a, b) => a - b)) {
      pngs.set(
        size,
        await rasterizer.render(size <= SMALL_ICON_MAX_SIZE ? artwork.small : artwork.full, size),
      );
    }
  } finally {
    await rasterizer.close();
  }
  const png = (size: number): Buffer => {
    const image = pngs.get(size);
    if (!image) throw new Error(`No ${size} px rendering`);
    return image;
  };

  const written: string[] = [];
  const write = (path: string, data: Buffer) => {
    writeFileSync(path, data);
    written.push(`${relative(root, path)} (${data.length} bytes)`);
  };

  write(join(resources, 'icon.png'), png(MASTER_ICON_SIZE));
  write(join(resources, 'icon.ico'), packIco(ICO_SIZES.map(png)));
  write(
    join(resources, 'icon.icns'),
    packIcns(ICNS_CHUNKS.map(({ type, size }) => ({ type, png: png(size) }))),
  );
  mkdirSync(join(resources, 'icons'), { recursive: true });
  for (const size of LINUX_ICON_SIZES) write(join(resources, 'icons', `${size}x${size}.png`), png(size));

  console.log(`Wrote:\n  ${written.join('\n  ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
