import type { EmulatorRequest, EmulatorResponse } from '../http/emulator-request.js';
import { applyFault } from '../faults/apply-fault.js';
import type { FaultRegistry } from '../faults/fault-registry.js';
import { converse, converseStream } from './converse/converse.js';
import { countTokens } from './converse/count-tokens.js';
import { invokeModel, invokeModelWithResponseStream } from './invoke-model.js';
import { resolveTarget, type InvocationTarget } from './resolve-target.js';
import type { RuntimeContext } from './runtime-context.js';

/** A matched operation, ready to run. */
export interface MatchedOperation {
  /** The Bedrock operation name, for stats. */
  readonly operation: string;
  run(): Promise<EmulatorResponse>;
}

type Operation = (
  context: RuntimeContext,
  target: InvocationTarget,
  request: EmulatorRequest,
  started: number,
) => EmulatorResponse | Promise<EmulatorResponse>;

interface OperationEntry {
  readonly name: string;
  readonly handler: Operation;
  /** Answers with an event stream: the only operations the stream-only fault kinds reach. */
  readonly eventStream: boolean;
}

// `POST /model/{modelId}/{action}` (bedrock-protocol.md §2.1).
const OPERATIONS: Readonly<Record<string, OperationEntry>> = {
  invoke: { name: 'InvokeModel', handler: invokeModel, eventStream: false },
  'invoke-with-response-stream': {
    name: 'InvokeModelWithResponseStream',
    handler: invokeModelWithResponseStream,
    eventStream: true,
  },
  converse: { name: 'Converse', handler: converse, eventStream: false },
  'converse-stream': { name: 'ConverseStream', handler: converseStream, eventStream: true },
  'count-tokens': { name: 'CountTokens', handler: countTokens, eventStream: false },
};

export interface RuntimeRoutes {
  /** Undefined when the request is not a runtime model operation. */
  match(request: EmulatorRequest): MatchedOperation | undefined;
}

export function createRuntimeRoutes(context: RuntimeContext, faults: FaultRegistry): RuntimeRoutes {
  return {
    match(request) {
      const [root, modelId, action] = request.segments;
      if (request.segments.length !== 3 || root !== 'model' || modelId === undefined || action === undefined)
        return undefined;
      const entry = Object.hasOwn(OPERATIONS, action) ? OPERATIONS[action] : undefined;
      if (entry === undefined || request.method !== 'POST') return undefined;
      const { name, handler, eventStream } = entry;
      return {
        operation: name,
        async run() {
          const started = performance.now();
          const target = resolveTarget(context.catalog, context.lookups, request.region, modelId);
          const fault = faults.select(request, { modelIds: [target.model.modelId, modelId], eventStream });
          if (fault !== undefined) context.stats.recordFault();
          return applyFault(fault, 'runtime', request, async () =>
            handler(context, target, request, started),
          );
        },
      };
    },
  };
}
