import { formatInteger } from '../../../../shared/domain/format';

/** "25 clients" when nothing is filtered out, "3 of 25 clients" when a search narrows the list. */
export function describeClientCount(shown: number, total: number): string {
  const noun = total === 1 ? 'client' : 'clients';
  if (shown === total) return `${formatInteger(total)} ${noun}`;
  return `${formatInteger(shown)} of ${formatInteger(total)} ${noun}`;
}
