import { formatInteger } from '../../../../shared/domain/format';

const shareFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });

/**
 * A forecast figure to two significant digits ("1,234" → "1,200"): it is an estimate from a few weeks of
 * usage, and every digit shown past that would claim a precision it does not have. A need rounds up, so the
 * figure shown is never one a pack covers while the forecast says it does not.
 */
export function about(tokens: number, round: (value: number) => number = Math.round): string {
  if (Math.abs(tokens) < 100) return formatInteger(round(tokens));
  const step = 10 ** (Math.floor(Math.log10(Math.abs(tokens))) - 1);
  return formatInteger(round(tokens / step) * step);
}

export function aboutTokens(tokens: number, round?: (value: number) => number): string {
  const rounded = about(tokens, round);
  return `${rounded} ${rounded === '1' ? 'token' : 'tokens'}`;
}

/** 0.4 → "40%"; a share that rounds to nothing still says there is some. */
export function formatShare(share: number): string {
  return share > 0 && share < 0.005 ? 'under 1%' : shareFormat.format(share);
}
