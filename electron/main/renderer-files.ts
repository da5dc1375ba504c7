import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { contentTypeFor } from '../web-host/static-files';
import { APP_HOST } from './app-url';

/**
 * Answers app://renderer/<path> requests with files of the built renderer
 * (out/renderer) and never anything outside it. Every response, errors
 * included, carries the CSP so no document of ours is ever without it. Kept
 * free of Electron so the rules are plain functions of a Request.
 */
export interface RendererFilesOptions {
  rendererDir: string;
  contentSecurityPolicy: string;
}

export type RendererFileHandler = (request: Request) => Promise<Response>;

export function createRendererFileHandler(options: RendererFilesOptions): RendererFileHandler {
  const root = resolve(options.rendererDir);
  const headers = (contentType: string): Record<string, string> => ({
    'Content-Type': contentType,
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  const text = (status: number, message: string) =>
    new Response(message, { status, headers: headers('text/plain; charset=utf-8') });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed.');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return text(404, 'Not found.');
    const target = resolveInside(root, url.pathname === '/' ? '/index.html' : url.pathname);
    if (target === 'bad') return text(400, 'Bad request path.');
    if (target === 'outside') return text(403, 'Forbidden.');
    if (!(await isFile(target))) return text(404, 'Not found.');
    const body = await readFile(target);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...headers(contentTypeFor(target)), 'Content-Length': String(body.length) },
    });
  };
}

/** `rawPath` is the URL path as parsed, still percent-encoded (an encoded "/" or ".." is decoded here). */
function resolveInside(root: string, rawPath: string): string | 'bad' | 'outside' {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return 'bad';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'bad';
  const target = resolve(root, `.${decoded}`);
  return target.startsWith(root + sep) ? target : 'outside';
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
