import { daysBetween, formatInteger } from '../../../shared/domain/format';

/** Today's calendar date where the user is, as "YYYY-MM-DD". */
export function localIsoDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** "12 days left", "1 day left", "Renews today", or "Renewal overdue". */
export function describeDaysLeft(renewalDate: string, now: Date): string {
  const days = daysBetween(localIsoDate(now), renewalDate);
  if (days < 0) return 'Renewal overdue';
  if (days === 0) return 'Renews today';
  return `${formatInteger(days)} ${days === 1 ? 'day' : 'days'} left`;
}
