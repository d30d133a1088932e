import type { Logger, QuarryClient } from '@quarry/core';
import type { ModelDirectory } from './models/model-directory.js';

/** Per-operation context every resolver receives. Built by the HTTP handler and the graphql-ws server. */
export interface GatewayContext {
  readonly client: QuarryClient;
  readonly models: ModelDirectory;
  readonly logger: Logger;
  /** Correlates log lines of one operation. */
  readonly requestId: string;
  /** Aborted when the caller goes away or the server shuts down; passed to every upstream call. */
  readonly signal: AbortSignal;
  readonly now: () => number;
}
