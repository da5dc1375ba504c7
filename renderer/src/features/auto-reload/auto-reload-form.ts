import { formatMoney, formatTokens } from '../../../../shared/domain/format';
import type { ClientDetail, PackModel } from '../../../../shared/ipc/models';
import type { AutoReloadSettings } from '../../../../shared/ipc/purchase-models';

/** The form as typed: numbers stay text until they are checked. */
export interface AutoReloadDraft {
  enabled: boolean;
  packId: string;
  threshold: string;
  monthlyLimit: string;
}

export type AutoReloadField = 'packId' | 'threshold' | 'monthlyLimit';
export type AutoReloadErrors = Partial<Record<AutoReloadField, string>>;

export const MAX_MONTHLY_LIMIT = 100;
const MAX_THRESHOLD = 100_000_000;

export function draftFrom(saved: ClientDetail['autoReload']): AutoReloadDraft {
  return {
    enabled: saved.enabled,
    packId: saved.packId ?? '',
    threshold: String(saved.threshold),
    monthlyLimit: saved.monthlyLimit === null ? '' : String(saved.monthlyLimit),
  };
}

/** A whole number as people type it ("1,000" or "1000"), or null. */
function wholeNumber(text: string): number | null {
  const digits = text.replaceAll(',', '').trim();
  return /^\d+$/.test(digits) ? Number(digits) : null;
}

export function validateDraft(
  draft: AutoReloadDraft,
): { ok: true; settings: AutoReloadSettings } | { ok: false; errors: AutoReloadErrors } {
  const errors: AutoReloadErrors = {};
  const threshold = wholeNumber(draft.threshold);
  if (threshold === null || threshold > MAX_THRESHOLD) {
    errors.threshold = 'Enter a whole number of tokens, for example 1,000.';
  } else if (draft.enabled && threshold === 0) {
    errors.threshold = 'Enter at least 1 token, or the reload would never run.';
  }
  if (draft.enabled && draft.packId === '') errors.packId = 'Choose the pack to buy on each reload.';
  const limitText = draft.monthlyLimit.trim();
  const monthlyLimit = limitText === '' ? null : wholeNumber(limitText);
  if (limitText !== '' && (monthlyLimit === null || monthlyLimit < 1 || monthlyLimit > MAX_MONTHLY_LIMIT)) {
    errors.monthlyLimit = `Enter a whole number from 1 to ${MAX_MONTHLY_LIMIT}, or leave it empty for no limit.`;
  }
  if (Object.keys(errors).length > 0 || threshold === null) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      enabled: draft.enabled,
      packId: draft.packId === '' ? null : draft.packId,
      threshold,
      monthlyLimit,
    },
  };
}

/** "Auto Reload is off", or what it does: "On — adds 5,000 tokens ($65.00) when balance falls below 1,000 tokens". */
export function describeAutoReload(
  autoReload: ClientDetail['autoReload'],
  packs: readonly PackModel[] | undefined,
): string {
  if (!autoReload.enabled) return 'Auto Reload is off';
  const pack = packs?.find((candidate) => candidate.id === autoReload.packId);
  const what = pack ? `${formatTokens(pack.tokens)} (${formatMoney(pack.price)})` : 'a top-up pack';
  const limit =
    autoReload.monthlyLimit === null
      ? ''
      : `, at most ${autoReload.monthlyLimit} ${autoReload.monthlyLimit === 1 ? 'time' : 'times'} per cycle`;
  return `On — adds ${what} when balance falls below ${formatTokens(autoReload.threshold)}${limit}`;
}
