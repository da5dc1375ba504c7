import type { ExportResult } from '../../../shared/ipc/ledger-models';
import { AppError } from '../../../shared/ipc/errors';

export interface FileSink {
  /** Resolves once the chunk may be followed by another (the file's back-pressure). */
  write(chunk: string): Promise<void>;
}

export interface SaveFileRequest {
  suggestedName: string;
  contentType: string;
  /** Writes the whole content; resolves to the number of data rows (null for a document). */
  write(sink: FileSink): Promise<number | null>;
}

/**
 * How the core hands a file to the person: Electron asks where with a save
 * dialog, the web host offers a one-time download. The core never picks a path.
 */
export interface FilesPort {
  saveFile(request: SaveFileRequest): Promise<ExportResult>;
}

export const noFilesPort: FilesPort = {
  saveFile: () => Promise.reject(new AppError('internal', 'This window cannot save files.')),
};
