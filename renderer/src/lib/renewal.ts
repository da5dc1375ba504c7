import { daysBetween, formatInteger } from '../../../shared/domain/format';

/** Today's calendar date where the user is, as "YYYY-MM-DD". */
export function localIsoDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** "Renews in 12 days", "Renews tomorrow", "Renews today", or "Renewal overdue": it is the plan that renews. */
export function describeDaysLeft(renewalDate: string, now: Date): string {
  const days = daysUntil(renewalDate, now);
  if (days < 0) return 'Renewal overdue';
  if (days === 0) return 'Renews today';
  if (days === 1) return 'Renews tomorrow';
  return `Renews in ${formatInteger(days)} days`;
}

export function daysUntil(isoDate: string, now: Date): number {
  return daysBetween(localIsoDate(now), isoDate);
}

/** Plan tokens' expiry earns attention (amber) only this close to it; a month out it is just a date. */
export const EXPIRY_SOON_DAYS = 7;
