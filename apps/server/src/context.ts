import type { Logger, QuarryClient } from '@quarry/core';
import type { ConversationService } from './conversations/conversation-service.js';
import type { BatchService } from './batch/batch-service.js';
import type { JobWatchers } from './batch/job-watchers.js';
import type { FormatOptions } from './errors/format-error.js';
import type { Caller } from './governance/caller.js';
import type { Governance } from './governance/governance.js';
import type { OperationWork } from './governance/operation-work.js';
import type { GatewayMetrics } from './metrics/gateway-metrics.js';
import type { ModelDirectory } from './models/model-directory.js';
import type { Store } from './store/store.js';
import type { StreamSlots } from './streaming/stream-slots.js';

/**
 * Per-operation context every resolver receives, built by one function for both transports
 * (server.ts `createContext`) once the caller is known.
 */
export interface GatewayContext {
  /**
   * The governed client: every upstream call passes the policy step (scope, allowlist, rate
   * limits, budget, usage, audit) for `caller`. Resolvers never see the raw client.
   */
  readonly client: QuarryClient;
  readonly batch: BatchService;
  /** Shared pollers behind the job progress subscriptions. */
  readonly jobs: JobWatchers;
  readonly models: ModelDirectory;
  readonly store: Store;
  readonly conversations: ConversationService;
  readonly logger: Logger;
  /** Correlates log lines and audit rows of one operation; x-request-id on HTTP. */
  readonly requestId: string;
  /**
   * Who is calling, resolved once per HTTP request or graphql-ws socket (rechecked per
   * operation). Rows a caller creates are owned by `caller.keyId`, and reads and writes check it.
   */
  readonly caller: Caller;
  readonly governance: Governance;
  readonly metrics: GatewayMetrics;
  /**
   * This operation's own signal, passed to every upstream call: aborted when an HTTP client
   * disconnects, a graphql-ws socket closes, the caller's key is revoked, or the server shuts down.
   */
  readonly signal: AbortSignal;
  /** The gateway-wide cap on concurrent streams. */
  readonly streams: StreamSlots;
  /** Most texts one embed call may carry. */
  readonly maxEmbedTexts: number;
  /** How errors are shown (masking in production); also used for per-item errors. */
  readonly format: FormatOptions;
  /** The operation's counted upstream work, computed by the first root field that runs. */
  work: OperationWork | Error | undefined;
}
