import { AppError, describeErrorKind } from '../../../shared/ipc/errors';

/** The sentence to show a person for any failure; raw exceptions never reach the screen. */
export function messageFor(error: unknown): string {
  if (error instanceof AppError) return error.message.trim() || describeErrorKind(error.kind);
  return describeErrorKind('internal');
}
