import { QuarryError, ValidationError, type ModelCatalog, type Usage } from '@quarry/core';
import { GatewayError } from '../errors/gateway-error.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import type { AuditTrail } from './audit-trail.js';
import { toNanos, toUsd } from './budget-ledger.js';
import type { Caller } from './caller.js';
import type { ClaimOutcome, CounterClaim, KeyCounters } from './key-counters.js';
import { isModelAllowed } from './model-allowlist.js';
import type { Operation } from './operation.js';
import type { UsageLedger } from './usage-ledger.js';
import { createUtcCalendar } from './utc-calendar.js';
import type { WorstCase } from './worst-case.js';
import type { WriteBehind } from './write-behind.js';

/** Who is asking, for one GraphQL operation (HTTP request or graphql-ws operation). */
export interface CallScope {
  readonly caller: Caller;
  readonly requestId: string;
}

/** One upstream call as the policy sees it before it happens. */
export interface CallIntent {
  /** The scope the key needs. */
  readonly operation: Operation;
  /** What the audit log and metrics call it: `invoke`, `stream`, `createBatchJob`, … */
  readonly action: string;
  /** null for calls that name no model (listings). */
  readonly modelId: string | null;
  /** Omitted for calls that cost nothing (control plane). */
  readonly worst?: WorstCase;
}

/** What the call turned out to be. */
export interface CallOutcome {
  readonly usage?: Usage | undefined;
  readonly costUsd?: number | undefined;
  readonly upstreamRequestId?: string | undefined;
  readonly attempts?: number | undefined;
  /** Set when the call failed; `cancelled` when the caller went away first. */
  readonly error?: unknown;
  readonly cancelled?: boolean;
  readonly detail?: string;
}

export interface Admission {
  /** Settles limits and budget to the real usage and writes usage, audit and metrics. Never throws. */
  settle(outcome: CallOutcome): Promise<void>;
}

export interface Policy {
  /**
   * The one policy step every upstream call passes, whichever transport carried it: scope,
   * model allowlist, requests/min, tokens/min and budget (worst case reserved atomically).
   * Throws FORBIDDEN / RATE_LIMITED / BUDGET_EXCEEDED / UNAUTHENTICATED (expired mid-socket);
   * a refusal is audited too.
   */
  admit(scope: CallScope, intent: CallIntent): Promise<Admission>;
  /** Audits something that is not an upstream call (admin actions on keys, and their refusals). */
  record(scope: CallScope, action: string, detail: string, errorCode?: string): Promise<void>;
  /** Settled spend of the key's current month, in USD. */
  spentUsd(keyId: string): Promise<number>;
}

export interface PolicyDeps {
  readonly catalog: ModelCatalog;
  readonly region: string;
  /** Requests and tokens per minute and budgets of keys that have them. */
  readonly counters: KeyCounters;
  readonly usage: UsageLedger;
  readonly audit: AuditTrail;
  readonly metrics: GatewayMetrics;
  readonly now: () => number;
  /** Usage, audit and budget settlement wait here while their store is unreachable. */
  readonly writes: WriteBehind;
}

export function createPolicy(deps: PolicyDeps): Policy {
  const { counters, metrics } = deps;
  const calendar = createUtcCalendar();

  const audit = async (
    scope: CallScope,
    intent: CallIntent,
    fields: Partial<Parameters<AuditTrail['append']>[0]>,
  ) => {
    await deps.writes.write('audit', () =>
      deps.audit.append({
        keyId: scope.caller.keyId,
        keyName: scope.caller.name,
        operation: intent.action,
        modelId: intent.modelId,
        region: deps.region,
        requestId: scope.requestId,
        upstreamRequestId: null,
        inputTokens: null,
        outputTokens: null,
        costUsd: null,
        outcome: 'ok',
        errorCode: null,
        detail: null,
        ...fields,
      }),
    );
  };

  async function admit(scope: CallScope, intent: CallIntent): Promise<Admission> {
    const { caller } = scope;
    const now = deps.now();
    const refuse = async (error: Error & { code: string }): Promise<never> => {
      metrics.refusals.inc({ code: error.code });
      await audit(scope, intent, { outcome: 'refused', errorCode: error.code, detail: error.message });
      throw error;
    };
    if (caller.expiresAt !== null && caller.expiresAt <= now) {
      return refuse(
        new GatewayError(
          'UNAUTHENTICATED',
          `This API key expired at ${new Date(caller.expiresAt).toISOString()}; ask an admin for a new one.`,
        ),
      );
    }
    if (!caller.admin && !caller.operations.includes(intent.operation)) {
      return refuse(
        new GatewayError(
          'FORBIDDEN',
          `This API key may not use operation ${intent.operation} (${intent.action}); it allows ${caller.operations.join(', ')}. Ask an admin for a key with ${intent.operation}.`,
        ),
      );
    }
    if (intent.modelId !== null && !caller.admin && !isModelAllowed(caller.models, intent.modelId)) {
      return refuse(
        new GatewayError(
          'FORBIDDEN',
          `This API key may not use model ${intent.modelId}; it allows ${(caller.models ?? []).join(', ')}.`,
        ),
      );
    }
    const worst = intent.worst ?? { tokens: 0, costNanos: 0 };
    const tpm = caller.tokensPerMinute;
    if (tpm !== null && worst.tokens > tpm) {
      return refuse(
        new ValidationError(
          'maxTokens',
          `This call may use up to ${worst.tokens} tokens (input estimate + maxTokens), more than this key's ${tpm} tokens per minute: lower maxTokens or shorten the input.`,
        ),
      );
    }
    const { day, month } = calendar(now);
    const budget = caller.monthlyBudgetUsd;
    // Only what the key limits is claimed: the admin key and unlimited keys touch no counter.
    const claim: CounterClaim | undefined =
      caller.requestsPerMinute === null && (tpm === null || worst.tokens === 0) && budget === null
        ? undefined
        : {
            keyId: caller.keyId,
            month,
            requestsPerMinute: caller.requestsPerMinute,
            tokensPerMinute: tpm,
            tokens: tpm === null ? 0 : worst.tokens,
            budgetNanos: budget === null ? null : toNanos(budget),
            costNanos: budget === null ? 0 : worst.costNanos,
          };
    if (claim !== undefined) {
      let outcome: ClaimOutcome;
      try {
        outcome = await counters.claim(claim);
      } catch (error) {
        return refuse(countersUnavailable(error));
      }
      if (!outcome.ok) {
        if (outcome.limit === 'budget') {
          return refuse(
            new GatewayError(
              'BUDGET_EXCEEDED',
              `This API key's monthly budget of $${budget} is spent ($${toUsd(outcome.committedNanos).toFixed(6)} spent or reserved; this call may cost up to $${toUsd(worst.costNanos).toFixed(6)}). Ask an admin to raise it, or wait for next month (UTC).`,
              { ...(budget !== null && { budgetUsd: budget }), spentUsd: toUsd(outcome.committedNanos) },
            ),
          );
        }
        const what =
          outcome.limit === 'requests'
            ? `${caller.requestsPerMinute} requests per minute`
            : `${tpm} tokens per minute`;
        return refuse(
          new GatewayError(
            'RATE_LIMITED',
            `This API key is limited to ${what}; retry after the window moves on.`,
            {
              retryAfterMs: outcome.retryAfterMs,
            },
          ),
        );
      }
    }
    const started = performance.now();
    let settled = false;

    return {
      async settle(outcome) {
        if (settled) return;
        settled = true;
        const seconds = (performance.now() - started) / 1000;
        const usage = outcome.usage;
        const inputTokens = usage?.inputTokens ?? 0;
        const outputTokens = usage?.outputTokens ?? 0;
        const costNanos = toNanos(outcome.costUsd ?? 0);
        const code =
          outcome.cancelled === true
            ? 'CANCELLED'
            : outcome.error === undefined
              ? 'OK'
              : codeOf(outcome.error);
        const baseId = baseIdOf(deps.catalog, intent.modelId);
        const model = baseId ?? intent.modelId ?? 'none';
        // Metric labels stay bounded: IDs the catalog does not know share one label.
        const label = baseId ?? (intent.modelId === null ? 'none' : 'other');
        // Three writes side by side (the counters' release, usage, audit), each on its own: Redis
        // failing must not lose the usage row in the database, either store failing only delays
        // its write (write-behind), and the answer waits for the slowest, not for their sum. The
        // release (unused tokens back, the budget settled) rejects with a retryable error when its
        // store is unreachable, and with any other error when retrying would not help (write-behind
        // logs that one as lost).
        const released =
          claim !== undefined && (claim.budgetNanos !== null || claim.tokens > inputTokens + outputTokens)
            ? deps.writes.write('counters release', () =>
                counters.release(claim, inputTokens + outputTokens, costNanos),
              )
            : undefined;
        metrics.upstreamCalls.inc({ operation: intent.action, model: label, code });
        metrics.upstreamSeconds.observe({ operation: intent.action }, seconds);
        if (outcome.attempts !== undefined && outcome.attempts > 1)
          metrics.upstreamRetries.inc({ operation: intent.action }, outcome.attempts - 1);
        if (inputTokens > 0) metrics.tokens.inc({ model: label, direction: 'input' }, inputTokens);
        if (outputTokens > 0) metrics.tokens.inc({ model: label, direction: 'output' }, outputTokens);
        if (costNanos > 0) metrics.costUsd.inc({ model: label }, toUsd(costNanos));
        // Usage and audit rows go to different tables: written side by side, they join the same
        // group commit instead of waiting for each other.
        await Promise.all([
          released,
          intent.modelId === null
            ? undefined
            : deps.writes.write('usage', () =>
                deps.usage.record({
                  keyId: caller.keyId,
                  modelId: model,
                  day,
                  inputTokens,
                  outputTokens,
                  costNanos,
                }),
              ),
          audit(scope, intent, {
            upstreamRequestId: outcome.upstreamRequestId ?? null,
            inputTokens: usage === undefined ? null : inputTokens,
            outputTokens: usage === undefined ? null : outputTokens,
            costUsd: outcome.costUsd ?? null,
            outcome: code === 'OK' ? 'ok' : code === 'CANCELLED' ? 'cancelled' : 'error',
            errorCode: code === 'OK' || code === 'CANCELLED' ? null : code,
            detail: outcome.detail ?? null,
          }),
        ]);
      },
    };
  }

  return {
    admit,
    async record(scope, action, detail, errorCode) {
      if (errorCode !== undefined) metrics.refusals.inc({ code: errorCode });
      await audit(
        scope,
        { operation: 'ADMIN', action, modelId: null },
        { detail, ...(errorCode !== undefined && { outcome: 'refused', errorCode }) },
      );
    },
    async spentUsd(keyId) {
      return toUsd(await counters.spent(keyId, calendar(deps.now()).month));
    },
  };
}

/**
 * Rate limits and budgets fail closed: when their store (Redis, or the database) does not answer,
 * the call is refused before it reaches Bedrock, with a code that says to retry.
 */
function countersUnavailable(cause: unknown): QuarryError {
  return new QuarryError(
    'UPSTREAM_UNAVAILABLE',
    "This key's rate limits and budget cannot be checked right now (their store is unreachable), so the call was not sent to Bedrock. Retry shortly.",
    { retryable: true, cause },
  );
}

export function codeOf(error: unknown): string {
  if (error instanceof QuarryError || error instanceof GatewayError) return error.code;
  return 'INTERNAL_SERVER_ERROR';
}

function baseIdOf(catalog: ModelCatalog, modelId: string | null): string | undefined {
  return modelId === null ? undefined : catalog.tryResolve(modelId)?.model.modelId;
}
