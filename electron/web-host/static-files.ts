/** Serves the built renderer (out/renderer) without ever leaving that folder. */
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { send, sendText } from './responses';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export class StaticFiles {
  private readonly root: string;

  constructor(
    rendererDir: string,
    private readonly pageHeaders: Record<string, string>,
  ) {
    this.root = resolve(rendererDir);
  }

  /** `rawPath` is the request path as sent, before any decoding or dot-segment removal. */
  async serve(res: ServerResponse, rawPath: string): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(rawPath);
    } catch {
      sendText(res, 400, 'Bad request path.');
      return;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) {
      sendText(res, 400, 'Bad request path.');
      return;
    }
    const target = resolve(this.root, `.${decoded}`);
    if (target !== this.root && !target.startsWith(this.root + sep)) {
      sendText(res, 403, 'Forbidden.');
      return;
    }
    if (await isFile(target)) {
      await this.sendFile(res, target);
      return;
    }
    // Client-side routes have no file; anything that looks like an asset must really exist.
    if (extname(target) !== '') {
      sendText(res, 404, 'Not found.');
      return;
    }
    await this.sendFile(res, resolve(this.root, 'index.html'));
  }

  private async sendFile(res: ServerResponse, path: string): Promise<void> {
    let body: Buffer;
    try {
      body = await readFile(path);
    } catch {
      sendText(res, 404, 'Not found.');
      return;
    }
    const type = contentTypeFor(path);
    const headers = type.startsWith('text/html') ? this.pageHeaders : {};
    send(res, 200, { ...headers, 'Content-Type': type, 'Cache-Control': this.cachePolicy(path) }, body);
  }

  /**
   * Built assets carry their content hash in their name, so a name never changes meaning: the browser keeps them
   * (and the code it compiled from them) across loads. Anything else is asked for again.
   */
  private cachePolicy(path: string): string {
    return path.startsWith(resolve(this.root, 'assets') + sep)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';
  }
}
