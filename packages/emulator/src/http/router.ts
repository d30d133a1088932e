import { applyFault } from '../faults/apply-fault.js';
import type { FaultRegistry } from '../faults/fault-registry.js';
import type { RuntimeRoutes } from '../runtime/runtime-routes.js';
import { ADMIN_ROOT, handleAdmin } from './admin-routes.js';
import type { RequestHandler } from './dual-protocol-server.js';
import { BedrockHttpError, type EmulatorRequest, type EmulatorResponse } from './emulator-request.js';
import type { StatsRecorder } from './emulator-stats.js';

/** A component that answers the paths it owns and returns undefined for the rest. */
export interface PathHandler {
  handle(request: EmulatorRequest): Promise<EmulatorResponse> | undefined;
}

export interface RouterOptions {
  readonly runtime: RuntimeRoutes;
  readonly controlPlane: PathHandler;
  readonly agentRuntime: PathHandler;
  readonly faults: FaultRegistry;
  readonly stats: StatsRecorder;
}

/**
 * Dispatch order: the emulator's admin endpoints, runtime model operations, then the control plane,
 * then the agent runtime; anything else is an unknown operation (404) as on AWS. Header faults
 * (`x-quarry-fault`) apply to every Bedrock operation; per-model rules only to runtime ones.
 */
export function createRouter(options: RouterOptions): RequestHandler {
  const { runtime, controlPlane, agentRuntime, faults, stats } = options;

  const dispatchOther = (request: EmulatorRequest): Promise<EmulatorResponse> => {
    const answer = controlPlane.handle(request) ?? agentRuntime.handle(request);
    if (answer !== undefined) return answer;
    return Promise.reject(
      new BedrockHttpError(
        404,
        'UnknownOperationException',
        `Unknown operation ${request.method} /${request.segments.join('/')}.`,
      ),
    );
  };

  return async (request) => {
    if (request.segments[0] === ADMIN_ROOT) return handleAdmin(request, faults, stats);
    const matched = runtime.match(request);
    const operation = matched?.operation ?? `${request.method} /${request.segments[0] ?? ''}`;
    try {
      let response: EmulatorResponse;
      if (matched !== undefined) {
        response = await matched.run();
      } else {
        const fault = faults.select(request, undefined);
        if (fault !== undefined) stats.recordFault();
        response = await applyFault(fault, request, () => dispatchOther(request));
      }
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
