import type {
  CallOptions,
  CallTokenStream,
  ChatRequest,
  EmbedRequest,
  ImageRequest,
  QuarryClient,
} from '@quarry/core';
import type { EmbedOptions } from '@quarry/core';
import { ClientGoneError } from '../errors/client-gone-error.js';
import { governedStream } from './governed-stream.js';
import type { Operation } from './operation.js';
import type { CallIntent, CallScope, Policy } from './policy.js';
import { worstCaseOfChat, worstCaseOfEmbed, worstCaseOfImage, worstCaseOfRaw } from './worst-case.js';

/**
 * Control-plane methods and the scope they need. Methods that are in neither this table nor the
 * inference wrappers below need ADMIN: a method added to QuarryClient later is closed until
 * someone decides who may call it, never silently open.
 */
const CONTROL_PLANE: Readonly<Record<string, { operation: Operation | 'ANY'; modelArg?: number }>> = {
  // Reads of the model catalog: any key may look.
  resolveModel: { operation: 'ANY' },
  tryResolveModel: { operation: 'ANY' },
  validateChat: { operation: 'ANY' },
  listModels: { operation: 'ANY' },
  getModel: { operation: 'ANY' },
  listInferenceProfiles: { operation: 'ANY' },
  getInferenceProfile: { operation: 'ANY' },
  listAgreementOffers: { operation: 'ANY' },
  listCustomModels: { operation: 'ANY' },
  getCustomModel: { operation: 'ANY' },
  listProvisionedThroughputs: { operation: 'ANY' },
  getProvisionedThroughput: { operation: 'ANY' },
  // Jobs.
  listCustomizationJobs: { operation: 'JOBS' },
  getCustomizationJob: { operation: 'JOBS' },
  createCustomizationJob: { operation: 'JOBS' },
  stopCustomizationJob: { operation: 'JOBS' },
  listBatchJobs: { operation: 'JOBS' },
  getBatchJob: { operation: 'JOBS' },
  createBatchJob: { operation: 'JOBS' },
  stopBatchJob: { operation: 'JOBS' },
  // Agents and knowledge bases.
  retrieve: { operation: 'AGENTS' },
  retrieveAndGenerate: { operation: 'AGENTS' },
  retrieveAndGenerateStream: { operation: 'AGENTS' },
  invokeAgent: { operation: 'AGENTS' },
  invokeAgentStream: { operation: 'AGENTS' },
};

/** Control-plane-style methods that return an AsyncIterable: admitted before the first event. */
const STREAMING = new Set(['retrieveAndGenerateStream', 'invokeAgentStream']);

/** Properties that are data, not calls. */
const PLAIN = new Set(['region', 'catalog']);

export interface GovernedClientFactory {
  /** A QuarryClient for one operation: every upstream call it makes passes the policy step. */
  forScope(scope: CallScope): QuarryClient;
}

/**
 * Resolvers only ever see the governed client (GatewayContext.client), so no resolver can reach
 * Bedrock around the policy. The methods live on a prototype built once; a scope costs one
 * small object per operation.
 */
export function createGovernedClientFactory(client: QuarryClient, policy: Policy): GovernedClientFactory {
  const catalog = client.catalog;
  const scopeOf = (self: unknown): CallScope => (self as { readonly scope: CallScope }).scope;

  async function governed<T>(
    self: unknown,
    intent: CallIntent,
    run: () => Promise<T>,
    meter: (result: T) => Parameters<Awaited<ReturnType<Policy['admit']>>['settle']>[0],
  ): Promise<T> {
    const admission = await policy.admit(scopeOf(self), intent);
    let result: T;
    try {
      result = await run();
    } catch (error) {
      await admission.settle(failureOf(error));
      throw error;
    }
    await admission.settle(meter(result));
    return result;
  }

  const governedStreamOf = (
    self: unknown,
    intent: CallIntent,
    open: () => CallTokenStream,
  ): CallTokenStream => governedStream(() => policy.admit(scopeOf(self), intent), open, failureOf);

  const proto: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(client)) {
    if (PLAIN.has(name) || typeof value !== 'function') continue;
    const rule = CONTROL_PLANE[name];
    const method = value as (...args: unknown[]) => Promise<unknown>;
    if (STREAMING.has(name)) {
      proto[name] = async function* (this: unknown, ...args: unknown[]) {
        const events = await governed(
          this,
          {
            operation: rule?.operation === undefined || rule.operation === 'ANY' ? 'ADMIN' : rule.operation,
            action: name,
            modelId: null,
          },
          () => Promise.resolve(method.apply(client, args) as unknown as AsyncIterable<unknown>),
          () => ({}),
        );
        yield* events;
      };
      continue;
    }
    proto[name] = function (this: unknown, ...args: unknown[]) {
      if (rule?.operation === 'ANY') return method.apply(client, args);
      const modelArg = typeof args[0] === 'object' && args[0] !== null ? modelOfInput(args[0]) : null;
      return governed(
        this,
        { operation: rule?.operation ?? 'ADMIN', action: name, modelId: modelArg },
        () => method.apply(client, args),
        () => ({}),
      );
    };
  }

  Object.assign(proto, {
    invoke(this: unknown, modelId: string, request: ChatRequest, options?: CallOptions) {
      return governed(
        this,
        { operation: 'INVOKE', action: 'invoke', modelId, worst: worstCaseOfChat(catalog, modelId, request) },
        () => client.invoke(modelId, request, options),
        meterCall,
      );
    },
    converse(this: unknown, modelId: string, request: ChatRequest, options?: CallOptions) {
      return governed(
        this,
        {
          operation: 'INVOKE',
          action: 'converse',
          modelId,
          worst: worstCaseOfChat(catalog, modelId, request),
        },
        () => client.converse(modelId, request, options),
        meterCall,
      );
    },
    invokeRaw(this: unknown, modelId: string, body: unknown, options?: CallOptions) {
      return governed(
        this,
        { operation: 'INVOKE', action: 'invokeRaw', modelId, worst: worstCaseOfRaw(catalog, modelId, body) },
        () => client.invokeRaw(modelId, body, options),
        meterCall,
      );
    },
    embed(
      this: unknown,
      modelId: string,
      request: EmbedRequest,
      options?: EmbedOptions<'array' | 'float32'>,
    ) {
      return governed(
        this,
        { operation: 'EMBED', action: 'embed', modelId, worst: worstCaseOfEmbed(catalog, modelId, request) },
        () => client.embed(modelId, request, options),
        meterCall,
      );
    },
    generateImage(this: unknown, modelId: string, request: ImageRequest, options?: CallOptions) {
      return governed(
        this,
        {
          operation: 'IMAGE',
          action: 'generateImage',
          modelId,
          worst: worstCaseOfImage(catalog, modelId, request),
        },
        () => client.generateImage(modelId, request, options),
        meterCall,
      );
    },
    stream(this: unknown, modelId: string, request: ChatRequest, options?: CallOptions) {
      return governedStreamOf(
        this,
        { operation: 'STREAM', action: 'stream', modelId, worst: worstCaseOfChat(catalog, modelId, request) },
        () => client.stream(modelId, request, options),
      );
    },
    converseStream(this: unknown, modelId: string, request: ChatRequest, options?: CallOptions) {
      return governedStreamOf(
        this,
        {
          operation: 'STREAM',
          action: 'converseStream',
          modelId,
          worst: worstCaseOfChat(catalog, modelId, request),
        },
        () => client.converseStream(modelId, request, options),
      );
    },
    region: client.region,
    catalog: client.catalog,
  });

  // A class whose prototype chain ends at `proto`: `new` is far cheaper per operation than
  // Object.create with a property descriptor, and every instance shares one shape.
  class ScopedClient {
    constructor(readonly scope: CallScope) {}
  }
  Object.setPrototypeOf(ScopedClient.prototype, proto);
  return {
    forScope: (scope) => new ScopedClient(scope) as unknown as QuarryClient,
  };
}

interface Metered {
  readonly usage?: {
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly totalTokens: number;
  };
  readonly cost: { readonly totalUsd: number };
  readonly requestId: string | undefined;
  readonly attempts: number;
}

function meterCall(result: Metered) {
  return {
    usage: result.usage,
    costUsd: result.cost.totalUsd,
    upstreamRequestId: result.requestId,
    attempts: result.attempts,
  };
}

/** The model a control-plane input names (batch and customization jobs), for the allowlist. */
function modelOfInput(input: object): string | null {
  const record = input as Record<string, unknown>;
  const model = record['modelId'] ?? record['baseModelIdentifier'];
  return typeof model === 'string' ? model : null;
}

/**
 * How a call that threw is settled. A client that left (the abort reason the transports use)
 * cancelled its call: that is its choice, audited and counted as `cancelled`, not as an error.
 */
function failureOf(error: unknown): { error: unknown } | { cancelled: true } {
  // Core may wrap the abort reason (e.g. as an unavailable upstream whose cause it is).
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof ClientGoneError) return { cancelled: true };
    current = current.cause;
  }
  return { error };
}
