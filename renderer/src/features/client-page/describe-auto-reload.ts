import { formatMoney, formatTokens } from '../../../../shared/domain/format';
import type { ClientDetail, PackModel } from '../../../../shared/ipc/models';

/** "Auto Reload is off", or what it does: "On — adds 5,000 tokens ($50.00) when balance falls below 1,000 tokens". */
export function describeAutoReload(
  autoReload: ClientDetail['autoReload'],
  packs: PackModel[] | undefined,
): string {
  if (!autoReload.enabled) return 'Auto Reload is off';
  const pack = packs?.find((candidate) => candidate.id === autoReload.packId);
  const what = pack ? `${formatTokens(pack.tokens)} (${formatMoney(pack.price)})` : 'a top-up pack';
  return `On — adds ${what} when balance falls below ${formatTokens(autoReload.threshold)}`;
}
