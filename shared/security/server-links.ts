/**
 * Where links the billing service sends (hosted invoices, their downloads) may
 * lead: the billing API's own origin and the one invoice origin it declares in
 * `/v1/me`, by https (plain http only on this computer). A link anywhere else
 * is withheld, so a compromised or confused response cannot send the manager,
 * or the app's download, to a look-alike page.
 */
import { clearTextProblem } from './billing-api-url';

function originOf(url: string | null | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  const secureEnough = parsed.protocol === 'https:' || parsed.protocol === 'http:';
  return secureEnough && clearTextProblem(parsed) === null ? parsed.origin : null;
}

export function serverLinkOrigins(
  apiUrl: string,
  declaredInvoiceOrigin: string | null | undefined,
): string[] {
  const origins = [originOf(apiUrl), originOf(declaredInvoiceOrigin)].filter((origin) => origin !== null);
  return [...new Set(origins)];
}

/** Whether a link is an http(s) address at all: anything else (file:, javascript:) is never a web page. */
export function isWebAddress(raw: string, base?: string): boolean {
  if (!URL.canParse(raw, base)) return false;
  const { protocol } = new URL(raw, base);
  return protocol === 'https:' || protocol === 'http:';
}

/** The link to follow (made absolute against `base`), or null when it leads anywhere else. */
export function allowedServerLink(raw: string, origins: readonly string[], base?: string): URL | null {
  if (!URL.canParse(raw, base)) return null;
  const url = new URL(raw, base);
  if (url.username !== '' || url.password !== '') return null;
  const origin = originOf(url.href);
  return origin !== null && origins.includes(origin) ? url : null;
}
