import {
  GetCustomModelCommand,
  GetInferenceProfileCommand,
  GetProvisionedModelThroughputCommand,
  type BedrockClient,
} from '@aws-sdk/client-bedrock';
import type { ModelCatalog, ResolvedModel } from '../catalog/model-catalog.js';
import { baseModelIdOf, parseModelId, type ModelReference } from '../catalog/model-id.js';
import { QuarryError } from '../errors/quarry-error.js';
import type { RetryDeps } from '../retry/with-retry.js';
import { withRetry } from '../retry/with-retry.js';
import { abortOptions } from './linked-abort.js';

/** Resolves any model ID or ARN to its catalog entry, asking Bedrock about opaque ARNs once. */
export interface ModelResolver {
  /** Throws ModelNotFoundError (with close matches) or ValidationError for malformed IDs. */
  resolve(modelId: string, signal?: AbortSignal): Promise<ResolvedModel>;
  /** Like resolve, but undefined when the catalog does not know the model. */
  tryResolve(modelId: string, signal?: AbortSignal): Promise<ResolvedModel | undefined>;
}

export interface ModelResolverDeps {
  readonly catalog: ModelCatalog;
  readonly control: BedrockClient;
  readonly retry: RetryDeps;
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

  return {
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
