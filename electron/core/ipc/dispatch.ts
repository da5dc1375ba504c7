import { ZodError } from 'zod';
import { channels, isChannelName, type ChannelName, type Handlers } from '../../../shared/ipc/contract';
import { AppError, type AppErrorShape, type IpcResult } from '../../../shared/ipc/errors';
import type { Logger } from '../runtime/types';

export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

function failure(error: AppErrorShape): IpcResult<never> {
  return { ok: false, error };
}

/**
 * The single entry point for untrusted calls from a window: unknown channels
 * and bad input are refused before any handler runs, and whatever happens the
 * caller gets an envelope with a typed error, never an exception.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  logger?: Logger,
): Promise<IpcResult<unknown>> {
  if (!isChannelName(channel)) {
    return failure({ kind: 'validation', message: `Unknown channel: ${String(channel).slice(0, 100)}` });
  }
  const parsed = channels[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return failure({
      kind: 'validation',
      message: `Invalid input for ${channel}: ${describeZodError(parsed.error)}`,
    });
  }
  try {
    const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    return { ok: true, value: checkOutput(channel, value) };
  } catch (error) {
    if (error instanceof AppError) return failure(error.toShape());
    logger?.error(`Handler for ${channel} failed`, {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return failure({ kind: 'internal', message: 'Something went wrong in the app.' });
  }
}

/** A handler answering outside the contract is a bug; it must not reach the renderer as data. */
function checkOutput(channel: ChannelName, value: unknown): unknown {
  const parsed = channels[channel].output.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ZodError(parsed.error.issues);
}
