import { useMutation } from '@tanstack/react-query';
import { formatInteger } from '../../../../shared/domain/format';
import type { ExportResult } from '../../../../shared/ipc/ledger-models';

function startDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}

function describeRows(rows: number | null): string {
  if (rows === null) return '';
  return ` ${formatInteger(rows)} ${rows === 1 ? 'row' : 'rows'}`;
}

/**
 * Finishes an export or invoice save the way the host chose to deliver it, and
 * returns the sentence to confirm it with (none when the person canceled).
 */
export function deliverFile(result: ExportResult): string | null {
  switch (result.status) {
    case 'saved':
      return result.rows === null
        ? `Saved ${result.fileName}`
        : `Saved${describeRows(result.rows)} to ${result.fileName}`;
    case 'download':
      startDownload(result.url, result.fileName);
      return `Downloading${describeRows(result.rows)} as ${result.fileName}`;
    case 'canceled':
      return null;
  }
}

/** A request for a file, finished by delivering it; `data` is the confirmation to show. */
export function useFileDelivery<Arg>(request: (arg: Arg) => Promise<ExportResult>) {
  return useMutation({ mutationFn: async (arg: Arg) => deliverFile(await request(arg)) });
}
