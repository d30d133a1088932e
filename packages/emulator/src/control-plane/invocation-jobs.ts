import type { CatalogModel } from '@quarry/core/catalog';
import { z } from 'zod';

import { createSeededRandom } from '../synthetic/seeded-random.js';
import type { Agreements } from './agreements.js';
import { invocationJobArn, parseBedrockArn } from './arns.js';
import { conflictError, notFoundError, validationError } from './bedrock-errors.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { createIdempotencyCache } from './idempotency.js';
import { jobProgress, stopJob } from './job-clock.js';
import {
  clientRequestTokenSchema,
  jobNameSchema,
  opaqueSchema,
  roleArnSchema,
  s3UriSchema,
  tagsSchema,
} from './input-schemas.js';
import { jsonResponse } from './json-response.js';
import { inTimeRange, nameMatches, sortByCreationTime, sortQuery, timestampQuery } from './list-sorting.js';
import { pageBody, paginate, pagingQuery } from './pagination.js';
import { parseJsonBody, parseQuery } from './parse-input.js';
import { route, type Route } from './route-matcher.js';
import { toTimestamp } from './timestamps.js';

const CreateBodySchema = z.object({
  jobName: jobNameSchema,
  roleArn: roleArnSchema,
  clientRequestToken: clientRequestTokenSchema.optional(),
  modelId: z.string().min(1).max(2048),
  inputDataConfig: z.object({
    s3InputDataConfig: z.object({
      s3Uri: s3UriSchema,
      s3InputFormat: z.enum(['JSONL']).optional(),
      s3BucketOwner: z.string().optional(),
    }),
  }),
  outputDataConfig: z.object({
    s3OutputDataConfig: z.object({
      s3Uri: s3UriSchema,
      s3EncryptionKeyId: z.string().optional(),
      s3BucketOwner: z.string().optional(),
    }),
  }),
  vpcConfig: opaqueSchema,
  timeoutDurationInHours: z.number().int().min(24).max(168).optional(),
  tags: tagsSchema,
  modelInvocationType: z.enum(['InvokeModel', 'Converse']).optional(),
});

type CreateBody = z.output<typeof CreateBodySchema>;

const STATUSES = [
  'Submitted',
  'Validating',
  'Scheduled',
  'InProgress',
  'Completed',
  'PartiallyCompleted',
  'Failed',
  'Stopping',
  'Stopped',
  'Expired',
] as const;
type Status = (typeof STATUSES)[number];

const ListQuerySchema = z.object({
  ...pagingQuery,
  ...sortQuery,
  submitTimeAfter: timestampQuery,
  submitTimeBefore: timestampQuery,
  statusEquals: z.enum(STATUSES).optional(),
  nameContains: z.string().min(1).max(63).optional(),
});

/** Share of `jobDurationMs` a batch job spends Submitted before it starts processing records. */
const SUBMITTED_SHARE = 0.2;

interface InvocationJob {
  readonly id: string;
  readonly arn: string;
  readonly region: string;
  readonly sequence: number;
  readonly createdAt: number;
  readonly totalRecordCount: number;
  readonly request: CreateBody;
  stoppedAt: number | undefined;
}

export interface InvocationJobs {
  readonly routes: readonly Route[];
  clear(): void;
}

/** Batch inference jobs: Submitted → InProgress → Completed over `jobDurationMs`, derived from the clock. */
export function createInvocationJobs(
  context: ControlPlaneContext,
  agreements: Agreements,
  /** The catalog model behind a job's `modelId` (base model, profile or application profile), if any. */
  resolveModel: (identifier: string, region: string) => CatalogModel | undefined,
): InvocationJobs {
  const jobs = new Map<string, InvocationJob>();
  const idempotency = createIdempotencyCache<string>();

  const state = (
    job: InvocationJob,
  ): { status: Status; processed: number; changedAt: number; endTime?: number } => {
    const duration = context.jobDurationMs;
    const startsAt = job.createdAt + duration * SUBMITTED_SHARE;
    const { observedAt, completesAt, ended } = jobProgress(job, context.now(), duration);
    const processed =
      observedAt >= completesAt
        ? job.totalRecordCount
        : observedAt < startsAt
          ? 0
          : Math.floor((job.totalRecordCount * (observedAt - startsAt)) / (completesAt - startsAt));
    if (ended !== undefined)
      return { status: ended.status, processed, changedAt: ended.at, endTime: ended.at };
    if (observedAt >= startsAt) return { status: 'InProgress', processed, changedAt: Math.floor(startsAt) };
    return { status: 'Submitted', processed, changedAt: job.createdAt };
  };

  const view = (job: InvocationJob): Record<string, unknown> => {
    const current = state(job);
    const { request } = job;
    const timeoutHours = request.timeoutDurationInHours ?? 24;
    return {
      jobArn: job.arn,
      jobName: request.jobName,
      modelId: request.modelId,
      ...(request.clientRequestToken !== undefined && { clientRequestToken: request.clientRequestToken }),
      roleArn: request.roleArn,
      status: current.status,
      submitTime: toTimestamp(job.createdAt),
      lastModifiedTime: toTimestamp(current.changedAt),
      ...(current.endTime !== undefined && { endTime: toTimestamp(current.endTime) }),
      inputDataConfig: request.inputDataConfig,
      outputDataConfig: request.outputDataConfig,
      ...(request.vpcConfig !== undefined && { vpcConfig: request.vpcConfig }),
      timeoutDurationInHours: timeoutHours,
      jobExpirationTime: toTimestamp(job.createdAt + timeoutHours * 3_600_000),
      ...(request.modelInvocationType !== undefined && { modelInvocationType: request.modelInvocationType }),
      totalRecordCount: job.totalRecordCount,
      processedRecordCount: current.processed,
      successRecordCount: current.processed,
      errorRecordCount: 0,
    };
  };

  const find = (identifier: string, region: string): InvocationJob | undefined => {
    const arn = parseBedrockArn(identifier);
    const id = arn?.resourceType === 'model-invocation-job' ? arn.resourcePath : identifier;
    const job =
      jobs.get(id) ?? [...jobs.values()].find((candidate) => candidate.request.jobName === identifier);
    return job?.region === region ? job : undefined;
  };

  const require = (identifier: string, region: string): InvocationJob => {
    const job = find(identifier, region);
    if (job === undefined) throw notFoundError(`The model invocation job ${identifier} does not exist.`);
    return job;
  };

  const routes = [
    // The create and get paths are singular, the list path plural (bedrock-protocol.md §6.1).
    route('POST', '/model-invocation-job', (request) => {
      const body = parseJsonBody(request, CreateBodySchema);
      const replayed = idempotency.replay(request.region, body.clientRequestToken, body);
      if (replayed !== undefined) return jsonResponse(200, { jobArn: replayed });
      const model = resolveModel(body.modelId, request.region);
      if (model === undefined) {
        throw validationError(
          `Value at 'modelId' failed to satisfy constraint: The provided model identifier is invalid.`,
        );
      }
      agreements.requireAccess(request.region, model);
      if (
        [...jobs.values()].some(
          (job) => job.region === request.region && job.request.jobName === body.jobName,
        )
      ) {
        throw conflictError(`A model invocation job named ${body.jobName} already exists.`);
      }
      const id = context.ids.next('model-invocation-job');
      const job: InvocationJob = {
        id,
        arn: invocationJobArn(request.region, context.accountId, id),
        region: request.region,
        sequence: context.nextSequence(),
        createdAt: context.now(),
        // A stand-in for the number of JSONL lines Bedrock would find in the input.
        totalRecordCount: createSeededRandom(`records:${body.inputDataConfig.s3InputDataConfig.s3Uri}`).int(
          100,
          1000,
        ),
        request: body,
        stoppedAt: undefined,
      };
      jobs.set(id, job);
      idempotency.remember(request.region, body.clientRequestToken, body, job.arn);
      return jsonResponse(200, { jobArn: job.arn });
    }),
    route('GET', '/model-invocation-job/:jobIdentifier', (request, labels) =>
      jsonResponse(200, view(require(labels.get('jobIdentifier'), request.region))),
    ),
    route('POST', '/model-invocation-job/:jobIdentifier/stop', (request, labels) => {
      const job = require(labels.get('jobIdentifier'), request.region);
      const what = `model invocation job ${job.request.jobName}`;
      stopJob(job, state(job).status, ['Submitted', 'InProgress'], what, context.now());
      return jsonResponse(200, {});
    }),
    route('GET', '/model-invocation-jobs', (request) => {
      const query = parseQuery(request.query, ListQuerySchema);
      const matching = [...jobs.values()].filter(
        (job) =>
          job.region === request.region &&
          inTimeRange(job.createdAt, query.submitTimeAfter, query.submitTimeBefore) &&
          nameMatches(job.request.jobName, query.nameContains) &&
          (query.statusEquals === undefined || state(job).status === query.statusEquals),
      );
      const page = paginate(
        sortByCreationTime(matching, query.sortOrder).map(view),
        query,
        'ListModelInvocationJobs',
      );
      return jsonResponse(200, pageBody('invocationJobSummaries', page));
    }),
  ];

  return {
    routes,
    clear() {
      jobs.clear();
      idempotency.clear();
    },
  };
}
