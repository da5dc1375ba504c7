/**
 * The JavaScript a window loads before it can draw anything: the entry script of the built renderer and every
 * module it preloads (its static imports). Chunks loaded on first use (a screen, the payment flow, the charts)
 * are not counted. Sizes are of the minified files, with gzip for reference.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const RENDERER_OUT = join('out', 'renderer');

export interface InitialJs {
  files: string[];
  minifiedKb: number;
  gzipKb: number;
}

export function measureInitialJs(): InitialJs {
  const html = readFileSync(join(RENDERER_OUT, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="\.\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+)"/g),
  ].map((match) => match[1] ?? '');
  if (files.length === 0) throw new Error(`No entry script found in ${RENDERER_OUT}/index.html.`);
  let minified = 0;
  let gzip = 0;
  for (const file of files) {
    const path = join(RENDERER_OUT, file);
    minified += statSync(path).size;
    gzip += gzipSync(readFileSync(path)).length;
  }
  return { files, minifiedKb: Math.round(minified / 1024), gzipKb: Math.round(gzip / 1024) };
}
