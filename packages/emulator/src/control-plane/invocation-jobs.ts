import type { CatalogModel } from '@quarry/core/catalog';
import { z } from 'zod';

import type { RecordRunner } from '../runtime/record-runner.js';
import type { ObjectStore } from '../s3/object-store.js';
import type { Agreements } from './agreements.js';
import { invocationJobArn, parseBedrockArn } from './arns.js';
import { conflictError, notFoundError, validationError } from './bedrock-errors.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { createIdempotencyCache } from './idempotency.js';
import { readBatchInput, writeBatchOutput, type BatchInput } from './batch-input.js';
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

/** Shares of the job's duration at which it leaves Submitted, Validating and Scheduled. */
const VALIDATING_AT = 0.1;
const SCHEDULED_AT = 0.2;
const IN_PROGRESS_AT = 0.3;

export interface InvocationJobs {
  readonly routes: readonly Route[];
  /** Writes the output of every job the clock says has ended (called before S3 reads). */
  settleAll(): void;
  clear(): void;
}

interface InvocationJob {
  readonly id: string;
  readonly arn: string;
  readonly region: string;
  readonly sequence: number;
  readonly createdAt: number;
  readonly durationMs: number;
  readonly request: CreateBody;
  /** Records in processing order (or why validation fails), computed when the job is created. */
  readonly input: BatchInput;
  stoppedAt: number | undefined;
  /** Set once the output objects are in the store. */
  outputWritten: boolean;
}

interface JobState {
  readonly status: Status;
  readonly changedAt: number;
  readonly endTime?: number;
  /** Known once validation has read the input. */
  readonly counts?: { total: number; processed: number; success: number; error: number };
  readonly message?: string;
}

export interface InvocationJobDeps {
  readonly store: ObjectStore;
  readonly runRecord: RecordRunner;
}

/**
 * Batch inference jobs over the emulator's S3 store: the input is read and every record run when
 * the job is created; statuses (Submitted → Validating → Scheduled → InProgress → Completed, or
 * Failed after validation, Stopped, PartiallyCompleted at the timeout) and counts are derived from
 * the clock over `batchJobDurationMs`, and the output is written when the clock says the job ended,
 * checked on every read of a job and before every S3 call, so no timers run.
 */
export function createInvocationJobs(
  context: ControlPlaneContext,
  agreements: Agreements,
  /** The catalog model behind a job's `modelId` (base model, profile or application profile), if any. */
  resolveModel: (identifier: string, region: string) => CatalogModel | undefined,
  deps: InvocationJobDeps,
): InvocationJobs {
  const jobs = new Map<string, InvocationJob>();
  const idempotency = createIdempotencyCache<string>();

  const state = (job: InvocationJob): JobState => {
    const at = (share: number): number => job.createdAt + Math.floor(job.durationMs * share);
    const completesAt = job.createdAt + job.durationMs;
    const timeoutAt = job.createdAt + (job.request.timeoutDurationInHours ?? 24) * 3_600_000;
    const now = context.now();
    const observedAt = Math.min(now, job.stoppedAt ?? Number.POSITIVE_INFINITY, timeoutAt);
    if (observedAt < at(VALIDATING_AT)) return { status: 'Submitted', changedAt: job.createdAt };
    if (observedAt < at(SCHEDULED_AT)) {
      return job.stoppedAt === undefined
        ? { status: 'Validating', changedAt: at(VALIDATING_AT) }
        : { status: 'Stopped', changedAt: job.stoppedAt, endTime: job.stoppedAt };
    }
    const { input } = job;
    if (!input.ok) {
      return {
        status: 'Failed',
        changedAt: at(SCHEDULED_AT),
        endTime: at(SCHEDULED_AT),
        message: input.message,
      };
    }
    const startsAt = at(IN_PROGRESS_AT);
    const total = input.recordCount;
    const processed =
      observedAt >= completesAt
        ? total
        : observedAt < startsAt
          ? 0
          : Math.floor((total * (observedAt - startsAt)) / Math.max(1, completesAt - startsAt));
    let success = 0;
    let seen = 0;
    for (const file of input.files) {
      for (const record of file.records) {
        if (seen++ >= processed) break;
        if (record.ok) success++;
      }
    }
    const counts = { total, processed, success, error: processed - success };
    if (job.stoppedAt !== undefined && job.stoppedAt <= observedAt) {
      return { status: 'Stopped', changedAt: job.stoppedAt, endTime: job.stoppedAt, counts };
    }
    if (observedAt >= completesAt)
      return { status: 'Completed', changedAt: completesAt, endTime: completesAt, counts };
    if (observedAt >= timeoutAt) {
      return { status: 'PartiallyCompleted', changedAt: timeoutAt, endTime: timeoutAt, counts };
    }
    if (observedAt >= startsAt) return { status: 'InProgress', changedAt: startsAt, counts };
    return { status: 'Scheduled', changedAt: at(SCHEDULED_AT), counts };
  };

  /** Writes a finished job's output once; returns its state. */
  const settle = (job: InvocationJob): JobState => {
    const current = state(job);
    if (!job.outputWritten && current.endTime !== undefined && job.input.ok && current.counts !== undefined) {
      job.outputWritten = true;
      writeBatchOutput(
        deps.store,
        job.request.outputDataConfig.s3OutputDataConfig.s3Uri,
        job.id,
        job.input.files,
        current.counts.processed,
      );
    }
    return current;
  };

  const view = (job: InvocationJob): Record<string, unknown> => {
    const current = settle(job);
    const { request } = job;
    const timeoutHours = request.timeoutDurationInHours ?? 24;
    return {
      jobArn: job.arn,
      jobName: request.jobName,
      modelId: request.modelId,
      ...(request.clientRequestToken !== undefined && { clientRequestToken: request.clientRequestToken }),
      roleArn: request.roleArn,
      status: current.status,
      ...(current.message !== undefined && { message: current.message }),
      submitTime: toTimestamp(job.createdAt),
      lastModifiedTime: toTimestamp(current.changedAt),
      ...(current.endTime !== undefined && { endTime: toTimestamp(current.endTime) }),
      inputDataConfig: request.inputDataConfig,
      outputDataConfig: request.outputDataConfig,
      ...(request.vpcConfig !== undefined && { vpcConfig: request.vpcConfig }),
      timeoutDurationInHours: timeoutHours,
      jobExpirationTime: toTimestamp(job.createdAt + timeoutHours * 3_600_000),
      ...(request.modelInvocationType !== undefined && { modelInvocationType: request.modelInvocationType }),
      ...(current.counts !== undefined && {
        totalRecordCount: current.counts.total,
        processedRecordCount: current.counts.processed,
        successRecordCount: current.counts.success,
        errorRecordCount: current.counts.error,
      }),
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
    route('POST', '/model-invocation-job', async (request) => {
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
      const input = await readBatchInput(deps.store, deps.runRecord, {
        region: request.region,
        modelId: body.modelId,
        inputUri: body.inputDataConfig.s3InputDataConfig.s3Uri,
        outputUri: body.outputDataConfig.s3OutputDataConfig.s3Uri,
        invocationType: body.modelInvocationType ?? 'InvokeModel',
      });
      const job: InvocationJob = {
        id,
        arn: invocationJobArn(request.region, context.accountId, id),
        region: request.region,
        sequence: context.nextSequence(),
        createdAt: context.now(),
        durationMs: context.batchJobDurationMs,
        request: body,
        input,
        stoppedAt: undefined,
        outputWritten: false,
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
      const status = settle(job).status;
      if (!['Submitted', 'Validating', 'Scheduled', 'InProgress'].includes(status)) {
        throw validationError(
          `The model invocation job ${job.request.jobName} is ${status} and cannot be stopped.`,
        );
      }
      job.stoppedAt = context.now();
      settle(job);
      return jsonResponse(200, {});
    }),
    route('GET', '/model-invocation-jobs', (request) => {
      const query = parseQuery(request.query, ListQuerySchema);
      const matching = [...jobs.values()].filter(
        (job) =>
          job.region === request.region &&
          inTimeRange(job.createdAt, query.submitTimeAfter, query.submitTimeBefore) &&
          nameMatches(job.request.jobName, query.nameContains) &&
          (query.statusEquals === undefined || settle(job).status === query.statusEquals),
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
    settleAll() {
      for (const job of jobs.values()) settle(job);
    },
    clear() {
      jobs.clear();
      idempotency.clear();
    },
  };
}
