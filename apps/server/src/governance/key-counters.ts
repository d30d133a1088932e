import type { BudgetLedger } from './budget-ledger.js';
import type { RateLimits } from './rate-limits.js';

/** What one call takes from its key's counters before it goes upstream. */
export interface CounterClaim {
  readonly keyId: string;
  /** The budget's month, `2026-12` (UTC). */
  readonly month: string;
  /** null: the key has no requests-per-minute limit. */
  readonly requestsPerMinute: number | null;
  /** null: the key has no tokens-per-minute limit. */
  readonly tokensPerMinute: number | null;
  /** The call's worst-case tokens, taken from tokens per minute up front (0: none). */
  readonly tokens: number;
  /** The monthly budget in nano-dollars; null: the key has none. */
  readonly budgetNanos: number | null;
  /** The call's worst-case cost, reserved from the budget up front. */
  readonly costNanos: number;
}

export type ClaimOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly limit: 'requests' | 'tokens'; readonly retryAfterMs: number }
  | { readonly ok: false; readonly limit: 'budget'; readonly committedNanos: number };

/**
 * A key's requests and tokens per minute and its monthly budget, claimed together: checked in that
 * order, and a refusal by one leaves the others as they were. Every method rejects when the
 * counters' store does not answer (the policy then fails closed).
 */
export interface KeyCounters {
  claim(claim: CounterClaim): Promise<ClaimOutcome>;
  /**
   * After the call: the tokens it did not use go back to their minute and the budget's reservation
   * becomes its actual cost. All or nothing, so a failed release can be retried whole.
   */
  release(claim: CounterClaim, usedTokens: number, actualNanos: number): Promise<void>;
  /** Settled spend of the month, in nano-dollars. */
  spent(keyId: string, month: string): Promise<number>;
}

/** The counters as this process's rate limits plus a budget ledger (memory or the database). */
export function createLocalKeyCounters(limits: RateLimits, budgets: BudgetLedger): KeyCounters {
  return {
    async claim(claim) {
      const { keyId, requestsPerMinute: rpm, tokensPerMinute: tpm, tokens } = claim;
      const undo = async (requests: boolean, tokensTaken: boolean) => {
        if (requests && rpm !== null) await limits.giveBack('requests', keyId, rpm, 1);
        if (tokensTaken && tpm !== null) await limits.giveBack('tokens', keyId, tpm, tokens);
      };
      if (rpm !== null) {
        const retryAfterMs = await limits.take('requests', keyId, rpm, 1);
        if (retryAfterMs !== undefined) return { ok: false, limit: 'requests', retryAfterMs };
      }
      const takesTokens = tpm !== null && tokens > 0;
      if (takesTokens) {
        const retryAfterMs = await limits.take('tokens', keyId, tpm, tokens);
        if (retryAfterMs !== undefined) {
          await undo(true, false);
          return { ok: false, limit: 'tokens', retryAfterMs };
        }
      }
      if (claim.budgetNanos !== null) {
        let reservation: Awaited<ReturnType<BudgetLedger['reserve']>>;
        try {
          reservation = await budgets.reserve(keyId, claim.month, claim.costNanos, claim.budgetNanos);
        } catch (error) {
          await undo(true, takesTokens);
          throw error;
        }
        if (!reservation.ok) {
          await undo(true, takesTokens);
          return { ok: false, limit: 'budget', committedNanos: reservation.committedNanos };
        }
      }
      return { ok: true };
    },
    async release(claim, usedTokens, actualNanos) {
      // The budget first: it is the part that can fail, and when it does nothing was released.
      if (claim.budgetNanos !== null)
        await budgets.settle(claim.keyId, claim.month, claim.costNanos, actualNanos);
      const unused = claim.tokens - usedTokens;
      if (claim.tokensPerMinute !== null && unused > 0)
        await limits.giveBack('tokens', claim.keyId, claim.tokensPerMinute, unused);
    },
    spent: (keyId, month) => budgets.spent(keyId, month),
  };
}
