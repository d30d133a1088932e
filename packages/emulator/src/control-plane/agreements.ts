import { createHash } from 'node:crypto';

import type { CatalogModel } from '@quarry/core/catalog';
import { z } from 'zod';

import { accessDeniedError, notFoundError, validationError } from './bedrock-errors.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { jsonResponse } from './json-response.js';
import { findFoundationModel } from './model-identifiers.js';
import { parseJsonBody, parseQuery } from './parse-input.js';
import { isServedIn } from './regions.js';
import { route, type Route } from './route-matcher.js';

/** Marketplace agreements (EULAs), per region and model, and the access they grant. */
export interface Agreements {
  readonly routes: readonly Route[];
  /** False only with strict access, for a model that needs an agreement, until one exists in `region`. */
  hasAccess(region: string, modelId: string): boolean;
  /** Throws AccessDeniedException unless `hasAccess`. */
  requireAccess(region: string, model: CatalogModel): void;
  clear(): void;
}

const modelIdField = z.string().min(1).max(2048);

const OffersQuerySchema = z.object({ offerType: z.enum(['ALL', 'PUBLIC']).optional() });

const CreateBodySchema = z.object({ offerToken: z.string().min(1).max(4096), modelId: modelIdField });

const DeleteBodySchema = z.object({ modelId: modelIdField });

/** Deterministic per model, so a token listed by one instance is accepted by any other. */
function offerTokenFor(modelId: string): string {
  return `qoffer-${createHash('sha256').update(`offer:${modelId}`).digest('base64url')}`;
}

function offerFor(model: CatalogModel): Record<string, unknown> {
  const { inputPer1k, outputPer1k, perImage } = model.pricing;
  const rates = [
    inputPer1k === undefined
      ? undefined
      : { dimension: 'InputTokens', price: String(inputPer1k), unit: '1K tokens' },
    outputPer1k === undefined
      ? undefined
      : { dimension: 'OutputTokens', price: String(outputPer1k), unit: '1K tokens' },
    perImage === undefined ? undefined : { dimension: 'Images', price: String(perImage), unit: 'image' },
  ].filter((rate) => rate !== undefined);
  return {
    offerId: `offer-${createHash('sha256').update(model.modelId).digest('hex').slice(0, 24)}`,
    offerToken: offerTokenFor(model.modelId),
    termDetails: {
      usageBasedPricingTerm: {
        rateCard: rates.map((rate) => ({
          ...rate,
          description: `${model.modelName} ${rate.dimension} (USD)`,
        })),
      },
      legalTerm: { url: 'https://aws.amazon.com/legal/bedrock/third-party-models/' },
      supportTerm: { refundPolicyDescription: 'No refunds. Charges accrue per use.' },
    },
  };
}

/** Agreements start empty: with strict access every marketplace model is denied at first. */
export function createAgreements(context: ControlPlaneContext): Agreements {
  const accepted = new Set<string>();
  const key = (region: string, modelId: string): string => `${region}|${modelId}`;

  const hasAccess = (region: string, modelId: string): boolean => {
    const model = context.catalog.get(modelId);
    return (
      !context.strictAccess ||
      model === undefined ||
      !model.requiresAgreement ||
      accepted.has(key(region, model.modelId))
    );
  };

  const requireModel = (identifier: string): CatalogModel => {
    const model = findFoundationModel(context.catalog, identifier);
    if (model === undefined) throw notFoundError(`The model ${identifier} does not exist.`);
    return model;
  };

  const routes = [
    // Only marketplace models (requiresAgreement) have offers; Bedrock's first-party models have none.
    route('GET', '/list-foundation-model-agreement-offers/:modelId', (request, labels) => {
      parseQuery(request.query, OffersQuerySchema);
      const model = requireModel(labels.get('modelId'));
      return jsonResponse(200, {
        modelId: model.modelId,
        offers: model.requiresAgreement ? [offerFor(model)] : [],
      });
    }),
    route('POST', '/create-foundation-model-agreement', (request) => {
      const body = parseJsonBody(request, CreateBodySchema);
      const model = requireModel(body.modelId);
      if (!model.requiresAgreement || body.offerToken !== offerTokenFor(model.modelId)) {
        throw validationError(
          `The offer token is not valid for model ${model.modelId}. Use a token from ListFoundationModelAgreementOffers.`,
        );
      }
      accepted.add(key(request.region, model.modelId));
      return jsonResponse(202, { modelId: model.modelId });
    }),
    route('POST', '/delete-foundation-model-agreement', (request) => {
      const body = parseJsonBody(request, DeleteBodySchema);
      const model = requireModel(body.modelId);
      if (!accepted.delete(key(request.region, model.modelId))) {
        throw notFoundError(`No agreement exists for model ${model.modelId} in ${request.region}.`);
      }
      return jsonResponse(202, {});
    }),
    route('GET', '/foundation-model-availability/:modelId', (request, labels) => {
      const model = requireModel(labels.get('modelId'));
      const agreed =
        !context.strictAccess || !model.requiresAgreement || accepted.has(key(request.region, model.modelId));
      const inRegion = isServedIn(model, request.region);
      return jsonResponse(200, {
        modelId: model.modelId,
        agreementAvailability: { status: agreed ? 'AVAILABLE' : 'NOT_AVAILABLE' },
        authorizationStatus: 'AUTHORIZED',
        entitlementAvailability: agreed ? 'AVAILABLE' : 'NOT_AVAILABLE',
        regionAvailability: inRegion ? 'AVAILABLE' : 'NOT_AVAILABLE',
      });
    }),
  ];

  const requireAccess = (region: string, model: CatalogModel): void => {
    if (!hasAccess(region, model.modelId)) {
      throw accessDeniedError(
        `You don't have access to the model with the specified model ID. Accept an offer for ${model.modelId} in ` +
          `${region} with CreateFoundationModelAgreement (offers: ListFoundationModelAgreementOffers).`,
      );
    }
  };

  return {
    routes,
    hasAccess,
    requireAccess,
    clear() {
      accepted.clear();
    },
  };
}
