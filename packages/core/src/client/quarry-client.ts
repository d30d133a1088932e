import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { setTimeout as delay } from 'node:timers/promises';
import type { ModelCatalog, ResolvedModel } from '../catalog/model-catalog.js';
import type { ModelId } from '../catalog/model-data.js';
import type { ChatRequest, EmbedRequest, ImageRequest } from '../codec-kit/chat-types.js';
import type { CodecRegistry } from '../codecs/codec-registry.js';
import { createSilentLogger, type Logger } from '../logging/logger.js';
import { createRetryBudget, type RetryBudget } from '../retry/retry-budget.js';
import { checkRetryPolicy, DEFAULT_RETRY_POLICY, type RetryPolicy } from '../retry/retry-policy.js';
import type { ClientContext } from './client-context.js';
import type {
  CallOptions,
  CallTokenStream,
  EmbedResponse,
  EmbeddingFormat,
  ImageResponse,
  InvokeRawResult,
  InvokeResult,
} from './client-types.js';
import type { ControlPlaneApi } from './control-plane-api.js';
import { createControlPlaneApi } from './control-plane.js';
import { createAgentRuntimeApi, type AgentRuntimeApi } from '../agents/agent-runtime-api.js';
import { converse, converseStream, validateChatTarget } from './converse.js';
import { embed, type EmbedOptions } from './embed.js';
import { generateImage } from './generate-image.js';
import { invoke, invokeRaw } from './invoke.js';
import { stream } from './invoke-stream.js';
import { createDirectRuntimeTransport } from './direct-runtime-transport.js';
import { scheduleWithTimers, type ScheduleTimeout } from './idle-watchdog.js';
import { createModelResolver } from './model-resolver.js';
import type { RuntimePath } from './runtime-transport.js';
import { createSdkRuntimeTransport } from './sdk-runtime-transport.js';

/** Dependencies of the client; the composition root builds them (see createBedrockClients). */
export interface QuarryClientDeps {
  readonly runtime: BedrockRuntimeClient;
  /** Carries streams when given (createBedrockClients' `streamingRuntime`); `runtime` otherwise. */
  readonly streamingRuntime?: BedrockRuntimeClient | undefined;
  readonly control: BedrockClient;
  /** Knowledge bases and agents; their calls throw a ValidationError when it is missing. */
  readonly agentRuntime?: BedrockAgentRuntimeClient | undefined;
  /** The region the SDK clients call; named in error messages. */
  readonly region: string;
  readonly catalog: ModelCatalog;
  readonly codecs: CodecRegistry;
  /** Merged over DEFAULT_RETRY_POLICY and checked; a bad value throws RangeError. */
  readonly retry?: Partial<RetryPolicy> | undefined;
  /**
   * The token bucket all of this client's retries draw from, so a struggling upstream is not
   * hammered. @default createRetryBudget() (one per client); `false` retries without a budget.
   */
  readonly budget?: RetryBudget | false | undefined;
  /** @default a silent logger */
  readonly logger?: Logger | undefined;
  /** @default Math.random */
  readonly random?: (() => number) | undefined;
  /** @default node:timers/promises setTimeout */
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** @default performance.now */
  readonly now?: (() => number) | undefined;
  /**
   * Who sends InvokeModel, InvokeModelWithResponseStream, Converse and ConverseStream: `direct`
   * (Quarry signs and sends with the SDK's own credentials, endpoint, signer and connection pool,
   * skipping its per-command middleware; about half the CPU per call) or `sdk` (the SDK's commands;
   * pick it when you added middleware to your runtime clients). Other operations always use the SDK.
   * @default 'direct'
   */
  readonly runtimePath?: RuntimePath | undefined;
  /** `amz-sdk-invocation-id` of direct-path calls. @default crypto.randomUUID */
  readonly invocationId?: (() => string) | undefined;
  /** A stream with no data for this long fails with MODEL_TIMEOUT. @default 60000 */
  readonly streamIdleTimeoutMs?: number | undefined;
  /**
   * Arms the stream idle bound (first frame and every gap): `(callback, ms) => cancel`. Tests
   * inject one to fire it at will instead of waiting it out. @default node:timers setTimeout
   */
  readonly scheduleTimeout?: ScheduleTimeout | undefined;
  /**
   * Refuse before calling a model ID that cannot work as written in `region`: a profile-only
   * model by its base ID, a model the catalog says the region does not serve, a profile of another
   * geography. The error names the region and what to call instead. Turn it off if the catalog's
   * region lists lag behind AWS for a model you use. @default true
   */
  readonly checkRegions?: boolean | undefined;
  /** Embedding batches in flight per embed() call. @default 8 */
  readonly embedConcurrency?: number | undefined;
}

/** Bedrock for backend code: typed requests, codecs per family, one retry layer, cost on every result. */
export interface QuarryClient extends ControlPlaneApi, AgentRuntimeApi {
  readonly region: string;
  /** Which path the hot runtime operations take (see QuarryClientDeps.runtimePath). */
  readonly runtimePath: RuntimePath;
  readonly catalog: ModelCatalog;
  /** Resolves a base ID, profile ID or ARN to its catalog entry (asks Bedrock about opaque ARNs). */
  resolveModel(modelId: ModelId, options?: CallOptions): Promise<ResolvedModel>;
  /** Like resolveModel, but undefined for unknown or malformed IDs; other failures still throw. */
  tryResolveModel(modelId: ModelId, options?: CallOptions): Promise<ResolvedModel | undefined>;
  /**
   * Resolves the model and runs the family's validation without calling Bedrock: lets a caller
   * refuse bad input before opening a stream. Models only Bedrock's list knows count as known.
   * Throws ValidationError / ModelNotFoundError.
   */
  validateChat(modelId: ModelId, request: ChatRequest, options?: CallOptions): Promise<void>;
  invoke(modelId: ModelId, request: ChatRequest, options?: CallOptions): Promise<InvokeResult>;
  stream(modelId: ModelId, request: ChatRequest, options?: CallOptions): CallTokenStream;
  converse(modelId: ModelId, request: ChatRequest, options?: CallOptions): Promise<InvokeResult>;
  converseStream(modelId: ModelId, request: ChatRequest, options?: CallOptions): CallTokenStream;
  embed<F extends EmbeddingFormat = 'array'>(
    modelId: ModelId,
    request: EmbedRequest,
    options?: EmbedOptions<F>,
  ): Promise<EmbedResponse<F>>;
  generateImage(modelId: ModelId, request: ImageRequest, options?: CallOptions): Promise<ImageResponse>;
  invokeRaw(modelId: ModelId, body: unknown, options?: CallOptions): Promise<InvokeRawResult>;
}

export function createQuarryClient(deps: QuarryClientDeps): QuarryClient {
  const policy = checkRetryPolicy({ ...DEFAULT_RETRY_POLICY, ...deps.retry });
  const streamIdleTimeoutMs = checkPositiveInteger('streamIdleTimeoutMs', deps.streamIdleTimeoutMs ?? 60_000);
  const embedConcurrency = checkPositiveInteger('embedConcurrency', deps.embedConcurrency ?? 8);
  const logger = deps.logger ?? createSilentLogger();
  const retry = {
    policy,
    budget: deps.budget === false ? undefined : (deps.budget ?? createRetryBudget()),
    random: deps.random ?? Math.random,
    sleep: deps.sleep ?? sleepUnlessAborted,
    logger,
  };
  const streamingRuntime = deps.streamingRuntime ?? deps.runtime;
  const sdkTransport = createSdkRuntimeTransport(deps.runtime, streamingRuntime);
  const context: ClientContext = {
    transport:
      (deps.runtimePath ?? 'direct') === 'sdk'
        ? sdkTransport
        : createDirectRuntimeTransport(deps.runtime, streamingRuntime, {
            fallback: sdkTransport,
            invocationId: deps.invocationId,
          }),
    control: deps.control,
    region: deps.region,
    catalog: deps.catalog,
    codecs: deps.codecs,
    retry,
    resolver: createModelResolver({
      catalog: deps.catalog,
      control: deps.control,
      retry,
      logger,
      region: deps.region,
      checkRegions: deps.checkRegions ?? true,
    }),
    logger,
    now: deps.now ?? (() => performance.now()),
    streamIdleTimeoutMs,
    scheduleTimeout: deps.scheduleTimeout ?? scheduleWithTimers,
    embedConcurrency,
  };
  return {
    ...createControlPlaneApi(context),
    ...createAgentRuntimeApi(context, deps.agentRuntime),
    region: deps.region,
    runtimePath: context.transport.path,
    catalog: deps.catalog,
    resolveModel: (modelId, options = {}) => context.resolver.resolve(modelId, options.signal),
    tryResolveModel: (modelId, options = {}) => context.resolver.tryResolve(modelId, options.signal),
    async validateChat(modelId, request, options = {}) {
      validateChatTarget(context, await context.resolver.resolveChat(modelId, options.signal), request);
    },
    invoke: (modelId, request, options) => invoke(context, modelId, request, options),
    stream: (modelId, request, options) => stream(context, modelId, request, options),
    converse: (modelId, request, options) => converse(context, modelId, request, options),
    converseStream: (modelId, request, options) => converseStream(context, modelId, request, options),
    embed: (modelId, request, options) => embed(context, modelId, request, options),
    generateImage: (modelId, request, options) => generateImage(context, modelId, request, options),
    invokeRaw: (modelId, body, options) => invokeRaw(context, modelId, body, options),
  };
}

/** Option checks throw RangeError naming the option, like checkRetryPolicy. */
function checkPositiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** timers/promises rejects an aborted wait with its own AbortError; callers are promised the signal's reason. */
async function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (error) {
    signal?.throwIfAborted();
    throw error;
  }
}
