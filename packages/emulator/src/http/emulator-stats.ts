/** Per-model counters. */
export interface ModelStats {
  readonly requests: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** What the emulator has served since start (or the last reset). */
export interface EmulatorStatsSnapshot {
  readonly requests: number;
  /** By operation name (`InvokeModel`, `ConverseStream`, `GET /foundation-models`, …). */
  readonly byOperation: Readonly<Record<string, number>>;
  /** By HTTP status, plus `dropped` for connections cut on purpose. */
  readonly byStatus: Readonly<Record<string, number>>;
  /** By base model ID, for runtime operations. */
  readonly byModel: Readonly<Record<string, ModelStats>>;
  readonly faultsInjected: number;
  /** TCP connections accepted since start (or the last reset), and those open now. */
  readonly connections: { readonly opened: number; readonly active: number };
  /** Event-stream responses still being written: a cancelled client stream must bring this down. */
  readonly activeStreams: number;
}

/** The `emulator.stats` API. */
export interface EmulatorStats {
  snapshot(): EmulatorStatsSnapshot;
  reset(): void;
}

/** The recording half, used by the router and the runtime operations. */
export interface StatsRecorder extends EmulatorStats {
  recordRequest(operation: string, status: number | 'dropped'): void;
  recordTokens(modelId: string, inputTokens: number, outputTokens: number): void;
  recordFault(): void;
  /** Connection bookkeeping, from the transport. */
  connectionOpened(): void;
  connectionClosed(): void;
  streamOpened(): void;
  streamClosed(): void;
}

export function createStatsRecorder(): StatsRecorder {
  let requests = 0;
  let faultsInjected = 0;
  let connectionsOpened = 0;
  // Gauges, not counters: reset() leaves them alone because the connections are still open.
  let activeConnections = 0;
  let activeStreams = 0;
  let byOperation = new Map<string, number>();
  let byStatus = new Map<string, number>();
  let byModel = new Map<string, { requests: number; inputTokens: number; outputTokens: number }>();
  return {
    recordRequest(operation, status) {
      requests++;
      byOperation.set(operation, (byOperation.get(operation) ?? 0) + 1);
      const key = String(status);
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    },
    recordTokens(modelId, inputTokens, outputTokens) {
      let entry = byModel.get(modelId);
      if (entry === undefined) {
        entry = { requests: 0, inputTokens: 0, outputTokens: 0 };
        byModel.set(modelId, entry);
      }
      entry.requests++;
      entry.inputTokens += inputTokens;
      entry.outputTokens += outputTokens;
    },
    recordFault() {
      faultsInjected++;
    },
    connectionOpened() {
      connectionsOpened++;
      activeConnections++;
    },
    connectionClosed() {
      activeConnections--;
    },
    streamOpened() {
      activeStreams++;
    },
    streamClosed() {
      activeStreams--;
    },
    snapshot: () => ({
      requests,
      byOperation: Object.fromEntries(byOperation),
      byStatus: Object.fromEntries(byStatus),
      byModel: Object.fromEntries([...byModel].map(([id, entry]) => [id, { ...entry }])),
      faultsInjected,
      connections: { opened: connectionsOpened, active: activeConnections },
      activeStreams,
    }),
    reset() {
      requests = 0;
      faultsInjected = 0;
      connectionsOpened = 0;
      byOperation = new Map();
      byStatus = new Map();
      byModel = new Map();
    },
  };
}
