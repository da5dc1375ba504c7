import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { SaveFileRequest } from './files-port';

/**
 * Streams a file's content to disk as UTF-8 (no BOM), honouring back-pressure
 * so a million-row export never piles up in memory. A failed write leaves no
 * half file behind.
 */
export async function writeFileStreaming(filePath: string, request: SaveFileRequest): Promise<number | null> {
  const stream = createWriteStream(filePath, { encoding: 'utf8' });
  const failed = once(stream, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  try {
    const rows = await Promise.race([
      request.write({
        write: async (chunk) => {
          if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
        },
      }),
      failed,
    ]);
    stream.end();
    await Promise.race([once(stream, 'finish'), failed]);
    return rows;
  } catch (error) {
    stream.destroy();
    await rm(filePath, { force: true });
    throw error;
  }
}
