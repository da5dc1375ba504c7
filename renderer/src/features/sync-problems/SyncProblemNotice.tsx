import { formatRelativeTime } from '../../../../shared/domain/format';
import type { ClientDetail } from '../../../../shared/ipc/models';
import { AlertIcon } from '../../components/icons';
import { useClipboardCopy } from '../../hooks/use-clipboard-copy';
import { useNow } from '../../hooks/use-now';
import './sync-problems.css';

const COPIED = 'Details copied';
const NOT_COPIED = "Couldn't copy: select the details below instead";

/**
 * Says plainly that this client's figures may be out of date and why, with the
 * details a support ticket needs one click away; the other clients keep syncing.
 */
export function SyncProblemNotice({ client }: { client: ClientDetail }) {
  const now = useNow(30_000);
  const { attempt, copy } = useClipboardCopy<string>(String);
  const problem = client.syncProblem;
  if (!problem) return null;
  const details = client.syncProblemDetails ?? problem.message;

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
        <button type="button" className="button button--secondary" onClick={() => void copy(details)}>
          Copy details
        </button>
        <p className="sync-problem__feedback" role="status">
          {attempt && (attempt.copied ? COPIED : NOT_COPIED)}
        </p>
      </div>
    </section>
  );
}
