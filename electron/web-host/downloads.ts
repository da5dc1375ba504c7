/**
 * The web host's way of saving a file: the core writes it to a private temp
 * folder, the browser fetches it once from /api/downloads/<token> (behind the
 * same session cookie as every other API call), and it is deleted after that
 * or after a few minutes, whichever comes first.
 */
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportResult } from '../../shared/ipc/ledger-models';
import type { FilesPort, SaveFileRequest } from '../core/files/files-port';
import { writeFileStreaming } from '../core/files/write-file';
import { randomToken } from './request-guard';
import { API_HEADERS, sendEnvelopeError } from './responses';

export const DOWNLOADS_PATH = '/api/downloads/';
const UNCLAIMED_TTL_MS = 10 * 60_000;

interface Pending {
  path: string;
  fileName: string;
  contentType: string;
  expiry: NodeJS.Timeout;
}

/** RFC 6266: a plain ASCII fallback plus the exact UTF-8 name. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export class Downloads implements FilesPort {
  private readonly dir = mkdtempSync(join(tmpdir(), 'abc-downloads-'));
  private readonly pending = new Map<string, Pending>();

  async saveFile(request: SaveFileRequest): Promise<ExportResult> {
    const token = randomToken();
    const path = join(this.dir, token);
    const rows = await writeFileStreaming(path, request);
    const expiry = setTimeout(() => void this.discard(token), UNCLAIMED_TTL_MS);
    expiry.unref();
    this.pending.set(token, {
      path,
      fileName: request.suggestedName,
      contentType: request.contentType,
      expiry,
    });
    return { status: 'download', fileName: request.suggestedName, rows, url: `${DOWNLOADS_PATH}${token}` };
  }

  /** Serves a download once; a second request for the same token finds nothing. */
  async serve(res: ServerResponse, token: string): Promise<void> {
    if (res.req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      sendEnvelopeError(res, 405, 'validation', 'Use GET to download a file.');
      return;
    }
    const file = this.pending.get(token);
    if (!file) {
      sendEnvelopeError(res, 404, 'not_found', 'This download has expired or was already taken.');
      return;
    }
    this.pending.delete(token);
    clearTimeout(file.expiry);
    const { size } = await stat(file.path);
    res.writeHead(200, {
      ...API_HEADERS,
      'Content-Type': file.contentType,
      'Content-Length': String(size),
      'Content-Disposition': attachmentHeader(file.fileName),
    });
    const stream = createReadStream(file.path);
    stream.pipe(res);
    res.on('close', () => {
      stream.destroy();
      void rm(file.path, { force: true });
    });
  }

  close(): void {
    for (const file of this.pending.values()) clearTimeout(file.expiry);
    this.pending.clear();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async discard(token: string): Promise<void> {
    const file = this.pending.get(token);
    if (!file) return;
    this.pending.delete(token);
    await rm(file.path, { force: true });
  }
}
