import type { BudgetLedger } from './budget-ledger.js';
import type { RateLimits, Taken } from './rate-limits.js';

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
 * order, and a refusal by one leaves the others as they were (in Redis atomically; in this process
 * the minute counters are, and a budget refused by the database gives them back). Every method
 * rejects when the counters' store does not answer (the policy then fails closed); a rejection
 * that is worth retrying is a retryable QuarryError.
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
  // The window each admitted claim's tokens were taken from, for their give-back.
  const tokenWindows = new WeakMap<CounterClaim, number>();
  return {
    async claim(claim) {
      const { keyId, requestsPerMinute: rpm, tokensPerMinute: tpm, tokens } = claim;
      // The minute counters are checked and taken synchronously: nothing runs in between, so a
      // refusal is undone before any other claim can see it.
      let requests: Taken | undefined;
      let taken: Taken | undefined;
      const undo = () => {
        if (requests?.ok === true && rpm !== null)
          limits.giveBack('requests', keyId, rpm, 1, requests.window);
        if (taken?.ok === true && tpm !== null) limits.giveBack('tokens', keyId, tpm, tokens, taken.window);
      };
      if (rpm !== null) {
        requests = limits.take('requests', keyId, rpm, 1);
        if (!requests.ok) return { ok: false, limit: 'requests', retryAfterMs: requests.retryAfterMs };
      }
      if (tpm !== null && tokens > 0) {
        taken = limits.take('tokens', keyId, tpm, tokens);
        if (!taken.ok) {
          undo();
          return { ok: false, limit: 'tokens', retryAfterMs: taken.retryAfterMs };
        }
      }
      if (claim.budgetNanos !== null) {
        // The budget's store may be another process's too (the database): its reservation is one
        // atomic step there, after which a refusal gives the minute counters back.
        let reservation: Awaited<ReturnType<BudgetLedger['reserve']>>;
        try {
          reservation = await budgets.reserve(keyId, claim.month, claim.costNanos, claim.budgetNanos);
        } catch (error) {
          undo();
          throw error;
        }
        if (!reservation.ok) {
          undo();
          return { ok: false, limit: 'budget', committedNanos: reservation.committedNanos };
        }
      }
      if (taken?.ok === true) tokenWindows.set(claim, taken.window);
      return { ok: true };
    },
    async release(claim, usedTokens, actualNanos) {
      // The budget first: it is the part that can fail, and when it does nothing was released.
      if (claim.budgetNanos !== null)
        await budgets.settle(claim.keyId, claim.month, claim.costNanos, actualNanos);
      const window = tokenWindows.get(claim);
      const unused = claim.tokens - usedTokens;
      if (claim.tokensPerMinute !== null && window !== undefined && unused > 0)
        limits.giveBack('tokens', claim.keyId, claim.tokensPerMinute, unused, window);
      tokenWindows.delete(claim);
    },
    spent: (keyId, month) => budgets.spent(keyId, month),
  };
}
