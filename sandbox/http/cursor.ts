/**
 * Opaque list cursors: base64url JSON that only the sandbox reads back. A cursor
 * that does not decode to the expected shape is the caller's error (400).
 */
import type { z } from 'zod';
import { invalidRequest } from './api-error';

export function encodeCursor(position: object): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidRequest('cursor is not a cursor this API returned', 'invalid_cursor');
  }
  const parsed = shape.safeParse(raw);
  if (!parsed.success) throw invalidRequest('cursor is not a cursor this API returned', 'invalid_cursor');
  return parsed.data;
}
