import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../sandbox/server';

/** A fixed clock so seeded data is the same on every run. */
export const FIXED_NOW = new Date('2026-06-15T14:30:00.000Z');

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sandbox-test-'));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export function startTestSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  return startSandbox({ port: 0, now: () => FIXED_NOW, ...options });
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Calls the sandbox with its token unless `token` says otherwise (null sends no Authorization header). */
export async function call(
  sandbox: SandboxHandle,
  method: string,
  pathAndQuery: string,
  options: {
    body?: unknown;
    token?: string | null;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiResponse> {
  const token = options.token === undefined ? sandbox.token : options.token;
  const headers: Record<string, string> = { ...options.headers };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${sandbox.url}${pathAndQuery}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.startsWith('application/json') ?? false;
  return { status: response.status, headers: response.headers, body: isJson ? JSON.parse(text) : text };
}

/** GETs a route and parses the 200 body with the route's response schema. */
export async function getParsed<T extends z.ZodType>(
  sandbox: SandboxHandle,
  pathAndQuery: string,
  schema: T,
): Promise<z.output<T>> {
  const response = await call(sandbox, 'GET', pathAndQuery);
  if (response.status !== 200) {
    throw new Error(`GET ${pathAndQuery} → ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return schema.parse(response.body);
}
