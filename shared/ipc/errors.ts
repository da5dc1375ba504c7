import { z } from 'zod';

/**
 * The kinds of failure the UI knows how to explain. Every error that crosses
 * IPC or the web host is one of these, never a raw exception.
 */
export const APP_ERROR_KINDS = [
  'offline',
  'unauthorized',
  'not_found',
  'conflict',
  'validation',
  'server',
  'internal',
] as const;
export const AppErrorKind = z.enum(APP_ERROR_KINDS);
export type AppErrorKind = z.infer<typeof AppErrorKind>;

export const AppErrorShape = z.object({
  kind: AppErrorKind,
  message: z.string(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

export class AppError extends Error {
  readonly kind: AppErrorKind;

  constructor(kind: AppErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.kind = kind;
  }

  toShape(): AppErrorShape {
    return { kind: this.kind, message: this.message };
  }

  static fromShape(shape: AppErrorShape): AppError {
    return new AppError(shape.kind, shape.message);
  }
}

/** What an IPC call resolves to on the wire: the value, or a typed error. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorShape }),
  ]);
}

/** Plain-words explanation of an error kind, for when a message is not enough on its own. */
export function describeErrorKind(kind: AppErrorKind): string {
  switch (kind) {
    case 'offline':
      return "Can't reach the billing service. Showing saved data.";
    case 'unauthorized':
      return 'Your sign-in was not accepted. Check the API token.';
    case 'not_found':
      return 'That item no longer exists.';
    case 'conflict':
      return 'That change conflicts with another one. Refresh and try again.';
    case 'validation':
      return 'Some input was not valid.';
    case 'server':
      return 'The billing service had a problem. Try again in a moment.';
    case 'internal':
      return 'Something went wrong in the app.';
  }
}
