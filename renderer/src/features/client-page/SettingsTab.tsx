import { formatCalendarDate, formatMoney, formatTokens } from '../../../../shared/domain/format';
import type { ClientDetail } from '../../../../shared/ipc/models';
import { BalanceBadge } from '../../components/BalanceBadge';
import { BalanceSplitBar } from './BalanceSplitBar';
import { AutoReloadSection } from '../auto-reload/AutoReloadSection';
import { ForecastPanel } from '../insights/ForecastPanel';
import { PLAN_ADVICE_HEADING_ID, PlanAdvicePanel } from '../insights/PlanAdvicePanel';
import { MANUAL_RELOAD_HEADING_ID, ManualReloadSection } from '../manual-reload/ManualReloadSection';
import { useBuyTokensFocus } from './buy-tokens';
import { usePlanAdviceFocus } from './section-request';

function PlanSection({ client }: { client: ClientDetail }) {
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h2 id="plan-heading" className="card__title">
        Plan
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>Tier</dt>
          <dd>{client.planName}</dd>
        </div>
        <div className="facts__row">
          <dt>Monthly allocation</dt>
          <dd className="num">{formatTokens(client.tokensPerCycle)}</dd>
        </div>
        <div className="facts__row">
          <dt>Price</dt>
          <dd className="num">{formatMoney(client.planPrice)} per month</dd>
        </div>
        <div className="facts__row">
          <dt>Cycle start</dt>
          <dd className="num">{formatCalendarDate(client.cycleStart)}</dd>
        </div>
        <div className="facts__row">
          <dt>Renewal date</dt>
          <dd className="num">{formatCalendarDate(client.renewalDate)}</dd>
        </div>
      </dl>
    </section>
  );
}

function BalanceSection({ client }: { client: ClientDetail }) {
  return (
    <section className="card" aria-labelledby="balance-heading">
      <div className="card__title-row">
        <h2 id="balance-heading" className="card__title">
          Balance
        </h2>
        <BalanceBadge
          balance={client.balance}
          lowBalance={client.lowBalance}
          tokensPerCycle={client.tokensPerCycle}
        />
      </div>
      <p className="balance-total num">{formatTokens(client.balance.total)}</p>
      <BalanceSplitBar balance={client.balance} tokensPerCycle={client.tokensPerCycle} />
      <dl className="facts">
        <div className="facts__row">
          <dt>
            <span className="swatch swatch--plan" aria-hidden="true" />
            Plan tokens
          </dt>
          <dd>
            <span className="num">{formatTokens(client.balance.plan)}</span>
            <span className="facts__note">Expire on {formatCalendarDate(client.renewalDate)}</span>
          </dd>
        </div>
        <div className="facts__row">
          <dt>
            <span className="swatch swatch--topup" aria-hidden="true" />
            Top-up tokens
          </dt>
          <dd>
            <span className="num">{formatTokens(client.balance.topUp)}</span>
            <span className="facts__note">Never expire</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}

export function SettingsTab({ client }: { client: ClientDetail }) {
  useBuyTokensFocus(MANUAL_RELOAD_HEADING_ID);
  usePlanAdviceFocus(PLAN_ADVICE_HEADING_ID);
  return (
    <div className="settings-grid">
      <PlanSection client={client} />
      <BalanceSection client={client} />
      <ForecastPanel clientId={client.id} />
      <PlanAdvicePanel clientId={client.id} currentPlan={client.planName} />
      <AutoReloadSection client={client} />
      <ManualReloadSection client={client} />
    </div>
  );
}
