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
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  ACCOUNT_ID,
  JOB_DURATION_MS,
  startControlHarness,
  type ControlHarness,
} from './support-control/start-control-harness.js';

function batchInput(
  name: string,
  modelId = 'anthropic.claude-3-haiku-20240307-v1:0',
): CreateModelInvocationJobCommandInput {
  return {
    jobName: name,
    roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/BedrockBatch`,
    modelId,
    inputDataConfig: { s3InputDataConfig: { s3Uri: `s3://batch-in/${name}/`, s3InputFormat: 'JSONL' } },
    outputDataConfig: { s3OutputDataConfig: { s3Uri: `s3://batch-out/${name}/` } },
    modelInvocationType: 'InvokeModel',
  };
}

describe('control plane: batch (model invocation) jobs', () => {
  let harness: ControlHarness;
  beforeEach(async () => {
    harness = await startControlHarness();
  });
  afterEach(() => harness.close());

  it('moves Submitted → InProgress → Completed, counting records', async () => {
    const client = harness.bedrock();
    const created = await client.send(new CreateModelInvocationJobCommand(batchInput('nightly')));
    expect(created.jobArn).toMatch(
      new RegExp(`^arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:model-invocation-job/[a-z0-9]{12}$`),
    );

    const submitted = await client.send(new GetModelInvocationJobCommand({ jobIdentifier: created.jobArn }));
    expect(submitted).toMatchObject({
      jobName: 'nightly',
      status: 'Submitted',
      processedRecordCount: 0,
      timeoutDurationInHours: 24,
    });
    expect(submitted.submitTime).toEqual(new Date(harness.clock.now()));
    expect(submitted.inputDataConfig).toEqual({
      s3InputDataConfig: { s3Uri: 's3://batch-in/nightly/', s3InputFormat: 'JSONL' },
    });

    harness.clock.advance(JOB_DURATION_MS * 0.6);
    const running = await client.send(new GetModelInvocationJobCommand({ jobIdentifier: created.jobArn }));
    expect(running.status).toBe('InProgress');
    expect(running.processedRecordCount).toBeGreaterThan(0);
    expect(running.processedRecordCount).toBeLessThan(running.totalRecordCount ?? 0);

    harness.clock.advance(JOB_DURATION_MS * 0.4);
    const done = await client.send(new GetModelInvocationJobCommand({ jobIdentifier: created.jobArn }));
    expect(done).toMatchObject({
      status: 'Completed',
      processedRecordCount: done.totalRecordCount,
      errorRecordCount: 0,
    });
    expect(done.endTime).toEqual(new Date(harness.clock.now()));
  });

  it('accepts inference profile IDs and refuses unknown models', async () => {
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

  it('stops a job and lists by status with paging', async () => {
    const client = harness.bedrock();
    const arns: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      arns.push((await client.send(new CreateModelInvocationJobCommand(batchInput(name)))).jobArn ?? '');
      harness.clock.advance(10);
    }
    await client.send(new StopModelInvocationJobCommand({ jobIdentifier: arns[1] }));
    const stopped = await client.send(new ListModelInvocationJobsCommand({ statusEquals: 'Stopped' }));
    expect(stopped.invocationJobSummaries?.map((job) => job.jobName)).toEqual(['two']);
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
