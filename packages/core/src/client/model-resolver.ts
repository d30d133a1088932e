import {
  GetCustomModelCommand,
  ListFoundationModelsCommand,
  GetInferenceProfileCommand,
  GetProvisionedModelThroughputCommand,
  type BedrockClient,
} from '@aws-sdk/client-bedrock';
import type { ModelCatalog, ResolvedModel } from '../catalog/model-catalog.js';
import { baseModelIdOf, parseModelId, type ModelReference } from '../catalog/model-id.js';
import { ModelNotFoundError, QuarryError } from '../errors/quarry-error.js';
import type { Logger } from '../logging/logger.js';
import type { RetryDeps } from '../retry/with-retry.js';
import { withRetry } from '../retry/with-retry.js';
import { abortOptions } from './linked-abort.js';
import { liveModelOf, type LiveModel } from './live-model.js';
import { checkRegion } from './region-check.js';

/** Resolves any model ID or ARN to its catalog entry, asking Bedrock about opaque ARNs once. */
export interface ModelResolver {
  /** Throws ModelNotFoundError (with close matches) or ValidationError for malformed IDs. */
  resolve(modelId: string, signal?: AbortSignal): Promise<ResolvedModel>;
  /** Like resolve, but undefined when the catalog does not know the model. */
  tryResolve(modelId: string, signal?: AbortSignal): Promise<ResolvedModel | undefined>;
  /**
   * Like resolve, but a model the catalog does not know and the upstream's ListFoundationModels
   * lists (asked once per client, then cached) comes back as a live-only model, callable through
   * Converse. Still throws ModelNotFoundError when neither knows it.
   */
  resolveChat(modelId: string, signal?: AbortSignal): Promise<ChatTarget>;
  /** resolve, plus the region check calls get (see resolveChat). */
  resolveForCall(modelId: string, signal?: AbortSignal): Promise<ResolvedModel>;
}

/** What a chat call runs on: a catalog entry (any path) or a live-only model (Converse only). */
export type ChatTarget =
  | { readonly kind: 'catalog'; readonly resolved: ResolvedModel }
  | { readonly kind: 'live'; readonly id: string; readonly model: LiveModel };

export interface ModelResolverDeps {
  readonly catalog: ModelCatalog;
  readonly control: BedrockClient;
  readonly retry: RetryDeps;
  readonly logger: Logger;
  /** The region calls go to. */
  readonly region: string;
  /**
   * Refuse, before calling, identifiers that cannot work as written in `region` (see checkRegion);
   * resolveChat and resolveForCall only.
   */
  readonly checkRegions: boolean;
}

export function createModelResolver(deps: ModelResolverDeps): ModelResolver {
  // Provisioned-throughput and application-profile ARNs name no model; their base model never
  // changes for the life of the resource, so one lookup each is enough.
  const aliases = new Map<string, string>();

  async function learnAlias(
    reference: ModelReference,
    id: string,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    if (aliases.has(id)) return;
    let modelArn: string | undefined;
    if (reference.kind === 'provisioned-model-arn') {
      const output = await withRetry(
        () =>
          deps.control.send(
            new GetProvisionedModelThroughputCommand({ provisionedModelId: id }),
            abortOptions(signal),
          ),
        deps.retry,
        { signal, context: { modelId: id, operation: 'GetProvisionedModelThroughput' } },
      );
      modelArn = output.foundationModelArn ?? output.modelArn;
    } else if (reference.kind === 'application-inference-profile-arn') {
      const output = await withRetry(
        () =>
          deps.control.send(
            new GetInferenceProfileCommand({ inferenceProfileIdentifier: id }),
            abortOptions(signal),
          ),
        deps.retry,
        { signal, context: { modelId: id, operation: 'GetInferenceProfile' } },
      );
      modelArn = output.models?.[0]?.modelArn;
    } else if (reference.kind === 'custom-model-arn') {
      const output = await withRetry(
        () => deps.control.send(new GetCustomModelCommand({ modelIdentifier: id }), abortOptions(signal)),
        deps.retry,
        { signal, context: { modelId: id, operation: 'GetCustomModel' } },
      );
      modelArn = output.baseModelArn;
    }
    const base = modelArn === undefined ? undefined : baseModelIdOf(parseModelId(modelArn));
    if (base !== undefined) aliases.set(id, base);
  }

  const lookupAlias = (reference: ModelReference): string | undefined =>
    'arn' in reference && typeof reference.arn === 'string' ? aliases.get(reference.arn) : undefined;

  async function prepare(modelId: string, signal: AbortSignal | undefined): Promise<void> {
    const reference = parseModelId(modelId);
    if (baseModelIdOf(reference) === undefined) await learnAlias(reference, modelId, signal);
  }

  // The live list changes monthly, not per call: one ListFoundationModels per client is enough.
  let liveModels: Promise<ReadonlyMap<string, LiveModel>> | undefined;
  // Shared by every caller, so it runs without any one caller's signal: one leaving must not fail
  // the others (each still stops waiting when its own signal aborts, see untilAborted).
  function loadLiveModels(): Promise<ReadonlyMap<string, LiveModel>> {
    liveModels ??= withRetry(() => deps.control.send(new ListFoundationModelsCommand({})), deps.retry, {
      context: { operation: 'ListFoundationModels' },
    }).then((output) => {
      const models = new Map<string, LiveModel>();
      for (const summary of output.modelSummaries ?? []) {
        const { modelId } = summary;
        if (modelId !== undefined) models.set(modelId, liveModelOf({ ...summary, modelId }));
      }
      return models;
    });
    const loading = liveModels;
    // A failed lookup is not cached: the next call asks again.
    loading.catch(() => {
      if (liveModels === loading) liveModels = undefined;
    });
    return loading;
  }

  async function resolveLive(
    modelId: string,
    notFound: ModelNotFoundError,
    signal: AbortSignal | undefined,
  ): Promise<ChatTarget> {
    const reference = parseModelId(modelId);
    const base = baseModelIdOf(reference);
    if (base === undefined) throw notFound;
    let listed: ReadonlyMap<string, LiveModel>;
    try {
      listed = await untilAborted(loadLiveModels(), signal);
    } catch (error) {
      signal?.throwIfAborted();
      deps.logger.warn(
        {
          event: 'bedrock.live-models.unavailable',
          code: error instanceof QuarryError ? error.code : undefined,
        },
        'could not list foundation models; only catalog models resolve',
      );
      throw notFound;
    }
    const model = listed.get(base);
    if (model === undefined) throw notFound;
    // Listed in this region's answer, so served here; which profiles exist the list does not say.
    if (deps.checkRegions) {
      checkRegion(reference, { ...model, regions: undefined, profiles: undefined }, deps.region);
    }
    return { kind: 'live', id: modelId, model };
  }

  function checked(resolved: ResolvedModel): ResolvedModel {
    if (deps.checkRegions) checkRegion(resolved.reference, resolved.model, deps.region);
    return resolved;
  }

  return {
    async resolveChat(modelId, signal) {
      await prepare(modelId, signal);
      try {
        return {
          kind: 'catalog',
          resolved: checked(
            deps.catalog.resolve(modelId, (reference) => lookupAlias(reference) ?? aliases.get(modelId)),
          ),
        };
      } catch (error) {
        if (!(error instanceof ModelNotFoundError)) throw error;
        return resolveLive(modelId, error, signal);
      }
    },
    async resolveForCall(modelId, signal) {
      await prepare(modelId, signal);
      return checked(
        deps.catalog.resolve(modelId, (reference) => lookupAlias(reference) ?? aliases.get(modelId)),
      );
    },
    async resolve(modelId, signal) {
      await prepare(modelId, signal);
      return deps.catalog.resolve(modelId, (reference) => lookupAlias(reference) ?? aliases.get(modelId));
    },
    async tryResolve(modelId, signal) {
      try {
        await prepare(modelId, signal);
      } catch (error) {
        // Unknown or malformed: the caller decides what to do. Throttling or an abort still fail.
        if (
          error instanceof QuarryError &&
          (error.code === 'MODEL_NOT_FOUND' || error.code === 'BAD_USER_INPUT')
        ) {
          return undefined;
        }
        throw error;
      }
      return deps.catalog.tryResolve(modelId, (reference) => lookupAlias(reference) ?? aliases.get(modelId));
    },
  };
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes the lookup's own failure on unchanged
        reject(error);
      },
    );
  });
}
