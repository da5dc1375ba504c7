/**
 * The secrets in the sign-in URLs the web host prints. Each works once: a URL
 * left in shell scrollback, browser history or a screen share must not sign
 * in a second browser. Only one unopened secret exists at a time, so asking
 * for a new URL also withdraws one printed earlier and never opened.
 */
import { randomToken, secretDigest, secretsMatch } from './request-guard';

/** Why a sign-in URL was refused: opened before, withdrawn by a newer one, or never ours. */
export type SignInRefusal = 'used' | 'replaced' | 'unknown';

export type SignInOutcome = 'signed-in' | SignInRefusal;

/** How many retired secrets keep their reason; older ones are refused as unknown. */
const REMEMBERED_RETIRED = 64;

export class SignInLinks {
  private pending: string | null = null;
  /**
   * Digest → why it stopped working, only so the refusal page can say what happened.
   * A Map keeps insertion order, so the first key is the oldest to forget.
   */
  private readonly retired = new Map<string, Exclude<SignInRefusal, 'unknown'>>();

  /** A new secret; the unopened one before it, if any, stops working. */
  issue(): string {
    if (this.pending !== null) this.retire(this.pending, 'replaced');
    this.pending = randomToken();
    return this.pending;
  }

  /** The pending secret signs in exactly once; anything else is refused with the reason we know. */
  redeem(candidate: string): SignInOutcome {
    if (this.pending !== null && secretsMatch(candidate, this.pending)) {
      this.retire(this.pending, 'used');
      this.pending = null;
      return 'signed-in';
    }
    return this.retired.get(secretDigest(candidate).toString('hex')) ?? 'unknown';
  }

  private retire(secret: string, reason: Exclude<SignInRefusal, 'unknown'>): void {
    this.retired.set(secretDigest(secret).toString('hex'), reason);
    while (this.retired.size > REMEMBERED_RETIRED) {
      const oldest = this.retired.keys().next().value;
      if (oldest === undefined) break;
      this.retired.delete(oldest);
    }
  }
}
