import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRendererFileHandler, type RendererFileHandler } from '../../../electron/main/renderer-files';

const POLICY = "default-src 'self'; frame-ancestors 'none'";
const INDEX_HTML = '<!doctype html><title>App</title>';
const SECRET = 'outside the renderer';

let root: string;
let handle: RendererFileHandler;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'abc-renderer-files-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  handle = createRendererFileHandler({ rendererDir, contentSecurityPolicy: POLICY });
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('the app:// renderer file handler', () => {
  it('serves the page with the CSP header and its MIME type', async () => {
    const response = await get('app://renderer/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX_HTML);
    expect(await (await get('app://renderer/')).text()).toBe(INDEX_HTML);
  });

  it('serves scripts and styles with the types module loading and nosniff require', async () => {
    const script = await get('app://renderer/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(POLICY);
    expect(await script.text()).toBe('export {};');
    const style = await get('app://renderer/assets/index-abc.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each([
    'app://renderer/..%2fsecret.txt',
    'app://renderer/assets/..%2F..%2Fsecret.txt',
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/..%5csecret.txt',
    'app://renderer/%00index.html',
    'app://renderer/%E0%A4%A',
  ])('never reads outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect([400, 403, 404]).toContain(response.status);
    expect(await response.text()).not.toContain(SECRET);
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
  });

  it('answers 404 for missing files and other hosts, 405 for writes', async () => {
    expect((await get('app://renderer/assets/missing.js')).status).toBe(404);
    expect((await get('app://renderer/assets')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://renderer/index.html', 'POST')).status).toBe(405);
  });
});
