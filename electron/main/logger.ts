import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/runtime/types';

type Level = 'info' | 'warn' | 'error';

/**
 * Console plus a log file in the OS log folder, so a packaged app that was
 * started from the dock still leaves something to attach to a bug report.
 */
export function createLogger(logDir: string | null): Logger {
  let file: WriteStream | null = null;
  if (logDir) {
    try {
      mkdirSync(logDir, { recursive: true });
      file = createWriteStream(join(logDir, 'main.log'), { flags: 'a' });
      file.on('error', (error) => {
        console.warn(`Logging to the console only: ${String(error)}`);
        file = null;
      });
    } catch (error) {
      console.warn(`Logging to the console only: ${String(error)}`);
    }
  }

  const write = (level: Level, message: string, details?: Record<string, unknown>) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}${
      details ? ` ${JSON.stringify(details)}` : ''
    }`;
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
    file?.write(`${line}\n`);
  };

  return {
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
  };
}
