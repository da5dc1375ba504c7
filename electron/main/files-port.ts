import { basename, extname, join } from 'node:path';
import { app, BrowserWindow, dialog, type SaveDialogOptions } from 'electron';
import type { FilesPort } from '../core/files/files-port';
import { writeFileStreaming } from '../core/files/write-file';

const FILTERS: Record<string, SaveDialogOptions['filters']> = {
  '.csv': [{ name: 'CSV file', extensions: ['csv'] }],
  '.html': [{ name: 'Web page', extensions: ['html'] }],
};

/** Exports and invoices go where the person picks in the system save dialog, streamed straight to disk. */
export function createElectronFilesPort(): FilesPort {
  return {
    async saveFile(request) {
      const options: SaveDialogOptions = {
        defaultPath: join(app.getPath('downloads'), request.suggestedName),
        filters: FILTERS[extname(request.suggestedName)] ?? [],
      };
      const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { status: 'canceled' };
      const rows = await writeFileStreaming(choice.filePath, request);
      return { status: 'saved', fileName: basename(choice.filePath), rows };
    },
  };
}
