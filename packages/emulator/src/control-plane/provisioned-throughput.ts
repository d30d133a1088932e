import { z } from 'zod';

import type { Agreements } from './agreements.js';
import { foundationModelArn, parseBedrockArn, provisionedModelArn } from './arns.js';
import { conflictError, notFoundError, validationError } from './bedrock-errors.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import type { CustomModels } from './custom-models.js';
import { createIdempotencyCache } from './idempotency.js';
import { clientRequestTokenSchema, resourceNameSchema, tagsSchema } from './input-schemas.js';
import { jsonResponse } from './json-response.js';
import { inTimeRange, nameMatches, sortByCreationTime, sortQuery, timestampQuery } from './list-sorting.js';
import { findFoundationModel } from './model-identifiers.js';
import { pageBody, paginate, pagingQuery } from './pagination.js';
import { parseJsonBody, parseQuery } from './parse-input.js';
import { isServedIn } from './regions.js';
import { route, type Route } from './route-matcher.js';
import { toTimestamp } from './timestamps.js';

const COMMITMENT_MS = { OneMonth: 30 * 86_400_000, SixMonths: 182 * 86_400_000 } as const;

const STATUSES = ['Creating', 'InService', 'Updating', 'Failed'] as const;
type ProvisionedStatus = (typeof STATUSES)[number];

const modelIdSchema = z.string().min(1).max(2048);

const CreateBodySchema = z.object({
  clientRequestToken: clientRequestTokenSchema.optional(),
  modelUnits: z.number().int().min(1).max(10_000),
  provisionedModelName: resourceNameSchema,
  modelId: modelIdSchema,
  commitmentDuration: z.enum(['OneMonth', 'SixMonths']).optional(),
  tags: tagsSchema,
});

const UpdateBodySchema = z.object({
  desiredProvisionedModelName: resourceNameSchema.optional(),
  desiredModelId: modelIdSchema.optional(),
});

const ListQuerySchema = z.object({
  ...pagingQuery,
  ...sortQuery,
  creationTimeAfter: timestampQuery,
  creationTimeBefore: timestampQuery,
  statusEquals: z.enum(STATUSES).optional(),
  modelArnEquals: z.string().min(1).max(2048).optional(),
  nameContains: z.string().min(1).max(63).optional(),
});

/** The model a provisioned throughput serves: a foundation model or a custom model built on one. */
interface ServedModel {
  readonly modelArn: string;
  readonly foundationModelArn: string;
  readonly baseModelId: string;
}

interface ProvisionedThroughput {
  readonly id: string;
  readonly arn: string;
  readonly region: string;
  readonly sequence: number;
  readonly createdAt: number;
  readonly modelUnits: number;
  readonly commitmentDuration: 'OneMonth' | 'SixMonths' | undefined;
  name: string;
  served: ServedModel;
  /** A model switch requested by UpdateProvisionedModelThroughput, applied after `provisioningDurationMs`. */
  pending: { readonly model: ServedModel; readonly since: number } | undefined;
  lastModifiedAt: number;
}

export interface ProvisionedThroughputs {
  readonly routes: readonly Route[];
  /** By ARN, ID or name, in `region` only: the base model it serves and its status now. */
  lookup(arnOrId: string, region: string): { modelId: string; status: string } | undefined;
  /** Whether any provisioned throughput serves (or is switching to) this model ARN. */
  usesModel(modelArn: string): boolean;
  clear(): void;
}

/**
 * Create, Get, Update (PATCH), Delete and List. Creating for `provisioningDurationMs`, then InService;
 * a model switch reads Updating for as long. A committed throughput cannot be deleted before its term ends.
 */
export function createProvisionedThroughputs(
  context: ControlPlaneContext,
  agreements: Agreements,
  customModels: CustomModels,
): ProvisionedThroughputs {
  const throughputs = new Map<string, ProvisionedThroughput>();
  const idempotency = createIdempotencyCache<string>();

  /** Applies a finished model switch, so every reader sees the same settled record. */
  const settle = (throughput: ProvisionedThroughput): void => {
    const { pending } = throughput;
    if (pending !== undefined && context.now() >= pending.since + context.provisioningDurationMs) {
      throughput.served = pending.model;
      throughput.pending = undefined;
      throughput.lastModifiedAt = pending.since + context.provisioningDurationMs;
    }
  };

  const status = (throughput: ProvisionedThroughput): ProvisionedStatus => {
    settle(throughput);
    if (context.now() < throughput.createdAt + context.provisioningDurationMs) return 'Creating';
    return throughput.pending === undefined ? 'InService' : 'Updating';
  };

  const find = (identifier: string, region?: string): ProvisionedThroughput | undefined => {
    const arn = parseBedrockArn(identifier);
    const id = arn?.resourceType === 'provisioned-model' ? arn.resourcePath : identifier;
    const byId = throughputs.get(id);
    if (byId !== undefined) return region === undefined || byId.region === region ? byId : undefined;
    return [...throughputs.values()].find(
      (throughput) =>
        throughput.name === identifier && (region === undefined || throughput.region === region),
    );
  };

  const require = (identifier: string, region: string): ProvisionedThroughput => {
    const throughput = find(identifier, region);
    if (throughput === undefined) throw notFoundError(`The provisioned model ${identifier} does not exist.`);
    return throughput;
  };

  const resolveServedModel = (identifier: string, region: string, field: string): ServedModel => {
    const custom = customModels.find(identifier, region);
    if (custom !== undefined) {
      return {
        modelArn: custom.arn,
        foundationModelArn: foundationModelArn(region, custom.baseModelId),
        baseModelId: custom.baseModelId,
      };
    }
    const model = findFoundationModel(context.catalog, identifier);
    if (model === undefined || !isServedIn(model, region)) {
      throw validationError(
        `Value at '${field}' failed to satisfy constraint: ${identifier} is neither a custom model nor a foundation model available in ${region}.`,
      );
    }
    if (!model.inferenceTypes.includes('PROVISIONED')) {
      throw validationError(`The model ${model.modelId} does not support provisioned throughput.`);
    }
    agreements.requireAccess(region, model);
    const arn = foundationModelArn(region, model.modelId);
    return { modelArn: arn, foundationModelArn: arn, baseModelId: model.modelId };
  };

  const view = (throughput: ProvisionedThroughput): Record<string, unknown> => {
    const current = status(throughput);
    const expiresAt =
      throughput.commitmentDuration === undefined
        ? undefined
        : throughput.createdAt + COMMITMENT_MS[throughput.commitmentDuration];
    return {
      modelUnits: throughput.modelUnits,
      desiredModelUnits: throughput.modelUnits,
      provisionedModelName: throughput.name,
      provisionedModelArn: throughput.arn,
      modelArn: throughput.served.modelArn,
      desiredModelArn: (throughput.pending?.model ?? throughput.served).modelArn,
      foundationModelArn: throughput.served.foundationModelArn,
      status: current,
      creationTime: toTimestamp(throughput.createdAt),
      lastModifiedTime: toTimestamp(throughput.lastModifiedAt),
      ...(throughput.commitmentDuration !== undefined && {
        commitmentDuration: throughput.commitmentDuration,
      }),
      ...(expiresAt !== undefined && { commitmentExpirationTime: toTimestamp(expiresAt) }),
    };
  };

  const routes = [
    route('POST', '/provisioned-model-throughput', (request) => {
      const body = parseJsonBody(request, CreateBodySchema);
      const replayed = idempotency.replay(request.region, body.clientRequestToken, body);
      if (replayed !== undefined) return jsonResponse(201, { provisionedModelArn: replayed });
      const taken = [...throughputs.values()].some(
        (throughput) => throughput.region === request.region && throughput.name === body.provisionedModelName,
      );
      if (taken)
        throw conflictError(`A provisioned model named ${body.provisionedModelName} already exists.`);
      const served = resolveServedModel(body.modelId, request.region, 'modelId');
      const id = context.ids.next('provisioned-model');
      const now = context.now();
      const throughput: ProvisionedThroughput = {
        id,
        arn: provisionedModelArn(request.region, context.accountId, id),
        region: request.region,
        sequence: context.nextSequence(),
        createdAt: now,
        modelUnits: body.modelUnits,
        commitmentDuration: body.commitmentDuration,
        name: body.provisionedModelName,
        served,
        pending: undefined,
        lastModifiedAt: now,
      };
      throughputs.set(id, throughput);
      idempotency.remember(request.region, body.clientRequestToken, body, throughput.arn);
      return jsonResponse(201, { provisionedModelArn: throughput.arn });
    }),
    route('GET', '/provisioned-model-throughput/:provisionedModelId', (request, labels) =>
      jsonResponse(200, view(require(labels.get('provisionedModelId'), request.region))),
    ),
    route('PATCH', '/provisioned-model-throughput/:provisionedModelId', (request, labels) => {
      const throughput = require(labels.get('provisionedModelId'), request.region);
      const body = parseJsonBody(request, UpdateBodySchema);
      const current = status(throughput);
      if (current !== 'InService') {
        throw validationError(
          `The provisioned model ${throughput.name} is ${current}; only an InService one can be updated.`,
        );
      }
      const name = body.desiredProvisionedModelName;
      if (name !== undefined && name !== throughput.name) {
        const taken = [...throughputs.values()].some(
          (other) => other.region === throughput.region && other.name === name,
        );
        if (taken) throw conflictError(`A provisioned model named ${name} already exists.`);
      }
      const desired =
        body.desiredModelId === undefined
          ? undefined
          : resolveServedModel(body.desiredModelId, request.region, 'desiredModelId');
      if (desired !== undefined && desired.baseModelId !== throughput.served.baseModelId) {
        throw validationError(
          `The desired model must be built on ${throughput.served.baseModelId}, the base model of ${throughput.name}.`,
        );
      }
      const now = context.now();
      if (name !== undefined) throughput.name = name;
      if (desired !== undefined && desired.modelArn !== throughput.served.modelArn) {
        throughput.pending = { model: desired, since: now };
      }
      throughput.lastModifiedAt = now;
      return jsonResponse(200, {});
    }),
    route('DELETE', '/provisioned-model-throughput/:provisionedModelId', (request, labels) => {
      const throughput = require(labels.get('provisionedModelId'), request.region);
      if (throughput.commitmentDuration !== undefined) {
        const expiresAt = throughput.createdAt + COMMITMENT_MS[throughput.commitmentDuration];
        if (context.now() < expiresAt) {
          throw validationError(
            `The provisioned model ${throughput.name} has a ${throughput.commitmentDuration} commitment until ${toTimestamp(expiresAt)} and cannot be deleted before then.`,
          );
        }
      }
      throughputs.delete(throughput.id);
      return jsonResponse(200, {});
    }),
    route('GET', '/provisioned-model-throughputs', (request) => {
      const query = parseQuery(request.query, ListQuerySchema);
      const matching = [...throughputs.values()].filter(
        (throughput) =>
          throughput.region === request.region &&
          inTimeRange(throughput.createdAt, query.creationTimeAfter, query.creationTimeBefore) &&
          nameMatches(throughput.name, query.nameContains) &&
          (query.statusEquals === undefined || status(throughput) === query.statusEquals) &&
          (query.modelArnEquals === undefined || throughput.served.modelArn === query.modelArnEquals),
      );
      const page = paginate(
        sortByCreationTime(matching, query.sortOrder).map(view),
        query,
        'ListProvisionedModelThroughputs',
      );
      return jsonResponse(200, pageBody('provisionedModelSummaries', page));
    }),
  ];

  return {
    routes,
    lookup(arnOrId, region) {
      const throughput = find(arnOrId, region);
      if (throughput === undefined) return undefined;
      const current = status(throughput);
      return { modelId: throughput.served.baseModelId, status: current };
    },
    usesModel: (modelArn) =>
      [...throughputs.values()].some(
        (throughput) =>
          throughput.served.modelArn === modelArn || throughput.pending?.model.modelArn === modelArn,
      ),
    clear() {
      throughputs.clear();
      idempotency.clear();
    },
  };
}
