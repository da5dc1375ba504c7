import { daysBetween, formatCalendarDate, formatInteger } from '../../../../shared/domain/format';
import type { RunwayForecastModel } from '../../../../shared/ipc/insight-models';
import { useSyncStatus } from '../../api/queries';
import { Badge } from '../../components/Badge';
import { CloudOffIcon } from '../../components/icons';
import { OFFLINE_REASON } from '../manual-reload/ManualReloadSection';
import { packName } from '../manual-reload/pack-labels';
import { openPurchaseTitleId, useOpenPurchase } from '../open-purchase/use-open-purchase';
import { usePurchaseFlowStore } from '../payment/purchase-flow-store';
import { about, aboutTokens, formatShare } from './estimates';
import { InsightsCard } from './InsightsCard';
import { RunwayChart } from './RunwayChart';

const OFFLINE_REASON_ID = 'forecast-offline-reason';

type Recommended = NonNullable<RunwayForecastModel['recommendedPack']>;

function renewsIn(forecast: RunwayForecastModel): string {
  const days = daysBetween(forecast.today, forecast.renewalDate);
  if (days <= 0) return 'Renews today';
  return days === 1 ? 'Renews tomorrow' : `Renews in ${formatInteger(days)} days`;
}

/** A null end of the range is a usage pace at which the tokens last until the plan renews. */
function rangeEnd(date: string | null): string {
  return date === null ? 'after the renewal' : formatCalendarDate(date);
}

function Outlook({ forecast }: { forecast: RunwayForecastModel }) {
  const { zeroDate } = forecast;
  const runsOut = zeroDate.expected !== null;
  return (
    <div className="forecast__outlook">
      <p className={`forecast__headline num${runsOut ? ' forecast__headline--short' : ''}`}>
        {zeroDate.expected !== null
          ? `Runs out on ${formatCalendarDate(zeroDate.expected)}`
          : `Lasts past renewal on ${formatCalendarDate(forecast.renewalDate)}`}
      </p>
      {zeroDate.earliest !== zeroDate.latest && (
        <p className="muted num">
          Between {rangeEnd(zeroDate.earliest)} and {rangeEnd(zeroDate.latest)}, depending on usage
        </p>
      )}
    </div>
  );
}

function Estimates({ forecast }: { forecast: RunwayForecastModel }) {
  const { dailyUsage, planTokensExpiring } = forecast;
  return (
    <ul className="forecast__lines num">
      <li>
        About {aboutTokens(dailyUsage.expected)} a day{' '}
        <span className="muted">
          ({about(dailyUsage.low)}–{about(dailyUsage.high)})
        </span>
      </li>
      {forecast.tokensNeeded > 0 && (
        <li>Needs about {aboutTokens(forecast.tokensNeeded, Math.ceil)} to reach the renewal</li>
      )}
      {planTokensExpiring.expected > 0 && (
        <li>
          About {about(planTokensExpiring.expected)} plan tokens (
          {formatShare(forecast.expiringShareOfAllocation)} of the plan) expire unused on{' '}
          <span className="insights__date">{formatCalendarDate(forecast.renewalDate)}</span>
        </li>
      )}
    </ul>
  );
}

/** Buys straight from the forecast through the same Confirm top up dialog as Manual Reload's Continue. */
function RecommendedPack({ clientId, recommended }: { clientId: string; recommended: Recommended }) {
  const { data: sync } = useSyncStatus();
  const confirm = usePurchaseFlowStore((state) => state.confirm);
  // The core allows one open purchase per client; the notice above the tabs leads to it, so Buy waits.
  const openPurchase = useOpenPurchase(clientId);
  const offline = sync?.state === 'offline';
  // Why Buy is off, and the element that says so: the open purchase's notice above the tabs, or the line here.
  const blocked = openPurchase
    ? { reason: openPurchase.wording.title, id: openPurchaseTitleId(clientId) }
    : offline
      ? { reason: OFFLINE_REASON, id: OFFLINE_REASON_ID }
      : null;
  return (
    <div className="forecast__pack">
      <div className="forecast__pack-text">
        <p className="forecast__pack-label">Recommended</p>
        <p className="forecast__pack-name num">{packName(recommended.pack)}</p>
        {!recommended.coversNeed && <p className="muted">The largest pack — doesn't cover it alone</p>}
        {blocked?.id === OFFLINE_REASON_ID && (
          <p id={OFFLINE_REASON_ID} className="blocked-reason">
            <CloudOffIcon />
            {OFFLINE_REASON}
          </p>
        )}
      </div>
      <button
        type="button"
        className="button button--primary"
        aria-label="Buy recommended pack"
        disabled={blocked !== null}
        title={blocked?.reason}
        aria-describedby={blocked?.id}
        onClick={() => confirm(clientId, recommended.pack.id)}
      >
        Buy
      </button>
    </div>
  );
}

function ForecastBody({ clientId, forecast }: { clientId: string; forecast: RunwayForecastModel }) {
  if (forecast.basis === 'none') return <p className="muted">No usage yet — nothing to forecast.</p>;
  return (
    <>
      <Outlook forecast={forecast} />
      <RunwayChart projection={forecast.projection} />
      <Estimates forecast={forecast} />
      {forecast.basis === 'short' && (
        <p className="insights__note muted">Based on less than a week of usage: a wide range.</p>
      )}
      {forecast.recommendedPack && (
        <RecommendedPack clientId={clientId} recommended={forecast.recommendedPack} />
      )}
    </>
  );
}

/** When the client's tokens run out at its recent pace, and the pack that would carry it to the renewal. */
export function ForecastPanel({ clientId }: { clientId: string }) {
  return (
    <InsightsCard
      clientId={clientId}
      headingId="forecast-heading"
      title="Forecast"
      subject="forecast"
      badge={({ forecast }) => <Badge>{renewsIn(forecast)}</Badge>}
    >
      {({ forecast }) => <ForecastBody clientId={clientId} forecast={forecast} />}
    </InsightsCard>
  );
}
