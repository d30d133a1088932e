import { createModelCatalog, MODEL_DATA } from '@quarry/core/catalog';

import { createAgentRuntime } from './agent-runtime/agent-runtime.js';
import { createControlPlane } from './control-plane/control-plane.js';
import { createFaultRegistry, type EmulatorFaults, type FaultRule } from './faults/fault-registry.js';
import { createDualProtocolServer } from './http/dual-protocol-server.js';
import { createStatsRecorder, type EmulatorStats } from './http/emulator-stats.js';
import { createRouter } from './http/router.js';
import { createLatency, type LatencyOption } from './latency.js';
import { LIVE_ONLY_MODELS } from './live-only-models.js';
import { createRecordRunner, type RecordRunner } from './runtime/record-runner.js';
import { createRuntimeRoutes } from './runtime/runtime-routes.js';
import { createObjectStore } from './s3/object-store.js';
import { createImageSynthesizer } from './synthetic/synthetic-image.js';

export type { FaultKind, FaultSpec, StreamException } from './faults/fault-spec.js';
export { FAULT_KINDS, FaultSyntaxError, STREAM_EXCEPTIONS } from './faults/fault-spec.js';
export type { EmulatorFaults, FaultRule, FaultRuleState } from './faults/fault-registry.js';
export { FAULT_HEADER } from './faults/fault-registry.js';
export type { EmulatorStats, EmulatorStatsSnapshot, ModelStats } from './http/emulator-stats.js';
export type { LatencyOption, LatencyProfile } from './latency.js';
export { OUTPUT_TOKENS_HEADER } from './runtime/runtime-context.js';

export interface EmulatorOptions {
  /** @default 0 (any free port; read it from `emulator.port`) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** @default 'realistic' */
  readonly latency?: LatencyOption;
  /** Models whose catalog entry needs an agreement answer AccessDenied until one is created. @default false */
  readonly strictAccess?: boolean;
  /** Per-model fault rules active from the start (see `emulator.faults`). */
  readonly faults?: readonly FaultRule[];
  /**
   * How long customization and batch jobs take. @default 60000; batch jobs default to 0 (done as
   * soon as they are created) with zero latency
   */
  readonly jobDurationMs?: number;
  /** How long provisioned throughput stays Creating. @default 30000 */
  readonly provisioningDurationMs?: number;
  /** Wall clock for resource timestamps and job progress. @default Date.now */
  readonly now?: () => number;
  /** Account ID in the ARNs of created resources. @default '123456789012' */
  readonly accountId?: string;
  /** Request bodies above this are a ValidationException. @default 25 MiB */
  readonly maxBodyBytes?: number;
  /** Hears about emulator bugs (answered as 500 InternalServerException). @default console.error */
  readonly onInternalError?: (error: unknown) => void;
}

/** A running emulator. Nothing is shared between instances. */
export interface Emulator {
  /** `http://host:port`, for the SDK clients' `endpoint`. */
  readonly url: string;
  readonly port: number;
  /** Per-model fault rules (the `x-quarry-fault` header works without them). */
  readonly faults: EmulatorFaults;
  readonly stats: EmulatorStats;
  /** Stops listening and destroys open connections, so stalled streams end at once. */
  close(): Promise<void>;
}

/**
 * Starts a Bedrock-compatible server (runtime, control plane and agent runtime on one port, HTTP/2
 * cleartext and HTTP/1.1) that the AWS SDK v3 clients reach through `endpoint`.
 * Rejects if the port is taken or an option is invalid.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  // Core's catalog plus a few models only the live list has, as on Bedrock.
  const catalog = createModelCatalog([...MODEL_DATA, ...LIVE_ONLY_MODELS]);
  const latency = createLatency(options.latency ?? 'realistic');
  const faults = createFaultRegistry(options.faults ?? []);
  const stats = createStatsRecorder();
  const now = options.now ?? Date.now;
  const objectStore = createObjectStore(now);
  // The runtime needs the control plane's lookups and batch jobs need the runtime: the runner reads
  // `runtime` only when a job is created, after both exist.
  const runRecord: RecordRunner = (...args) => recordRunner(...args);
  const controlPlane = createControlPlane({
    catalog,
    strictAccess: options.strictAccess ?? false,
    jobDurationMs: options.jobDurationMs ?? 60_000,
    batchJobDurationMs: options.jobDurationMs ?? (latency.zero ? 0 : 60_000),
    objectStore,
    runRecord,
    provisioningDurationMs: options.provisioningDurationMs ?? 30_000,
    now,
    accountId: options.accountId ?? '123456789012',
  });
  const runtimeContext = { catalog, lookups: controlPlane, latency, stats, images: createImageSynthesizer() };
  const runtime = createRuntimeRoutes(runtimeContext, faults);
  const recordRunner = createRecordRunner(runtimeContext);
  const server = createDualProtocolServer({
    handler: createRouter({
      runtime,
      controlPlane,
      agentRuntime: createAgentRuntime({
        catalog,
        now,
        store: objectStore,
        accountId: options.accountId ?? '123456789012',
        ingestionDurationMs: latency.zero ? 0 : 3_000,
      }),
      faults,
      stats,
      objectStore,
      beforeS3: () => {
        controlPlane.settleBatchJobs();
      },
    }),
    stats,
    ...(options.maxBodyBytes !== undefined && { maxBodyBytes: options.maxBodyBytes }),
    ...(options.onInternalError !== undefined && { onInternalError: options.onInternalError }),
  });
  const port = await server.listen(options.port ?? 0, host);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    faults,
    stats,
    async close() {
      await server.close();
      controlPlane.close();
      objectStore.clear();
    },
  };
}
