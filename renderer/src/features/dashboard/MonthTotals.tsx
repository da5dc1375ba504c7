import { formatInteger, formatMoney } from '../../../../shared/domain/format';
import type { DashboardModel } from '../../../../shared/ipc/insight-models';

function monthName(month: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** The agency's month at a glance: what it spent, what it bought, and the renewals coming. */
export function MonthTotals({ month }: { month: DashboardModel['month'] }) {
  const tiles = [
    { label: 'Top-up spend', value: month.topUpSpend ? formatMoney(month.topUpSpend) : '—' },
    { label: 'Plan spend', value: month.planSpend ? formatMoney(month.planSpend) : '—' },
    { label: 'Tokens bought', value: formatInteger(month.tokensBought) },
    { label: 'Renewals in the next 7 days', value: formatInteger(month.renewalsNext7Days) },
  ];
  return (
    <section className="month-totals" aria-labelledby="month-totals-heading">
      <h2 id="month-totals-heading" className="dashboard__section-title">
        {monthName(month.month)}
      </h2>
      <dl className="month-totals__tiles">
        {tiles.map((tile) => (
          <div key={tile.label} className="month-totals__tile">
            <dt className="month-totals__label">{tile.label}</dt>
            <dd className="month-totals__value num">{tile.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
