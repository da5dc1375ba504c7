import { formatDateTime, formatTokens } from '../../../../shared/domain/format';
import type { ClientDetail } from '../../../../shared/ipc/models';
import { AlertIcon, CheckCircleIcon } from '../../components/icons';
import { BuyTokensLink } from '../client-page/BuyTokensLink';
import { useDismissedSubmissionsStore } from './dismissed-submissions-store';
import './insufficient-tokens.css';

/**
 * A refused submission stays on the client page until it is resubmitted, whatever the dialog was answered:
 * blocked while the balance does not cover it, then a plain word on what happens to the work (nothing, until
 * the client sends it again).
 */
export function BlockedWorkBanner({ client }: { client: ClientDetail }) {
  const work = client.blockedWork;
  const reopen = useDismissedSubmissionsStore((state) => state.reopen);
  if (!work || !client.insufficientTokens) return null;
  const { at, submissionId } = client.insufficientTokens;
  const covered = work.shortfall === 0;
  return (
    <section
      className={`blocked-work ${covered ? 'blocked-work--covered' : ''}`}
      aria-labelledby="blocked-work-heading"
    >
      {covered ? (
        <CheckCircleIcon className="blocked-work__icon" />
      ) : (
        <AlertIcon className="blocked-work__icon" />
      )}
      <div className="blocked-work__body">
        <h2 id="blocked-work-heading" className="blocked-work__title">
          {covered
            ? `“${work.description}” can run now: ask the client to resubmit it`
            : `1 submission blocked — ${formatTokens(work.shortfall)} short`}
        </h2>
        <p>
          “{work.description}” needed {formatTokens(work.tokensRequested)} on {formatDateTime(at)} and was not
          run. Blocked work is never run later:{' '}
          {covered ? 'the balance covers it now, so' : 'once the balance covers it,'} the client has to submit
          it again.
        </p>
      </div>
      {!covered && (
        <div className="blocked-work__actions">
          <BuyTokensLink clientId={client.id} />
          <button type="button" className="button button--secondary" onClick={() => reopen(submissionId)}>
            Turn on Auto Reload
          </button>
        </div>
      )}
    </section>
  );
}
