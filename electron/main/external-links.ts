/**
 * Which links may leave the app for the system browser: only server links
 * (hosted invoices) to the billing API's origin and the invoice origin it
 * declares, by the same rule the core uses to show them
 * (shared/security/server-links.ts). Everything else is refused.
 */
import { allowedServerLink } from '../../shared/security/server-links';

export type ExternalLinkRule = (url: string) => string | null;

/** `linkOrigins` is asked on every click: signing in elsewhere changes them. */
export function createExternalLinkRule(options: { linkOrigins: () => readonly string[] }): ExternalLinkRule {
  return (url) => allowedServerLink(url, options.linkOrigins())?.href ?? null;
}
