import { useState } from 'react';
import { formatRelativeTime } from '../../../../shared/domain/format';
import type { ClientDetail } from '../../../../shared/ipc/models';
import { AlertIcon } from '../../components/icons';
import { useNow } from '../../hooks/use-now';
import './sync-problems.css';

type CopyState = 'idle' | 'copied' | 'failed';

const COPY_FEEDBACK: Record<CopyState, string> = {
  idle: '',
  copied: 'Details copied',
  failed: "Couldn't copy: select the details below instead",
};

/**
 * Says plainly that this client's figures may be out of date and why, with the
 * details a support ticket needs one click away; the other clients keep syncing.
 */
export function SyncProblemNotice({ client }: { client: ClientDetail }) {
  const now = useNow(30_000);
  const [copy, setCopy] = useState<CopyState>('idle');
  const problem = client.syncProblem;
  if (!problem) return null;
  const details = client.syncProblemDetails ?? problem.message;

  async function copyDetails() {
    try {
      await navigator.clipboard.writeText(details);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <section className="sync-problem" aria-labelledby="sync-problem-heading">
      <AlertIcon className="sync-problem__icon" />
      <div className="sync-problem__body">
        <h2 id="sync-problem-heading" className="sync-problem__title">
          This client couldn't be synced
        </h2>
        <p>{problem.message}</p>
        <p className="muted">
          Last tried {formatRelativeTime(problem.at, now)}. Its figures may be out of date; the other clients
          keep syncing and this one is tried again at every sync.
        </p>
        <details className="sync-problem__details">
          <summary>Details</summary>
          <pre>{details}</pre>
        </details>
      </div>
      <div className="sync-problem__actions">
        <button type="button" className="button button--secondary" onClick={() => void copyDetails()}>
          Copy details
        </button>
        <p className="sync-problem__feedback" role="status">
          {COPY_FEEDBACK[copy]}
        </p>
      </div>
    </section>
  );
}
