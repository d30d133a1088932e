import {
  parseModelId,
  type CatalogModel,
  type ModelCatalog,
  type ModelReference,
} from '@quarry/core/catalog';

import { BedrockHttpError } from '../http/emulator-request.js';
import { profileServesRegion } from '@quarry/core/catalog';

/**
 * What the runtime needs from the control plane to resolve opaque ARNs and check access. Resources
 * are regional: each lookup only sees the ones created in `region`, the caller's.
 */
export interface ModelLookups {
  lookupProvisioned(
    region: string,
    arnOrId: string,
  ): { readonly modelId: string; readonly status: string } | undefined;
  lookupApplicationProfile(region: string, arn: string): { readonly modelId: string } | undefined;
  lookupCustomModel(region: string, arn: string): { readonly baseModelId: string } | undefined;
  hasAccess(region: string, modelId: string): boolean;
}

/** The model a runtime call runs on. */
export interface InvocationTarget {
  readonly model: CatalogModel;
  /** The identifier as the caller sent it (base ID, profile ID or ARN). */
  readonly modelId: string;
}

// The exact texts Bedrock answers (bedrock-protocol.md §2.8, §4.3); the ’ is U+2019.
const INVALID_IDENTIFIER = 'The provided model identifier is invalid.';
const profileRequired = (modelId: string): string =>
  `Invocation of model ID ${modelId} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`;
const ACCESS_DENIED = "You don't have access to the model with the specified model ID.";

/**
 * Resolves a `{modelId}` path label like Bedrock: base IDs and foundation-model ARNs run on demand
 * (profile-only models refuse them), system profiles must belong to the caller's geography,
 * application profiles / provisioned / custom models are looked up in the control plane, in the
 * caller's region only. Models and resources not in the caller's region are unknown there. Retired
 * (LEGACY) models keep working. Throws BedrockHttpError: ValidationException (400),
 * ModelNotReadyException (429) for provisioned throughput still Creating, AccessDeniedException (403)
 * in strict mode.
 */
export function resolveTarget(
  catalog: ModelCatalog,
  lookups: ModelLookups,
  region: string,
  modelId: string,
): InvocationTarget {
  const model = resolveModel(catalog, lookups, region, modelId, 0);
  if (!lookups.hasAccess(region, model.modelId))
    throw new BedrockHttpError(403, 'AccessDeniedException', ACCESS_DENIED);
  return { model, modelId };
}

function resolveModel(
  catalog: ModelCatalog,
  lookups: ModelLookups,
  region: string,
  modelId: string,
  depth: number,
): CatalogModel {
  if (depth > 3) throw invalid();
  let reference: ModelReference;
  try {
    reference = parseModelId(modelId);
  } catch {
    throw invalid();
  }
  switch (reference.kind) {
    case 'foundation-model':
    case 'foundation-model-arn': {
      const model = catalog.get(reference.modelId);
      if (model === undefined) {
        // A bare provisioned-model ID works where its ARN does.
        if (
          reference.kind === 'foundation-model' &&
          lookups.lookupProvisioned(region, modelId) !== undefined
        ) {
          return viaProvisioned(catalog, lookups, region, modelId, depth);
        }
        throw invalid();
      }
      if (!model.regions.includes(region)) throw invalid();
      if (!model.inferenceTypes.includes('ON_DEMAND')) {
        throw new BedrockHttpError(400, 'ValidationException', profileRequired(reference.modelId));
      }
      return model;
    }
    case 'system-inference-profile':
    case 'inference-profile-arn': {
      const model = catalog.get(reference.modelId);
      if (
        model === undefined ||
        !model.profiles.includes(reference.prefix) ||
        !profileServesRegion(reference.prefix, region)
      ) {
        throw invalid();
      }
      return model;
    }
    case 'application-inference-profile-arn': {
      const profile = lookups.lookupApplicationProfile(region, modelId);
      if (profile === undefined) throw invalid();
      return resolveCopied(catalog, lookups, region, profile.modelId, depth);
    }
    case 'provisioned-model-arn':
      return viaProvisioned(catalog, lookups, region, modelId, depth);
    case 'custom-model-arn': {
      const custom = lookups.lookupCustomModel(region, modelId);
      const model = custom === undefined ? undefined : catalog.get(custom.baseModelId);
      if (model === undefined) throw invalid();
      return model;
    }
    case 'imported-model-arn':
      // Custom Model Import is not emulated: nothing can name the model behind it.
      throw invalid();
  }
}

function viaProvisioned(
  catalog: ModelCatalog,
  lookups: ModelLookups,
  region: string,
  modelId: string,
  depth: number,
): CatalogModel {
  const provisioned = lookups.lookupProvisioned(region, modelId);
  if (provisioned === undefined) throw invalid();
  // Updating (a model switch) keeps serving the current model until the switch completes; a
  // throughput still Creating has no capacity yet. The runtime's "not ready" exception is the
  // retryable one the SDK backs off on.
  if (provisioned.status !== 'InService' && provisioned.status !== 'Updating') {
    throw new BedrockHttpError(
      429,
      'ModelNotReadyException',
      `The provisioned model ${modelId} is not ready to serve inference requests (status ${provisioned.status}). Try your request again later.`,
    );
  }
  return resolveCopied(catalog, lookups, region, provisioned.modelId, depth);
}

/**
 * The model behind a provisioned throughput or application profile: any identifier, including
 * ones a bare on-demand call could not use (the resource itself provides the capacity).
 */
function resolveCopied(
  catalog: ModelCatalog,
  lookups: ModelLookups,
  region: string,
  modelId: string,
  depth: number,
): CatalogModel {
  let reference: ModelReference | undefined;
  try {
    reference = parseModelId(modelId);
  } catch {
    reference = undefined;
  }
  if (
    reference !== undefined &&
    'modelId' in reference &&
    reference.modelId !== undefined &&
    reference.kind !== 'custom-model-arn'
  ) {
    const model = catalog.get(reference.modelId);
    if (model !== undefined) return model;
  }
  return resolveModel(catalog, lookups, region, modelId, depth + 1);
}

function invalid(): BedrockHttpError {
  return new BedrockHttpError(400, 'ValidationException', INVALID_IDENTIFIER);
}
