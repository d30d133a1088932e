import type { Logger, QuarryClient } from '@quarry/core';
import type { ConversationService } from './conversations/conversation-service.js';
import type { BatchService } from './batch/batch-service.js';
import type { JobWatchers } from './batch/job-watchers.js';
import type { FormatOptions } from './errors/format-error.js';
import type { ModelDirectory } from './models/model-directory.js';
import type { Store } from './store/store.js';
import type { StreamSlots } from './streaming/stream-slots.js';

/** Per-operation context every resolver receives. Built by the HTTP handler and the graphql-ws server. */
export interface GatewayContext {
  readonly client: QuarryClient;
  readonly batch: BatchService;
  /** Shared pollers behind the job progress subscriptions. */
  readonly jobs: JobWatchers;
  readonly models: ModelDirectory;
  readonly store: Store;
  readonly conversations: ConversationService;
  /** Who is calling; rows a caller creates are owned by `keyId`, and reads and writes check it. */
  readonly caller: Caller;
  readonly logger: Logger;
  /** Correlates log lines of one operation. */
  readonly requestId: string;
  /**
   * This operation's own signal, passed to every upstream call: aborted when an HTTP client
   * disconnects, a graphql-ws socket closes, or the server shuts down.
   */
  readonly signal: AbortSignal;
  /** The gateway-wide cap on concurrent streams. */
  readonly streams: StreamSlots;
  /** Most texts one embed call may carry. */
  readonly maxEmbedTexts: number;
  /** How errors are shown (masking in production); also used for per-item errors. */
  readonly format: FormatOptions;
}

/** The identity an operation runs as. `keyId` is "admin" for the admin key (and for all calls until API keys exist). */
export interface Caller {
  readonly keyId: string;
}
