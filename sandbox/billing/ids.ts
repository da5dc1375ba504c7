import { randomBytes } from 'node:crypto';

/** Stripe-style ids (`tu_…`, `cs_test_…`): unguessable, so a client secret is a capability. */
export function newId(prefix: string, bytes = 12): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

export function newClientSecret(ownerId: string): string {
  return `${ownerId}_secret_${randomBytes(18).toString('base64url')}`;
}
