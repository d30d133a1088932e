import type { CatalogModel } from '@quarry/core/catalog';
import { z } from 'zod';

import { foundationModelArn } from './arns.js';
import { notFoundError } from './bedrock-errors.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { jsonResponse } from './json-response.js';
import { findFoundationModel } from './model-identifiers.js';
import { parseQuery } from './parse-input.js';
import { isServedIn } from './regions.js';
import { route, type Route } from './route-matcher.js';

const ListQuerySchema = z.object({
  byProvider: z
    .string()
    .max(63)
    .regex(/^[A-Za-z0-9- ]+$/, 'Member must satisfy regular expression pattern: [A-Za-z0-9- ]{1,63}')
    .optional(),
  byCustomizationType: z.enum(['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION']).optional(),
  byOutputModality: z.enum(['TEXT', 'IMAGE', 'EMBEDDING', 'VIDEO']).optional(),
  // INFERENCE_PROFILE is not in the SDK enum, but Bedrock reports it and the SDK passes strings through.
  byInferenceType: z.enum(['ON_DEMAND', 'PROVISIONED', 'INFERENCE_PROFILE']).optional(),
});

/**
 * The FoundationModelSummary / FoundationModelDetails shape. Profile-only models keep the catalog's
 * `inferenceTypesSupported: ["INFERENCE_PROFILE"]`, as Bedrock lists them; retired ones say LEGACY.
 */
function toFoundationModelSummary(model: CatalogModel, region: string): Record<string, unknown> {
  return {
    modelArn: foundationModelArn(region, model.modelId),
    modelId: model.modelId,
    modelName: model.modelName,
    providerName: model.provider,
    inputModalities: model.inputModalities,
    outputModalities: model.outputModalities,
    responseStreamingSupported: model.streaming,
    customizationsSupported: model.customizations,
    inferenceTypesSupported: model.inferenceTypes,
    modelLifecycle: { status: model.lifecycle },
  };
}

/**
 * Bedrock matches `byProvider` case-insensitively; it also accepts the provider's short name
 * (`mistral`, `ai21`, `stability`), which is the model ID's first dotted part.
 */
function providerMatches(model: CatalogModel, byProvider: string): boolean {
  const wanted = byProvider.toLowerCase().replace(/\s+/g, '');
  const provider = model.provider.toLowerCase();
  return (
    provider.replace(/\s+/g, '') === wanted ||
    provider.split(' ')[0] === wanted ||
    model.modelId.split('.')[0]?.toLowerCase() === wanted
  );
}

/**
 * The model a GetFoundationModel-style identifier (ID or ARN) names in `region`; throws
 * ResourceNotFoundException when the catalog lacks it or the region does not serve it.
 */
function requireFoundationModel(
  context: ControlPlaneContext,
  identifier: string,
  region: string,
): CatalogModel {
  const model = findFoundationModel(context.catalog, identifier);
  if (model === undefined || !isServedIn(model, region)) {
    throw notFoundError(
      `Could not resolve the foundation model from the provided model identifier: ${identifier}.`,
    );
  }
  return model;
}

/** ListFoundationModels (not paginated) and GetFoundationModel. */
export function foundationModelRoutes(context: ControlPlaneContext): Route[] {
  return [
    route('GET', '/foundation-models', (request) => {
      const filters = parseQuery(request.query, ListQuerySchema);
      const models = context.catalog.models.filter(
        (model) =>
          isServedIn(model, request.region) &&
          (filters.byProvider === undefined || providerMatches(model, filters.byProvider)) &&
          (filters.byCustomizationType === undefined ||
            model.customizations.includes(filters.byCustomizationType)) &&
          (filters.byOutputModality === undefined ||
            model.outputModalities.includes(filters.byOutputModality)) &&
          (filters.byInferenceType === undefined || model.inferenceTypes.includes(filters.byInferenceType)),
      );
      return jsonResponse(200, {
        modelSummaries: models.map((model) => toFoundationModelSummary(model, request.region)),
      });
    }),
    route('GET', '/foundation-models/:modelIdentifier', (request, labels) => {
      const model = requireFoundationModel(context, labels.get('modelIdentifier'), request.region);
      return jsonResponse(200, { modelDetails: toFoundationModelSummary(model, request.region) });
    }),
  ];
}
