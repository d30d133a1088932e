import type { RouteOperation } from '../control-plane/route-matcher.js';
import { applyFault } from '../faults/apply-fault.js';
import type { FaultRegistry } from '../faults/fault-registry.js';
import type { RuntimeRoutes } from '../runtime/runtime-routes.js';
import type { ObjectStore } from '../s3/object-store.js';
import { isS3Request, matchS3 } from '../s3/s3-routes.js';
import { ADMIN_ROOT, handleAdmin } from './admin-routes.js';
import type { BedrockService } from './bedrock-service.js';
import type { RequestHandler } from './dual-protocol-server.js';
import { BedrockHttpError, type EmulatorRequest, type EmulatorResponse } from './emulator-request.js';
import type { StatsRecorder } from './emulator-stats.js';

/** A component that claims the paths it owns (undefined for the rest) without running them yet. */
export interface PathHandler {
  match(request: EmulatorRequest): RouteOperation | undefined;
}

export interface RouterOptions {
  readonly runtime: RuntimeRoutes;
  readonly controlPlane: PathHandler;
  readonly agentRuntime: PathHandler;
  /** The S3-compatible store, reached by requests signed for the `s3` service. */
  readonly objectStore: ObjectStore;
  /** Called before any S3 operation, so batch jobs due by the clock have written their output. */
  readonly beforeS3?: () => void;
  readonly faults: FaultRegistry;
  readonly stats: StatsRecorder;
}

/**
 * The stats key of every request no operation claims. Keying those by their path would let junk
 * requests (scanners, typos) grow the stats map without bound.
 */
const UNKNOWN_OPERATION = 'unknown';

/**
 * Dispatch order: S3 (by the SigV4 signing service, whatever the path), the emulator's admin endpoints, runtime model operations, then the control plane,
 * then the agent runtime; anything else is an unknown operation (404) as on AWS. Header faults
 * (`x-quarry-fault`) apply to every Bedrock operation, answered with the exceptions of the service
 * that owns it; per-model rules only to runtime ones.
 */
export function createRouter(options: RouterOptions): RequestHandler {
  const { runtime, controlPlane, agentRuntime, faults, stats } = options;

  const matchOther = (request: EmulatorRequest): OwnedOperation | undefined => {
    const control = controlPlane.match(request);
    if (control !== undefined) return { service: 'control-plane', operation: control };
    const agent = agentRuntime.match(request);
    if (agent !== undefined) return { service: 'agent-runtime', operation: agent };
    return undefined;
  };

  const runOther = (
    request: EmulatorRequest,
    owned: OwnedOperation | undefined,
  ): Promise<EmulatorResponse> => {
    if (owned === undefined) {
      // Before any fault: AWS routes the request nowhere, so nothing could fail on the way.
      return Promise.reject(
        new BedrockHttpError(
          404,
          'UnknownOperationException',
          `Unknown operation ${request.method} /${request.segments.join('/')}.`,
        ),
      );
    }
    const fault = faults.select(request, {
      modelIds: undefined,
      eventStream: owned.operation.eventStream,
    });
    if (fault !== undefined) stats.recordFault();
    return applyFault(fault, owned.service, request, () => owned.operation.run());
  };

  return async (request) => {
    if (isS3Request(request)) {
      options.beforeS3?.();
      const s3 = matchS3(options.objectStore, request);
      const response = s3.run();
      stats.recordRequest(
        s3.operation,
        response.kind === 'bytes' || response.kind === 'json' ? response.status : 200,
      );
      return response;
    }
    if (request.segments[0] === ADMIN_ROOT) return handleAdmin(request, faults, stats);
    const runtimeOperation = runtime.match(request);
    const owned = runtimeOperation === undefined ? matchOther(request) : undefined;
    const operation = runtimeOperation?.operation ?? owned?.operation.operation ?? UNKNOWN_OPERATION;
    try {
      const response = await (runtimeOperation === undefined
        ? runOther(request, owned)
        : runtimeOperation.run());
      stats.recordRequest(
        operation,
        response.kind === 'drop' ? 'dropped' : response.kind === 'event-stream' ? 200 : response.status,
      );
      return response;
    } catch (error) {
      stats.recordRequest(operation, error instanceof BedrockHttpError ? error.status : 500);
      throw error;
    }
  };
}

/** A control-plane or agent-runtime operation and the service whose exceptions its faults use. */
interface OwnedOperation {
  readonly service: BedrockService;
  readonly operation: RouteOperation;
}
