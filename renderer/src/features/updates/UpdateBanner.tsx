import { InfoIcon } from '../../components/icons';
import { messageFor } from '../../components/error-message';
import { describeReadyUpdate } from './describe-update';
import { useRestartToUpdate, useUpdateStatus } from './use-update-status';

/**
 * Offers "Restart to update" once an update has downloaded in the background.
 * It never interrupts: work continues, and the update also installs on the next quit.
 */
export function UpdateBanner() {
  const { data: status } = useUpdateStatus();
  const restart = useRestartToUpdate();
  const text = describeReadyUpdate(status);
  if (!text) return null;

  return (
    <section className="notices" aria-label="App update">
      <div className="notice" role="status">
        <InfoIcon className="notice__icon" />
        <p className="notice__message">
          {text}
          {restart.isError && ` — could not restart: ${messageFor(restart.error)}`}
        </p>
        <button
          type="button"
          className="button button--primary button--sm"
          onClick={() => restart.mutate()}
          disabled={restart.isPending || restart.isSuccess}
        >
          {restart.isPending || restart.isSuccess ? 'Restarting…' : 'Restart to update'}
        </button>
      </div>
    </section>
  );
}
