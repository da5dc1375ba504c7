import type { LedgerFilter } from '../../../../shared/ipc/ledger-models';
import { api } from '../../api/bridge';
import { messageFor } from '../../components/error-message';
import { DownloadIcon } from '../../components/icons';
import { useFileDelivery } from './file-delivery';

/** Exports exactly the rows the filter matches; the host decides between a save dialog and a download. */
export function ExportCsvButton({ clientId, filter }: { clientId: string; filter: LedgerFilter }) {
  const exportCsv = useFileDelivery(() => api.invoke('ledger.export', { clientId, filter }));

  return (
    <div className="export">
      <p className="export__message" role="status">
        {exportCsv.isError ? (
          <span className="export__error">Export failed: {messageFor(exportCsv.error)}</span>
        ) : (
          exportCsv.data
        )}
      </p>
      <button
        type="button"
        className="button button--secondary button--sm"
        onClick={() => exportCsv.mutate(undefined)}
        disabled={exportCsv.isPending}
      >
        <DownloadIcon />
        {exportCsv.isPending ? 'Exporting…' : 'Export CSV'}
      </button>
    </div>
  );
}
