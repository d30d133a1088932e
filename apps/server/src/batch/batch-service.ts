import {
  createCodecRegistry,
  decodeBatchOutput,
  encodeBatchRecords,
  fromBedrockException,
  ValidationError,
  type BatchRecordOutcome,
  type ChatRequest,
  type CodecRegistry,
  type QuarryClient,
} from '@quarry/core';

import { toBatchJobView, type BatchJobView } from './batch-job-view.js';
import type { LazyS3 } from './lazy-s3.js';

/** Where inline records go and which role Bedrock assumes; see README "Batch inference". */
export interface BatchSettings {
  /** `s3://bucket/prefix/`; undefined: only `inputS3Uri` jobs can be created. */
  readonly s3Uri: string | undefined;
  readonly roleArn: string | undefined;
  /** Create the bucket on first use (the embedded emulator's store starts empty). */
  readonly createBucket: boolean;
}

export interface CreateBatchJob {
  readonly modelId: string;
  readonly records: readonly ChatRequest[] | undefined;
  readonly inputS3Uri: string | undefined;
  readonly outputS3Uri: string | undefined;
  readonly name: string | undefined;
  readonly roleArn: string | undefined;
  readonly timeoutDurationInHours: number | undefined;
}

export interface BatchRecordPage {
  readonly first: number;
  readonly after: string | undefined;
}

/** Batch inference for the gateway: inline records to S3 and back, decoded by the family codecs. */
export interface BatchService {
  create(input: CreateBatchJob, signal: AbortSignal): Promise<BatchJobView>;
  /** Undefined when Bedrock does not know the job. */
  get(id: string, signal: AbortSignal): Promise<BatchJobView | undefined>;
  list(signal: AbortSignal): Promise<BatchJobView[]>;
  stop(id: string, signal: AbortSignal): Promise<BatchJobView>;
  /** A page of the job's decoded output; empty before the job ended. */
  results(
    job: BatchJobView,
    page: BatchRecordPage,
    signal: AbortSignal,
  ): Promise<readonly BatchRecordOutcome[]>;
}

export interface BatchServiceDeps {
  readonly client: QuarryClient;
  /** Where inline records go and results come from; created on first use. */
  readonly s3: LazyS3;
  readonly settings: BatchSettings;
  /** @default createCodecRegistry() */
  readonly codecs?: CodecRegistry;
  /** Names generated jobs; @default Date.now */
  readonly now?: () => number;
}

const MAX_PAGE = 1000;
// Decoded outputs of ended jobs never change; keep a few so paging does not re-read S3 per page.
const CACHED_OUTPUTS = 16;

export function createBatchService(deps: BatchServiceDeps): BatchService {
  const { client, s3, settings } = deps;
  const codecs = deps.codecs ?? createCodecRegistry();
  const now = deps.now ?? Date.now;
  const outputs = new Map<string, readonly BatchRecordOutcome[]>();
  let bucketReady: Promise<void> | undefined;
  let sequence = 0;

  const ensureBucket = (bucket: string, signal: AbortSignal): Promise<void> => {
    if (!settings.createBucket) return Promise.resolve();
    bucketReady ??= (async () => {
      const { s3: bucketClient, sdk } = await s3.load();
      await bucketClient.send(new sdk.CreateBucketCommand({ Bucket: bucket }), { abortSignal: signal });
    })().then(
      () => undefined,
      (error: unknown) => {
        if ((error as { name?: string }).name === 'BucketAlreadyOwnedByYou') return;
        bucketReady = undefined;
        throw error;
      },
    );
    return bucketReady;
  };

  const s3Call = async <T>(run: () => Promise<T>, what: string): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw fromBedrockException(error, { operation: what });
    }
  };

  const decodeOutput = async (
    job: BatchJobView,
    signal: AbortSignal,
  ): Promise<readonly BatchRecordOutcome[]> => {
    const cached = outputs.get(job.id);
    if (cached !== undefined) return cached;
    const output = parseS3Uri(job.outputS3Uri ?? '', 'outputS3Uri');
    const jobId = job.arn.slice(job.arn.lastIndexOf('/') + 1);
    const prefix = `${withSlash(output.key)}${jobId}/`;
    const keys: string[] = [];
    const { s3: objects, sdk } = await s3.load();
    let token: string | undefined;
    do {
      const page = await s3Call(
        () =>
          objects.send(
            new sdk.ListObjectsV2Command({ Bucket: output.bucket, Prefix: prefix, ContinuationToken: token }),
            { abortSignal: signal },
          ),
        'ListObjectsV2',
      );
      keys.push(
        ...(page.Contents ?? []).flatMap((object) =>
          object.Key?.endsWith('.jsonl.out') === true ? [object.Key] : [],
        ),
      );
      token = page.NextContinuationToken;
    } while (token !== undefined);
    const resolved = await client.resolveModel(job.modelId, { signal });
    const codec = codecs.chat(resolved.model.family);
    if (codec === undefined) {
      throw new ValidationError(
        'modelId',
        `${job.modelId} is not a text model; its batch output cannot be decoded.`,
      );
    }
    const decoded: BatchRecordOutcome[] = [];
    for (const key of keys.sort()) {
      const object = await s3Call(
        () =>
          objects.send(new sdk.GetObjectCommand({ Bucket: output.bucket, Key: key }), {
            abortSignal: signal,
          }),
        'GetObject',
      );
      decoded.push(
        ...decodeBatchOutput(codec, resolved.model, (await object.Body?.transformToString()) ?? ''),
      );
    }
    if (outputs.size >= CACHED_OUTPUTS) outputs.delete(outputs.keys().next().value ?? '');
    outputs.set(job.id, decoded);
    return decoded;
  };

  const get = async (id: string, signal: AbortSignal): Promise<BatchJobView | undefined> => {
    try {
      return toBatchJobView(await client.getBatchJob(id, { signal }));
    } catch (error) {
      if (fromBedrockException(error).code === 'MODEL_NOT_FOUND') return undefined;
      throw error;
    }
  };

  return {
    async create(input, signal) {
      const roleArn = input.roleArn ?? settings.roleArn;
      if (roleArn === undefined) {
        throw new ValidationError(
          'roleArn',
          'Give roleArn, or set QUARRY_BATCH_ROLE_ARN to the IAM role Bedrock assumes for batch jobs.',
        );
      }
      if ((input.records === undefined) === (input.inputS3Uri === undefined)) {
        throw new ValidationError(
          'records',
          'Give either inline records or an inputS3Uri, not both and not neither.',
        );
      }
      const name = input.name ?? `quarry-batch-${now()}-${++sequence}`;
      if (!/^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\-.]){0,63}$/.test(name)) {
        throw new ValidationError(
          'name',
          'A batch job name is 1–63 letters and digits, then hyphens, plus signs and dots.',
        );
      }
      let inputUri = input.inputS3Uri;
      let outputUri = input.outputS3Uri;
      if (input.records !== undefined) {
        if (settings.s3Uri === undefined) {
          throw new ValidationError(
            'records',
            'Inline records need QUARRY_BATCH_S3_URI (s3://bucket/prefix/) to upload them to; or pass inputS3Uri.',
          );
        }
        const resolved = await client.resolveModel(input.modelId, { signal });
        const codec = codecs.chat(resolved.model.family);
        if (codec === undefined) {
          throw new ValidationError(
            'modelId',
            `${input.modelId} is not a text model; batch records use the invoke shape.`,
          );
        }
        const body = encodeBatchRecords(codec, resolved.model, input.records);
        const base = parseS3Uri(settings.s3Uri, 'QUARRY_BATCH_S3_URI');
        const key = `${withSlash(base.key)}${name}/input/records.jsonl`;
        await ensureBucket(base.bucket, signal);
        const { s3: objects, sdk } = await s3.load();
        await s3Call(
          () =>
            objects.send(
              new sdk.PutObjectCommand({
                Bucket: base.bucket,
                Key: key,
                Body: body,
                ContentType: 'application/jsonl',
              }),
              { abortSignal: signal },
            ),
          'PutObject',
        );
        inputUri = `s3://${base.bucket}/${key}`;
        outputUri ??= `s3://${base.bucket}/${withSlash(base.key)}${name}/output/`;
      }
      if (outputUri === undefined) {
        throw new ValidationError('outputS3Uri', 'Give outputS3Uri, where Bedrock writes the results.');
      }
      const jobArn = await client.createBatchJob(
        {
          jobName: name,
          modelId: input.modelId,
          roleArn,
          inputDataConfig: { s3InputDataConfig: { s3Uri: inputUri, s3InputFormat: 'JSONL' } },
          outputDataConfig: { s3OutputDataConfig: { s3Uri: outputUri } },
          ...(input.timeoutDurationInHours !== undefined && {
            timeoutDurationInHours: input.timeoutDurationInHours,
          }),
        },
        { signal },
      );
      return toBatchJobView(await client.getBatchJob(jobArn, { signal }));
    },
    get,
    list: async (signal) => (await client.listBatchJobs({ signal })).map(toBatchJobView),
    async stop(id, signal) {
      await client.stopBatchJob(id, { signal });
      return toBatchJobView(await client.getBatchJob(id, { signal }));
    },
    async results(job, page, signal) {
      if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_PAGE) {
        throw new ValidationError(
          'first',
          `first must be an integer from 1 to ${MAX_PAGE}, got ${page.first}.`,
        );
      }
      if (job.endedAt === null || job.outputS3Uri === null) return [];
      const all = await decodeOutput(job, signal);
      const start =
        page.after === undefined ? 0 : all.findIndex((record) => record.recordId === page.after) + 1;
      if (page.after !== undefined && start === 0) {
        throw new ValidationError(
          'after',
          `No record ${page.after} in this job's results; pass the recordId of the last record you read.`,
        );
      }
      return all.slice(start, start + page.first);
    },
  };
}

function withSlash(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`;
}

function parseS3Uri(uri: string, field: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(uri);
  if (match?.[1] === undefined)
    throw new ValidationError(field, `${field} must be an s3://bucket/prefix URI, got "${uri}".`);
  return { bucket: match[1], key: match[2] ?? '' };
}
