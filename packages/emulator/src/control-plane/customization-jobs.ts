import { z } from 'zod';

import { createSeededRandom } from '../synthetic/seeded-random.js';
import type { Agreements } from './agreements.js';
import { customizationJobArn, customModelArn, foundationModelArn, parseBedrockArn } from './arns.js';
import { conflictError, notFoundError, validationError } from './bedrock-errors.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { createIdempotencyCache } from './idempotency.js';
import { jobProgress, stopJob } from './job-clock.js';
import {
  clientRequestTokenSchema,
  jobNameSchema,
  opaqueSchema,
  resourceNameSchema,
  roleArnSchema,
  s3UriSchema,
  tagsSchema,
} from './input-schemas.js';
import { jsonResponse } from './json-response.js';
import { inTimeRange, nameMatches, sortByCreationTime, sortQuery, timestampQuery } from './list-sorting.js';
import { findFoundationModel } from './model-identifiers.js';
import { pageBody, paginate, pagingQuery } from './pagination.js';
import { parseJsonBody, parseQuery } from './parse-input.js';
import { isServedIn } from './regions.js';
import { route, type Route } from './route-matcher.js';
import { toTimestamp } from './timestamps.js';

const CreateBodySchema = z.object({
  jobName: jobNameSchema,
  customModelName: resourceNameSchema,
  roleArn: roleArnSchema,
  clientRequestToken: clientRequestTokenSchema.optional(),
  baseModelIdentifier: z.string().min(1).max(2048),
  customizationType: z
    .enum(['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION', 'REINFORCEMENT_FINE_TUNING', 'IMPORTED'])
    .optional(),
  customModelKmsKeyId: z.string().min(1).max(2048).optional(),
  jobTags: tagsSchema,
  customModelTags: tagsSchema,
  trainingDataConfig: z.object({ s3Uri: s3UriSchema, invocationLogsConfig: opaqueSchema }),
  validationDataConfig: z
    .object({ validators: z.array(z.object({ s3Uri: s3UriSchema })).max(10) })
    .optional(),
  outputDataConfig: z.object({ s3Uri: s3UriSchema }),
  hyperParameters: z.record(z.string(), z.string()).optional(),
  vpcConfig: opaqueSchema,
  customizationConfig: opaqueSchema,
});

type CreateBody = z.output<typeof CreateBodySchema>;

const JOB_STATUSES = ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'] as const;
type JobStatus = (typeof JOB_STATUSES)[number];

const ListQuerySchema = z.object({
  ...pagingQuery,
  ...sortQuery,
  creationTimeAfter: timestampQuery,
  creationTimeBefore: timestampQuery,
  statusEquals: z.enum(JOB_STATUSES).optional(),
  nameContains: z.string().min(1).max(63).optional(),
});

/** A customization job as submitted; its status is derived from the clock when read. */
export interface CustomizationJob {
  readonly id: string;
  readonly arn: string;
  readonly region: string;
  readonly sequence: number;
  readonly createdAt: number;
  readonly baseModelId: string;
  readonly customizationType: string;
  readonly customModelArn: string;
  readonly request: CreateBody;
  /** When StopModelCustomizationJob arrived. */
  stoppedAt: number | undefined;
  /** When DeleteCustomModel removed the job's output. */
  modelDeletedAt: number | undefined;
}

export interface JobState {
  readonly status: JobStatus;
  readonly lastModifiedTime: number;
  readonly endTime: number | undefined;
  readonly statusDetails: Record<string, unknown>;
}

/** Customization jobs and the custom models completed jobs produce. */
export interface CustomizationJobs {
  readonly routes: readonly Route[];
  /** All jobs of every region, in creation order. */
  all(): readonly CustomizationJob[];
  state(job: CustomizationJob): JobState;
  /** Deterministic training loss reported on completed jobs and their models. */
  trainingLoss(job: CustomizationJob): number;
  clear(): void;
}

const PHASES = ['validationDetails', 'dataProcessingDetails', 'trainingDetails'] as const;

/** CreateModelCustomizationJob, Get, List and Stop; `agreements` gates base models under strict access. */
export function createCustomizationJobs(
  context: ControlPlaneContext,
  agreements: Agreements,
): CustomizationJobs {
  const jobs = new Map<string, CustomizationJob>();
  const idempotency = createIdempotencyCache<string>();

  /**
   * InProgress for `jobDurationMs` (validation, data processing and training take a third each),
   * then Completed; a stop ends it at once.
   */
  const state = (job: CustomizationJob): JobState => {
    const duration = context.jobDurationMs;
    const { observedAt, ended } = jobProgress(job, context.now(), duration);
    const statusDetails: Record<string, unknown> = {};
    let lastModifiedTime = job.createdAt;
    for (const [index, phase] of PHASES.entries()) {
      const start = job.createdAt + (duration * index) / PHASES.length;
      const end = job.createdAt + (duration * (index + 1)) / PHASES.length;
      let status = 'NotStarted';
      if (observedAt >= end) status = 'Completed';
      else if (observedAt >= start) status = job.stoppedAt === undefined ? 'InProgress' : 'Stopped';
      if (status !== 'NotStarted') lastModifiedTime = Math.floor(Math.min(observedAt, end));
      statusDetails[phase] = {
        status,
        ...(status !== 'NotStarted' && {
          creationTime: toTimestamp(Math.floor(start)),
          lastModifiedTime: toTimestamp(Math.floor(Math.min(observedAt, end))),
        }),
      };
    }
    if (ended !== undefined)
      return { status: ended.status, lastModifiedTime: ended.at, endTime: ended.at, statusDetails };
    return { status: 'InProgress', lastModifiedTime, endTime: undefined, statusDetails };
  };

  const trainingLoss = (job: CustomizationJob): number =>
    Math.round((0.05 + createSeededRandom(`loss:${job.arn}`).next() * 0.5) * 10_000) / 10_000;

  const find = (identifier: string, region: string): CustomizationJob | undefined => {
    const arn = parseBedrockArn(identifier);
    const id =
      arn?.resourceType === 'model-customization-job' ? arn.resourcePath.split('/').at(-1) : identifier;
    for (const job of jobs.values()) {
      if (job.region === region && (job.id === id || job.request.jobName === identifier)) return job;
    }
    return undefined;
  };

  const require = (identifier: string, region: string): CustomizationJob => {
    const job = find(identifier, region);
    if (job === undefined) throw notFoundError(`The model customization job ${identifier} does not exist.`);
    return job;
  };

  const details = (job: CustomizationJob): Record<string, unknown> => {
    const current = state(job);
    const { request } = job;
    const completed = current.status === 'Completed';
    return {
      jobArn: job.arn,
      jobName: request.jobName,
      outputModelName: request.customModelName,
      ...(completed && { outputModelArn: job.customModelArn }),
      ...(request.clientRequestToken !== undefined && { clientRequestToken: request.clientRequestToken }),
      roleArn: request.roleArn,
      status: current.status,
      statusDetails: current.statusDetails,
      creationTime: toTimestamp(job.createdAt),
      lastModifiedTime: toTimestamp(current.lastModifiedTime),
      ...(current.endTime !== undefined && { endTime: toTimestamp(current.endTime) }),
      baseModelArn: foundationModelArn(job.region, job.baseModelId),
      hyperParameters: request.hyperParameters ?? {},
      trainingDataConfig: request.trainingDataConfig,
      ...(request.validationDataConfig !== undefined && {
        validationDataConfig: request.validationDataConfig,
      }),
      outputDataConfig: request.outputDataConfig,
      customizationType: job.customizationType,
      ...(request.customModelKmsKeyId !== undefined && { outputModelKmsKeyArn: request.customModelKmsKeyId }),
      ...(completed && { trainingMetrics: { trainingLoss: trainingLoss(job) } }),
      ...(request.vpcConfig !== undefined && { vpcConfig: request.vpcConfig }),
      ...(request.customizationConfig !== undefined && { customizationConfig: request.customizationConfig }),
    };
  };

  const summary = (job: CustomizationJob): Record<string, unknown> => {
    const current = state(job);
    return {
      jobArn: job.arn,
      baseModelArn: foundationModelArn(job.region, job.baseModelId),
      jobName: job.request.jobName,
      status: current.status,
      statusDetails: current.statusDetails,
      lastModifiedTime: toTimestamp(current.lastModifiedTime),
      creationTime: toTimestamp(job.createdAt),
      ...(current.endTime !== undefined && { endTime: toTimestamp(current.endTime) }),
      ...(current.status === 'Completed' && { customModelArn: job.customModelArn }),
      customModelName: job.request.customModelName,
      customizationType: job.customizationType,
    };
  };

  const create = (body: CreateBody, region: string): CustomizationJob => {
    const customizationType = body.customizationType ?? 'FINE_TUNING';
    const model = findFoundationModel(context.catalog, body.baseModelIdentifier);
    if (model === undefined || !isServedIn(model, region)) {
      throw validationError(
        `Value at 'baseModelIdentifier' failed to satisfy constraint: ${body.baseModelIdentifier} is not a foundation model available in ${region}.`,
      );
    }
    if (!model.customizations.some((type) => type === customizationType)) {
      const supported = model.customizations.length === 0 ? 'none' : model.customizations.join(', ');
      throw validationError(
        `The base model ${model.modelId} does not support customization type ${customizationType} (supported: ${supported}).`,
      );
    }
    if (
      customizationType === 'DISTILLATION' &&
      body.customizationConfig?.['distillationConfig'] === undefined
    ) {
      throw validationError(
        `Value at 'customizationConfig.distillationConfig' failed to satisfy constraint: Member must not be null`,
      );
    }
    agreements.requireAccess(region, model);
    const sameRegion = [...jobs.values()].filter((job) => job.region === region);
    if (sameRegion.some((job) => job.request.jobName === body.jobName)) {
      throw conflictError(`A model customization job named ${body.jobName} already exists.`);
    }
    const nameTaken = sameRegion.some(
      (job) =>
        job.request.customModelName === body.customModelName &&
        job.stoppedAt === undefined &&
        job.modelDeletedAt === undefined,
    );
    if (nameTaken) throw conflictError(`A custom model named ${body.customModelName} already exists.`);
    const id = context.ids.next('model-customization-job');
    return {
      id,
      arn: customizationJobArn(region, context.accountId, model.modelId, id),
      region,
      sequence: context.nextSequence(),
      createdAt: context.now(),
      baseModelId: model.modelId,
      customizationType,
      customModelArn: customModelArn(
        region,
        context.accountId,
        model.modelId,
        context.ids.next('custom-model'),
      ),
      request: body,
      stoppedAt: undefined,
      modelDeletedAt: undefined,
    };
  };

  const routes = [
    route('POST', '/model-customization-jobs', (request) => {
      const body = parseJsonBody(request, CreateBodySchema);
      const replayed = idempotency.replay(request.region, body.clientRequestToken, body);
      if (replayed !== undefined) return jsonResponse(201, { jobArn: replayed });
      const job = create(body, request.region);
      jobs.set(job.id, job);
      idempotency.remember(request.region, body.clientRequestToken, body, job.arn);
      return jsonResponse(201, { jobArn: job.arn });
    }),
    route('GET', '/model-customization-jobs', (request) => {
      const query = parseQuery(request.query, ListQuerySchema);
      const matching = [...jobs.values()].filter(
        (job) =>
          job.region === request.region &&
          inTimeRange(job.createdAt, query.creationTimeAfter, query.creationTimeBefore) &&
          nameMatches(job.request.jobName, query.nameContains) &&
          (query.statusEquals === undefined || state(job).status === query.statusEquals),
      );
      const page = paginate(
        sortByCreationTime(matching, query.sortOrder).map(summary),
        query,
        'ListModelCustomizationJobs',
      );
      return jsonResponse(200, pageBody('modelCustomizationJobSummaries', page));
    }),
    route('GET', '/model-customization-jobs/:jobIdentifier', (request, labels) =>
      jsonResponse(200, details(require(labels.get('jobIdentifier'), request.region))),
    ),
    route('POST', '/model-customization-jobs/:jobIdentifier/stop', (request, labels) => {
      const job = require(labels.get('jobIdentifier'), request.region);
      const what = `model customization job ${job.request.jobName}`;
      stopJob(job, state(job).status, ['InProgress'], what, context.now());
      return jsonResponse(200, {});
    }),
  ];

  return {
    routes,
    all: () => [...jobs.values()],
    state,
    trainingLoss,
    clear() {
      jobs.clear();
      idempotency.clear();
    },
  };
}
