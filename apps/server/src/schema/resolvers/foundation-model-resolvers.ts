import type { InferenceProfileSummary } from '@aws-sdk/client-bedrock';
import type { CatalogModel, ModelCatalog } from '@quarry/core';
import { toInferenceProfile } from '../../mapping/control-plane-views.js';
import {
  inferenceTypesOf,
  inputModalitiesOf,
  lifecycleOf,
  modelIdOf,
  outputModalitiesOf,
  providerOf,
  streamingOf,
} from '../../models/model-view.js';
import type {
  CustomizationType,
  FoundationModelResolvers,
  InferenceProfile,
  InferenceType,
  Modality,
} from '../__generated__/resolvers-types.js';

const MODALITIES = new Set<string>(['TEXT', 'IMAGE', 'VIDEO', 'EMBEDDING']);
const INFERENCE_TYPES = new Set<string>(['ON_DEMAND', 'PROVISIONED', 'INFERENCE_PROFILE']);
const CUSTOMIZATIONS = new Set<string>(['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION']);

// Bedrock types these as open strings; the schema's enums only admit the known values.
const only = <T extends string>(allowed: Set<string>, values: readonly string[] | undefined): T[] =>
  (values ?? []).filter((value): value is T => allowed.has(value));

/** Fields of `FoundationModel`: capabilities as the upstream reports them, limits and prices from the catalog. */
export function createFoundationModelResolvers(catalog: ModelCatalog): FoundationModelResolvers {
  // Each profile summary (the directory keeps them per load) is shaped for GraphQL once, not per request.
  const profileViews = new WeakMap<InferenceProfileSummary, InferenceProfile>();
  const profileView = (profile: InferenceProfileSummary): InferenceProfile => {
    let view = profileViews.get(profile);
    if (view === undefined) profileViews.set(profile, (view = toInferenceProfile(profile)));
    return view;
  };
  // The successor search scans the catalog; its answer only changes with the catalog (fixed here).
  const reasons = new WeakMap<CatalogModel, Map<string, string>>();
  const reasonFor = (model: CatalogModel | undefined, region: string): string => {
    if (model === undefined) return deprecationReason(catalog, model, region);
    let byRegion = reasons.get(model);
    if (byRegion === undefined) reasons.set(model, (byRegion = new Map<string, string>()));
    let reason = byRegion.get(region);
    if (reason === undefined) byRegion.set(region, (reason = deprecationReason(catalog, model, region)));
    return reason;
  };
  return {
    modelId: (view) => modelIdOf(view),
    modelArn: (view) =>
      view.summary?.modelArn ?? `arn:aws:bedrock:${view.region}::foundation-model/${modelIdOf(view)}`,
    modelName: (view) => view.catalog?.modelName ?? view.summary?.modelName ?? modelIdOf(view),
    providerName: providerOf,
    family: (view) => view.catalog?.family ?? null,
    inputModalities: (view) => only<Modality>(MODALITIES, inputModalitiesOf(view)),
    outputModalities: (view) => only<Modality>(MODALITIES, outputModalitiesOf(view)),
    responseStreamingSupported: streamingOf,
    inferenceTypesSupported: (view) => only<InferenceType>(INFERENCE_TYPES, inferenceTypesOf(view)),
    customizationsSupported: (view) =>
      only<CustomizationType>(
        CUSTOMIZATIONS,
        view.summary?.customizationsSupported ?? view.catalog?.customizations,
      ),
    lifecycleStatus: lifecycleOf,
    isDeprecated: (view) => lifecycleOf(view) === 'LEGACY',
    deprecationReason: (view) =>
      lifecycleOf(view) === 'LEGACY' ? reasonFor(view.catalog, view.region) : null,
    contextWindow: (view) => view.catalog?.contextWindow ?? null,
    maxOutputTokens: (view) => view.catalog?.maxOutputTokens ?? null,
    embeddingDimensions: (view) =>
      view.catalog?.embeddingDimensions === undefined ? null : [...view.catalog.embeddingDimensions],
    toolUse: (view) => view.catalog?.toolUse ?? false,
    requiresAgreement: (view) => view.catalog?.requiresAgreement ?? false,
    pricing: (view) =>
      view.catalog === undefined
        ? null
        : {
            inputPer1k: view.catalog.pricing.inputPer1k ?? null,
            outputPer1k: view.catalog.pricing.outputPer1k ?? null,
            perImage: view.catalog.pricing.perImage ?? null,
          },
    regions: (view) => [...(view.catalog?.regions ?? [view.region])],
    available: (view) => view.summary !== undefined,
    inCatalog: (view) => view.catalog !== undefined,
    inferenceProfiles: (view, _args, context) => {
      const serving = context.models.profilesFor(modelIdOf(view));
      return serving instanceof Promise
        ? serving.then((list) => list.map(profileView))
        : serving.map(profileView);
    },
  };
}

/**
 * Points LEGACY models at the newest ACTIVE model (catalog order) of the same provider and output
 * that can be called as written in `region`: served there on demand, not through a profile only.
 */
function deprecationReason(catalog: ModelCatalog, model: CatalogModel | undefined, region: string): string {
  const base = 'Bedrock lists this model as LEGACY: it still works but is being retired.';
  if (model === undefined) return base;
  const successor = catalog.models.findLast(
    (candidate) =>
      candidate.lifecycle === 'ACTIVE' &&
      candidate.inferenceTypes.includes('ON_DEMAND') &&
      candidate.regions.includes(region) &&
      candidate.provider === model.provider &&
      candidate.outputModalities.join() === model.outputModalities.join(),
  );
  return successor === undefined ? base : `${base} Move to ${successor.modelId}.`;
}
