import { serverLinkOrigins } from '../../../shared/security/server-links';
import type { ServiceContext } from './service-context';

/** The origins server links may lead to while signed in: none when signed out. */
export function currentLinkOrigins(ctx: Pick<ServiceContext, 'session' | 'repos'>): string[] {
  const apiUrl = ctx.session.current()?.apiUrl;
  return apiUrl ? serverLinkOrigins(apiUrl, ctx.repos.account.get()?.hosted_invoice_origin) : [];
}
