import type { Operation } from './operation.js';

/** The id `me` reports for the bootstrap QUARRY_ADMIN_KEY (and for an open gateway). */
export const ADMIN_KEY_ID = 'admin';

/**
 * Who is calling: resolved once per HTTP request or graphql-ws operation from the bearer secret,
 * and the only thing the policy step looks at.
 */
export interface Caller {
  readonly keyId: string;
  readonly name: string;
  /** ADMIN among the operations: every operation and every model, no limits. */
  readonly admin: boolean;
  /** Allowed model patterns (IDs, profile IDs, ARNs, `provider.*`); null = every model. */
  readonly models: readonly string[] | null;
  readonly operations: readonly Operation[];
  readonly requestsPerMinute: number | null;
  readonly tokensPerMinute: number | null;
  readonly monthlyBudgetUsd: number | null;
  /** Epoch ms; the caller is refused from then on, mid-socket included. */
  readonly expiresAt: number | null;
}

/** The bootstrap admin (QUARRY_ADMIN_KEY), or everyone while an emulator-backed gateway runs open. */
export function adminCaller(name: string): Caller {
  return {
    keyId: ADMIN_KEY_ID,
    name,
    admin: true,
    models: null,
    operations: ['INVOKE', 'STREAM', 'EMBED', 'IMAGE', 'CONVERSATION', 'JOBS', 'AGENTS', 'ADMIN'],
    requestsPerMinute: null,
    tokensPerMinute: null,
    monthlyBudgetUsd: null,
    expiresAt: null,
  };
}
