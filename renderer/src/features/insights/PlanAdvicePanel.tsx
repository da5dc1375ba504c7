import { formatInteger, formatMoney } from '../../../../shared/domain/format';
import type { PlanAdviceModel } from '../../../../shared/ipc/insight-models';
import { Badge } from '../../components/Badge';
import { InsightsCard } from './InsightsCard';

export const PLAN_ADVICE_HEADING_ID = 'plan-advice-heading';

function verdict(advice: PlanAdviceModel, currentPlan: string): string {
  const saving = advice.savingPerCycle ? `: about ${formatMoney(advice.savingPerCycle)} less per month` : '';
  switch (advice.kind) {
    case 'upgrade':
      return `Upgrade to ${advice.tier ?? 'a larger plan'}${saving}`;
    case 'downgrade':
      return `Downgrade to ${advice.tier ?? 'a smaller plan'}${saving}`;
    case 'stay':
      return `${advice.tier ?? currentPlan} is the right plan for this usage.`;
    case 'not_enough_history':
      return 'Not enough history yet.';
  }
}

/** What the advice rests on; a change suggested from one cycle deserves less trust than one from three. */
function basis(cycles: number): string | null {
  if (cycles === 0) return null;
  return cycles === 1
    ? 'From the last billing cycle'
    : `From the last ${formatInteger(cycles)} billing cycles`;
}

function AdviceBody({ advice, currentPlan }: { advice: PlanAdviceModel; currentPlan: string }) {
  const change = advice.kind === 'upgrade' || advice.kind === 'downgrade';
  return (
    <>
      <p className={`advice__verdict num${change ? ' advice__verdict--change' : ''}`}>
        {verdict(advice, currentPlan)}
      </p>
      {advice.evidence.length > 0 && (
        <ul className="advice__evidence num" aria-label="Why">
          {advice.evidence.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
      {/* The billing service's API cannot change a plan and the data holds no address for its web app. */}
      <details className="advice__how">
        <summary>Upgrading your plan</summary>
        <p className="muted">
          Plan changes are made in the platform's web app. This app shows the advice but cannot change the
          plan.
        </p>
      </details>
    </>
  );
}

/** Whether another plan would have cost this client less over its last cycles, and the sentences that show it. */
export function PlanAdvicePanel({ clientId, currentPlan }: { clientId: string; currentPlan: string }) {
  return (
    <InsightsCard
      clientId={clientId}
      headingId={PLAN_ADVICE_HEADING_ID}
      title="Plan advice"
      subject="plan advice"
      badge={({ planAdvice }) => {
        const cycles = basis(planAdvice.cyclesConsidered);
        return cycles && <Badge>{cycles}</Badge>;
      }}
    >
      {({ planAdvice }) => <AdviceBody advice={planAdvice} currentPlan={currentPlan} />}
    </InsightsCard>
  );
}
