import {
  AccessDeniedException,
  ConflictException,
  CreateModelInvocationJobCommand,
  GetModelInvocationJobCommand,
  ListModelInvocationJobsCommand,
  paginateListModelInvocationJobs,
  StopModelInvocationJobCommand,
  ValidationException,
  type CreateModelInvocationJobCommandInput,
} from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  ACCOUNT_ID,
  JOB_DURATION_MS,
  startControlHarness,
  type ControlHarness,
} from './support-control/start-control-harness.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

function batchInput(
  name: string,
  modelId = MODEL,
  inputUri = `s3://batch-in/${name}/`,
): CreateModelInvocationJobCommandInput {
  return {
    jobName: name,
    roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/BedrockBatch`,
    modelId,
    inputDataConfig: { s3InputDataConfig: { s3Uri: inputUri, s3InputFormat: 'JSONL' } },
    outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://batch-out/${name}/` } },
    modelInvocationType: 'InvokeModel',
  };
}

function claudeBody(text: string): Record<string, unknown> {
  return {
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 50,
    messages: [{ role: 'user', content: [{ type: 'text', text }] }],
  };
}

/** `count` Claude records; the one at `badIndex` asks for more output than the model allows. */
function records(count: number, badIndex?: number): string {
  return Array.from({ length: count }, (_, index) => {
    const modelInput = claudeBody(`Question number ${index}`);
    if (index === badIndex) modelInput['max_tokens'] = 1_000_000;
    return JSON.stringify({ recordId: `REC${String(index).padStart(5, '0')}`, modelInput });
  }).join('\n');
}

async function readJsonLines(s3: S3Client, bucket: string, key: string): Promise<Record<string, unknown>[]> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const text = (await object.Body?.transformToString()) ?? '';
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('control plane: batch (model invocation) jobs over the S3 store', { timeout: 30_000 }, () => {
  let harness: ControlHarness;
  let s3: S3Client;
  const put = (key: string, body: string) =>
    s3.send(new PutObjectCommand({ Bucket: 'batch-in', Key: key, Body: body }));

  beforeEach(async () => {
    harness = await startControlHarness();
    s3 = harness.s3();
    await s3.send(new CreateBucketCommand({ Bucket: 'batch-in' }));
    await s3.send(new CreateBucketCommand({ Bucket: 'batch-out' }));
  });
  afterEach(() => harness.close());

  it('walks Bedrock statuses, runs every record and writes the output when done', async () => {
    await put('nightly/records.jsonl', records(120, 7));
    const client = harness.bedrock();
    const created = await client.send(new CreateModelInvocationJobCommand(batchInput('nightly')));
    expect(created.jobArn).toMatch(
      new RegExp(`^arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:model-invocation-job/[a-z0-9]{12}$`),
    );
    const get = () => client.send(new GetModelInvocationJobCommand({ jobIdentifier: created.jobArn }));

    const submitted = await get();
    expect(submitted).toMatchObject({ jobName: 'nightly', status: 'Submitted', timeoutDurationInHours: 24 });
    expect(submitted.totalRecordCount).toBeUndefined();
    expect(submitted.submitTime).toEqual(new Date(harness.clock.now()));

    const seen: string[] = [submitted.status ?? ''];
    for (let step = 0; step < 2; step++) {
      harness.clock.advance(JOB_DURATION_MS * 0.1);
      seen.push((await get()).status ?? '');
    }
    harness.clock.advance(JOB_DURATION_MS * 0.4);
    const running = await get();
    seen.push(running.status ?? '');
    expect(seen).toEqual(['Submitted', 'Validating', 'Scheduled', 'InProgress']);
    expect(running.totalRecordCount).toBe(120);
    expect(running.processedRecordCount).toBeGreaterThan(0);
    expect(running.processedRecordCount).toBeLessThan(120);
    // Nothing is written before the job ends.
    const early = await s3.send(new ListObjectsV2Command({ Bucket: 'batch-out' }));
    expect(early.KeyCount).toBe(0);

    harness.clock.advance(JOB_DURATION_MS * 0.4);
    const done = await get();
    expect(done).toMatchObject({
      status: 'Completed',
      totalRecordCount: 120,
      processedRecordCount: 120,
      successRecordCount: 119,
      errorRecordCount: 1,
    });
    expect(done.endTime).toEqual(new Date(harness.clock.now()));

    const jobId = created.jobArn?.split('/').pop() ?? '';
    const lines = await readJsonLines(s3, 'batch-out', `nightly/${jobId}/records.jsonl.out`);
    expect(lines).toHaveLength(120);
    expect(lines[7]).toMatchObject({
      recordId: 'REC00007',
      error: { errorCode: 400, errorMessage: expect.stringContaining('exceeds the model limit') as unknown },
    });
    expect(lines[7]?.['modelOutput']).toBeUndefined();

    // A record's output is exactly what InvokeModel answers for the same body.
    const runtime = new BedrockRuntimeClient({
      endpoint: harness.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
      requestHandler: new NodeHttpHandler(),
    });
    const direct = await runtime.send(
      new InvokeModelCommand({ modelId: MODEL, body: JSON.stringify(claudeBody('Question number 3')) }),
    );
    runtime.destroy();
    expect(lines[3]).toEqual({
      recordId: 'REC00003',
      modelInput: claudeBody('Question number 3'),
      modelOutput: JSON.parse(new TextDecoder().decode(direct.body)) as unknown,
    });

    const manifest = await s3.send(
      new GetObjectCommand({ Bucket: 'batch-out', Key: `nightly/${jobId}/manifest.json.out` }),
    );
    const counts = JSON.parse((await manifest.Body?.transformToString()) ?? '{}') as Record<string, number>;
    expect(counts).toMatchObject({
      totalRecordCount: 120,
      processedRecordCount: 120,
      successRecordCount: 119,
      errorRecordCount: 1,
    });
    expect(counts['inputTokenCount']).toBeGreaterThan(0);
    expect(counts['outputTokenCount']).toBeGreaterThan(0);
  });

  it('reads every .jsonl file under a prefix and fails malformed lines alone', async () => {
    await put('multi/part-1.jsonl', records(60));
    await put('multi/part-2.jsonl', `${records(59)}\nnot json at all\n{"modelInput": 5}`);
    await put('multi/readme.txt', 'ignored');
    const client = harness.bedrock();
    const { jobArn } = await client.send(new CreateModelInvocationJobCommand(batchInput('multi')));
    harness.clock.advance(JOB_DURATION_MS);
    const done = await client.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
    expect(done).toMatchObject({
      status: 'Completed',
      totalRecordCount: 121,
      successRecordCount: 119,
      errorRecordCount: 2,
    });
    const jobId = jobArn?.split('/').pop() ?? '';
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: 'batch-out', Prefix: `multi/${jobId}/` }),
    );
    expect(listed.Contents?.map((object) => object.Key)).toEqual([
      `multi/${jobId}/manifest.json.out`,
      `multi/${jobId}/part-1.jsonl.out`,
      `multi/${jobId}/part-2.jsonl.out`,
    ]);
    const second = await readJsonLines(s3, 'batch-out', `multi/${jobId}/part-2.jsonl.out`);
    expect(second.slice(-2).map((line) => line['error'])).toEqual([
      { errorCode: 400, errorMessage: 'The record is not valid JSON.' },
      { errorCode: 400, errorMessage: 'The record has no modelInput object.' },
    ]);
    expect(second.at(-1)?.['recordId']).toMatch(/^RECORD\d{7}$/);
  });

  it('fails validation below the minimum record count and without input', async () => {
    await put('few/records.jsonl', records(99));
    const client = harness.bedrock();
    const few = await client.send(new CreateModelInvocationJobCommand(batchInput('few')));
    const missing = await client.send(
      new CreateModelInvocationJobCommand(batchInput('missing', MODEL, 's3://no-such-bucket/x/')),
    );
    const empty = await client.send(new CreateModelInvocationJobCommand(batchInput('empty')));
    harness.clock.advance(JOB_DURATION_MS * 0.25);
    const get = (jobArn: string | undefined) =>
      client.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
    expect(await get(few.jobArn)).toMatchObject({
      status: 'Failed',
      message: expect.stringContaining('fewer than the minimum of 100 records') as unknown,
    });
    expect((await get(missing.jobArn)).message).toContain('s3://no-such-bucket/x/');
    expect((await get(empty.jobArn)).message).toContain('No JSONL input files');
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'batch-out' }));
    expect(listed.KeyCount).toBe(0);
  });

  it('stops a job mid-way with the processed records written, and lists by status with paging', async () => {
    for (const name of ['one', 'two', 'three']) await put(`${name}/in.jsonl`, records(100));
    const client = harness.bedrock();
    const arns: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      arns.push((await client.send(new CreateModelInvocationJobCommand(batchInput(name)))).jobArn ?? '');
      harness.clock.advance(10);
    }
    harness.clock.advance(JOB_DURATION_MS * 0.5);
    await client.send(new StopModelInvocationJobCommand({ jobIdentifier: arns[1] }));
    harness.clock.advance(JOB_DURATION_MS);
    const stopped = await client.send(new ListModelInvocationJobsCommand({ statusEquals: 'Stopped' }));
    expect(stopped.invocationJobSummaries?.map((job) => job.jobName)).toEqual(['two']);
    const summary = stopped.invocationJobSummaries?.[0];
    expect(summary?.processedRecordCount).toBeGreaterThan(0);
    expect(summary?.processedRecordCount).toBeLessThan(100);
    const jobId = arns[1]?.split('/').pop() ?? '';
    const lines = await readJsonLines(s3, 'batch-out', `two/${jobId}/in.jsonl.out`);
    expect(lines).toHaveLength(summary?.processedRecordCount ?? -1);
    await expect(
      client.send(new StopModelInvocationJobCommand({ jobIdentifier: arns[1] })),
    ).rejects.toBeInstanceOf(ValidationException);

    const names: string[] = [];
    for await (const page of paginateListModelInvocationJobs(
      { client, pageSize: 1 },
      { nameContains: 'o' },
    )) {
      names.push(...(page.invocationJobSummaries ?? []).map((job) => job.jobName ?? ''));
    }
    expect(names).toEqual(['two', 'one']);
  });

  it('accepts inference profile IDs and refuses unknown models and duplicate names', async () => {
    await put('profiled/in.jsonl', records(100));
    const client = harness.bedrock();
    await client.send(
      new CreateModelInvocationJobCommand(
        batchInput('profiled', 'us.anthropic.claude-3-haiku-20240307-v1:0'),
      ),
    );
    const error = await client
      .send(new CreateModelInvocationJobCommand(batchInput('unknown', 'acme.x-v1')))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toContain('modelId');
    await expect(
      client.send(new CreateModelInvocationJobCommand(batchInput('profiled'))),
    ).rejects.toBeInstanceOf(ConflictException);
  });

  it('finishes as soon as it is created with a zero job duration', async () => {
    const instant = await startControlHarness({ jobDurationMs: 0 });
    try {
      const store = instant.s3();
      await store.send(new CreateBucketCommand({ Bucket: 'batch-in' }));
      await store.send(new CreateBucketCommand({ Bucket: 'batch-out' }));
      await store.send(new PutObjectCommand({ Bucket: 'batch-in', Key: 'now/in.jsonl', Body: records(100) }));
      const client = instant.bedrock();
      const { jobArn } = await client.send(new CreateModelInvocationJobCommand(batchInput('now')));
      const job = await client.send(new GetModelInvocationJobCommand({ jobIdentifier: jobArn }));
      expect(job).toMatchObject({ status: 'Completed', processedRecordCount: 100, successRecordCount: 100 });
    } finally {
      await instant.close();
    }
  });

  it('denies a model without an agreement under strict access', async () => {
    const strict = await startControlHarness({ strictAccess: true });
    try {
      await expect(
        strict.bedrock().send(new CreateModelInvocationJobCommand(batchInput('denied'))),
      ).rejects.toBeInstanceOf(AccessDeniedException);
    } finally {
      await strict.close();
    }
  });
});
