import { z } from 'zod';

import { foundationModelArn, parseBedrockArn } from './arns.js';
import { notFoundError, validationError } from './bedrock-errors.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import type { CustomizationJob, CustomizationJobs } from './customization-jobs.js';
import { jsonResponse } from './json-response.js';
import { inTimeRange, nameMatches, sortByCreationTime, sortQuery, timestampQuery } from './list-sorting.js';
import { findFoundationModel } from './model-identifiers.js';
import { pageBody, paginate, pagingQuery } from './pagination.js';
import { parseQuery } from './parse-input.js';
import { route, type Route } from './route-matcher.js';
import { toTimestamp } from './timestamps.js';

/** A custom model: the output of a completed customization job. */
export interface CustomModel {
  readonly arn: string;
  readonly name: string;
  readonly region: string;
  readonly baseModelId: string;
  /** When the job completed and the model appeared. */
  readonly createdAt: number;
  readonly sequence: number;
  readonly job: CustomizationJob;
}

export interface CustomModels {
  readonly routes: readonly Route[];
  /** By ARN or name; only models that exist now (job completed, model not deleted), in `region` when given. */
  find(identifier: string, region?: string): CustomModel | undefined;
}

const ListQuerySchema = z.object({
  ...pagingQuery,
  ...sortQuery,
  creationTimeBefore: timestampQuery,
  creationTimeAfter: timestampQuery,
  nameContains: z.string().min(1).max(63).optional(),
  baseModelArnEquals: z.string().min(1).max(2048).optional(),
  foundationModelArnEquals: z.string().min(1).max(2048).optional(),
  isOwned: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  modelStatus: z.enum(['Active', 'Creating', 'Failed']).optional(),
});

/**
 * Custom models are a view over the customization jobs (no timers: a job past its duration simply
 * reads as Completed and its model as Active). `isInUse` tells whether provisioned throughput serves
 * a model, which blocks its deletion.
 */
export function createCustomModels(
  context: ControlPlaneContext,
  jobs: CustomizationJobs,
  isInUse: (modelArn: string) => boolean,
): CustomModels {
  const existing = (): CustomModel[] =>
    jobs.all().flatMap((job) => {
      const state = jobs.state(job);
      if (state.status !== 'Completed' || job.modelDeletedAt !== undefined || state.endTime === undefined)
        return [];
      return [
        {
          arn: job.customModelArn,
          name: job.request.customModelName,
          region: job.region,
          baseModelId: job.baseModelId,
          createdAt: state.endTime,
          sequence: job.sequence,
          job,
        },
      ];
    });

  const find = (identifier: string, region?: string): CustomModel | undefined => {
    const byArn = parseBedrockArn(identifier) !== undefined;
    return existing().find(
      (model) =>
        (byArn ? model.arn === identifier : model.name === identifier) &&
        (region === undefined || model.region === region),
    );
  };

  const require = (identifier: string, region: string): CustomModel => {
    const model = find(identifier, region);
    if (model === undefined) throw notFoundError(`The custom model ${identifier} does not exist.`);
    return model;
  };

  const baseModelArn = (model: CustomModel): string => foundationModelArn(model.region, model.baseModelId);

  /** Whether an `…ArnEquals` filter names this model's base, compared by model ID so the ARN's region does not matter. */
  const baseMatches = (model: CustomModel, arn: string | undefined): boolean => {
    if (arn === undefined) return true;
    return findFoundationModel(context.catalog, arn)?.modelId === model.baseModelId;
  };

  const summary = (model: CustomModel): Record<string, unknown> => ({
    modelArn: model.arn,
    modelName: model.name,
    creationTime: toTimestamp(model.createdAt),
    baseModelArn: baseModelArn(model),
    baseModelName: context.catalog.get(model.baseModelId)?.modelName ?? model.baseModelId,
    customizationType: model.job.customizationType,
    ownerAccountId: context.accountId,
    modelStatus: 'Active',
  });

  const details = (model: CustomModel): Record<string, unknown> => {
    const { request } = model.job;
    const validators = request.validationDataConfig?.validators ?? [];
    const loss = jobs.trainingLoss(model.job);
    return {
      modelArn: model.arn,
      modelName: model.name,
      jobName: request.jobName,
      jobArn: model.job.arn,
      baseModelArn: baseModelArn(model),
      customizationType: model.job.customizationType,
      ...(request.customModelKmsKeyId !== undefined && { modelKmsKeyArn: request.customModelKmsKeyId }),
      hyperParameters: request.hyperParameters ?? {},
      trainingDataConfig: request.trainingDataConfig,
      ...(request.validationDataConfig !== undefined && {
        validationDataConfig: request.validationDataConfig,
      }),
      outputDataConfig: request.outputDataConfig,
      trainingMetrics: { trainingLoss: loss },
      ...(validators.length > 0 && {
        validationMetrics: validators.map(() => ({ validationLoss: loss * 1.1 })),
      }),
      creationTime: toTimestamp(model.createdAt),
      ...(request.customizationConfig !== undefined && { customizationConfig: request.customizationConfig }),
      modelStatus: 'Active',
    };
  };

  const routes = [
    route('GET', '/custom-models', (request) => {
      const query = parseQuery(request.query, ListQuerySchema);
      const matching = existing().filter(
        (model) =>
          model.region === request.region &&
          inTimeRange(model.createdAt, query.creationTimeAfter, query.creationTimeBefore) &&
          nameMatches(model.name, query.nameContains) &&
          baseMatches(model, query.baseModelArnEquals) &&
          baseMatches(model, query.foundationModelArnEquals) &&
          // Every custom model here belongs to the caller, and all are Active.
          query.isOwned !== false &&
          (query.modelStatus === undefined || query.modelStatus === 'Active'),
      );
      const page = paginate(
        sortByCreationTime(matching, query.sortOrder).map(summary),
        query,
        'ListCustomModels',
      );
      return jsonResponse(200, pageBody('modelSummaries', page));
    }),
    route('GET', '/custom-models/:modelIdentifier', (request, labels) =>
      jsonResponse(200, details(require(labels.get('modelIdentifier'), request.region))),
    ),
    route('DELETE', '/custom-models/:modelIdentifier', (request, labels) => {
      const model = require(labels.get('modelIdentifier'), request.region);
      if (isInUse(model.arn)) {
        throw validationError(
          `The custom model ${model.name} is used by a provisioned throughput; delete that first.`,
        );
      }
      model.job.modelDeletedAt = context.now();
      return jsonResponse(200, {});
    }),
  ];

  return { routes, find };
}
