import type { InferenceType, ProfilePrefix } from '../catalog/catalog-model.js';
import { PROFILE_PREFIXES } from '../catalog/catalog-model.js';
import type { ModelReference } from '../catalog/model-id.js';
import { profileServesRegion } from '../catalog/profile-geography.js';
import { ValidationError } from '../errors/quarry-error.js';

/** What the check reads of a model: a catalog entry, or a live-only model (served here, profiles unknown). */
export interface RegionFacts {
  readonly modelId: string;
  readonly inferenceTypes: readonly InferenceType[];
  /** Regions that serve the model in-region; undefined when only the live list knows it (then it is served here). */
  readonly regions: readonly string[] | undefined;
  /** System inference profiles that exist for it; undefined when unknown. */
  readonly profiles: readonly ProfilePrefix[] | undefined;
}

/**
 * Refuses, before any call, an identifier that cannot work as written in `region`: a profile-only
 * model called by its base ID, a model the region does not serve, a profile of another geography.
 * Bedrock would answer "The provided model identifier is invalid." (or a terse on-demand refusal);
 * this names the region and what to call instead.
 */
export function checkRegion(reference: ModelReference, model: RegionFacts, region: string): void {
  // Only a refusal's message needs it: worked out then, not on every call that passes.
  const insteadOf = (): string | undefined => {
    const callable = callableProfiles(model, region);
    return callable.length > 0 ? `call it through an inference profile: ${callable.join(' or ')}` : undefined;
  };
  switch (reference.kind) {
    case 'foundation-model':
    case 'foundation-model-arn': {
      if (!model.inferenceTypes.includes('ON_DEMAND')) {
        const instead = insteadOf();
        const fallback =
          model.regions === undefined
            ? `call it through the inference profile of your geography (e.g. ${defaultPrefix(region)}.${model.modelId}; listInferenceProfiles() lists them)`
            : `none of its profiles can be called from ${region}; connect the client to a region its profiles serve (${model.regions.join(', ')})`;
        throw new ValidationError(
          'modelId',
          `${model.modelId} is not served on demand by its base ID; Bedrock runs it only through cross-region inference profiles. In ${region}, ${instead ?? fallback}.`,
        );
      }
      if (model.regions !== undefined && !model.regions.includes(region)) {
        const instead = insteadOf();
        const where = `regions that serve it: ${model.regions.join(', ')}`;
        throw new ValidationError(
          'modelId',
          `${model.modelId} is not served in ${region}, the region this client calls. ` +
            (instead === undefined
              ? `Connect the client to one of the ${where}.`
              : `In ${region}, ${instead}; or connect the client to one of the ${where}.`),
        );
      }
      return;
    }
    case 'system-inference-profile':
    case 'inference-profile-arn':
      if (!profileServesRegion(reference.prefix, region)) {
        const instead = insteadOf();
        throw new ValidationError(
          'modelId',
          `The ${reference.prefix}. inference profile of ${model.modelId} cannot be called from ${region}: profiles only serve their own geography. ` +
            (instead === undefined
              ? `Connect the client to a ${reference.prefix} region, or call the model another way.`
              : `In ${region}, ${instead}.`),
        );
      }
      return;
    case 'application-inference-profile-arn':
    case 'provisioned-model-arn':
    case 'custom-model-arn':
    case 'imported-model-arn':
      // The resource decides where it runs, whatever the model's own regions.
      return;
  }
}

function callableProfiles(model: RegionFacts, region: string): string[] {
  return (model.profiles ?? [])
    .filter((prefix) => profileServesRegion(prefix, region))
    .map((prefix) => `${prefix}.${model.modelId}`);
}

/** The geography prefix a region's callers normally use (`us` for us-east-1, `eu` for eu-west-1). */
function defaultPrefix(region: string): ProfilePrefix {
  return (
    PROFILE_PREFIXES.find((prefix) => prefix !== 'global' && profileServesRegion(prefix, region)) ?? 'global'
  );
}
