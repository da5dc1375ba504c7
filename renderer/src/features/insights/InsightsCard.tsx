import type { ReactNode } from 'react';
import type { ClientInsights } from '../../../../shared/ipc/insight-models';
import { useClientInsights } from '../../api/queries';
import { messageFor } from '../../components/error-message';
import { AlertIcon } from '../../components/icons';
import './insights.css';

interface InsightsCardProps {
  clientId: string;
  headingId: string;
  title: string;
  /** "forecast", "plan advice": what the card is waiting for, in its own words. */
  subject: string;
  /** Beside the title once the insights are in. */
  badge(insights: ClientInsights): ReactNode;
  children(insights: ClientInsights): ReactNode;
}

/**
 * A Settings card over the client's insights. Loading and failure take one line each, not a full error panel:
 * both cards read the one query, and two large copies of the same failure would fill the tab.
 */
export function InsightsCard({ clientId, headingId, title, subject, badge, children }: InsightsCardProps) {
  const insights = useClientInsights(clientId);
  return (
    <section className="card insights" aria-labelledby={headingId}>
      <div className="card__title-row">
        <h2 id={headingId} className="card__title">
          {title}
        </h2>
        {insights.data && badge(insights.data)}
      </div>
      {insights.isPending && (
        <p className="loading-line insights__loading" role="status">
          Loading {subject}…
        </p>
      )}
      {insights.isError && (
        <div className="insights__error" role="alert">
          <AlertIcon className="insights__error-icon" />
          <p>
            Couldn't load the {subject}. {messageFor(insights.error)}
          </p>
          <button
            type="button"
            className="button button--secondary button--sm"
            onClick={() => void insights.refetch()}
          >
            Retry
          </button>
        </div>
      )}
      {insights.data === null && (
        <p className="muted">Nothing to show yet: this client's credit log has not been synced.</p>
      )}
      {insights.data && children(insights.data)}
    </section>
  );
}
