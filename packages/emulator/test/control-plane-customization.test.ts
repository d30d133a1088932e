import {
  ConflictException,
  CreateModelCustomizationJobCommand,
  DeleteCustomModelCommand,
  GetCustomModelCommand,
  GetModelCustomizationJobCommand,
  ListCustomModelsCommand,
  ListModelCustomizationJobsCommand,
  paginateListCustomModels,
  paginateListModelCustomizationJobs,
  ResourceNotFoundException,
  StopModelCustomizationJobCommand,
  ValidationException,
} from '@aws-sdk/client-bedrock';
import { createModelCatalog, parseModelId } from '@quarry/core/catalog';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { BASE_MODEL, customizationJobInput } from './support-control/customization-job-input.js';
import {
  ACCOUNT_ID,
  JOB_DURATION_MS,
  startControlHarness,
  type ControlHarness,
} from './support-control/start-control-harness.js';
import { rejection } from './support/rejection.js';

describe('control plane: customization jobs and custom models', () => {
  let harness: ControlHarness;
  beforeEach(async () => {
    harness = await startControlHarness();
  });
  afterEach(() => harness.close());

  it('runs a job InProgress → Completed and then produces a custom model', async () => {
    const client = harness.bedrock();
    const created = await client.send(
      new CreateModelCustomizationJobCommand(customizationJobInput('support')),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.jobArn).toMatch(
      new RegExp(
        `^arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:model-customization-job/${BASE_MODEL}/[a-z0-9]{12}$`,
      ),
    );

    const running = await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: created.jobArn }));
    expect(running).toMatchObject({
      jobName: 'support-job',
      outputModelName: 'support-model',
      status: 'InProgress',
      baseModelArn: `arn:aws:bedrock:us-east-1::foundation-model/${BASE_MODEL}`,
      customizationType: 'FINE_TUNING',
      hyperParameters: { epochCount: '2', batchSize: '1', learningRate: '0.00001' },
      statusDetails: {
        validationDetails: { status: 'InProgress' },
        trainingDetails: { status: 'NotStarted' },
      },
    });
    expect(running.outputModelArn).toBeUndefined();
    expect(running.creationTime).toEqual(new Date(harness.clock.now()));
    expect((await client.send(new ListCustomModelsCommand({}))).modelSummaries).toEqual([]);

    harness.clock.advance(JOB_DURATION_MS / 2);
    const halfway = await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: 'support-job' }));
    expect(halfway.status).toBe('InProgress');
    expect(halfway.statusDetails?.dataProcessingDetails?.status).toBe('InProgress');

    harness.clock.advance(JOB_DURATION_MS / 2);
    const done = await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: created.jobArn }));
    expect(done.status).toBe('Completed');
    expect(done.endTime).toEqual(new Date(harness.clock.now()));
    expect(done.trainingMetrics?.trainingLoss).toBeGreaterThan(0);
    const modelArn = done.outputModelArn ?? '';
    // The real format embeds the base model: arn:…:custom-model/{baseModelId}/{id}.
    expect(modelArn).toMatch(
      new RegExp(`^arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:custom-model/${BASE_MODEL}/[a-z0-9]{12}$`),
    );
    // The runtime serves the custom model once it exists.
    await expect(harness.converse(modelArn)).resolves.toMatchObject({ stopReason: 'end_turn' });
    // Core reads the base model back out of the ARN, so the gateway can pick the codec without a lookup.
    expect(parseModelId(modelArn)).toMatchObject({ kind: 'custom-model-arn', modelId: BASE_MODEL });
    expect(createModelCatalog().resolve(modelArn).model.modelId).toBe(BASE_MODEL);

    const model = await client.send(new GetCustomModelCommand({ modelIdentifier: modelArn }));
    expect(model).toMatchObject({
      modelArn,
      modelName: 'support-model',
      jobArn: created.jobArn,
      jobName: 'support-job',
      modelStatus: 'Active',
      trainingDataConfig: { s3Uri: 's3://training-bucket/data/train.jsonl' },
    });
    const byName = await client.send(new GetCustomModelCommand({ modelIdentifier: 'support-model' }));
    expect(byName.modelArn).toBe(modelArn);
  });

  it('replays a create with the same clientRequestToken instead of creating a second job', async () => {
    const client = harness.bedrock();
    const input = customizationJobInput('replay', { clientRequestToken: 'token-1' });
    const first = await client.send(new CreateModelCustomizationJobCommand(input));
    const second = await client.send(new CreateModelCustomizationJobCommand(input));
    expect(second.jobArn).toBe(first.jobArn);
    const { modelCustomizationJobSummaries = [] } = await client.send(
      new ListModelCustomizationJobsCommand({}),
    );
    expect(modelCustomizationJobSummaries).toHaveLength(1);
  });

  it('refuses a duplicate job name with ConflictException', async () => {
    const client = harness.bedrock();
    await client.send(new CreateModelCustomizationJobCommand(customizationJobInput('dup')));
    const error = await rejection(
      client.send(
        new CreateModelCustomizationJobCommand(
          customizationJobInput('dup', { customModelName: 'other-model' }),
        ),
      ),
    );
    expect(error).toBeInstanceOf(ConflictException);
  });

  it.each([
    ['jobName', { jobName: undefined }],
    ['roleArn', { roleArn: 'not-an-arn' }],
    ['trainingDataConfig.s3Uri', { trainingDataConfig: {} }],
    ['outputDataConfig', { outputDataConfig: undefined }],
    ['baseModelIdentifier', { baseModelIdentifier: 'acme.unknown-v1' }],
  ] as const)('answers ValidationException naming %s', async (field, overrides) => {
    const error = await rejection(
      harness
        .bedrock()
        .send(new CreateModelCustomizationJobCommand({ ...customizationJobInput('bad'), ...overrides })),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toContain(field);
  });

  it('refuses a customization type the base model does not support', async () => {
    const error = await rejection(
      harness
        .bedrock()
        .send(
          new CreateModelCustomizationJobCommand(
            customizationJobInput('cpt', { baseModelIdentifier: 'amazon.titan-embed-text-v2:0' }),
          ),
        ),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toContain('FINE_TUNING');
  });

  it('refuses hyperparameters that are not strings', async () => {
    const body = {
      ...customizationJobInput('hp'),
      hyperParameters: { epochCount: 2 } as unknown as Record<string, string>,
    };
    const error = await rejection(harness.bedrock().send(new CreateModelCustomizationJobCommand(body)));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toContain('hyperParameters.epochCount');
  });

  it('stops a running job, which then never produces a model', async () => {
    const client = harness.bedrock();
    const { jobArn } = await client.send(
      new CreateModelCustomizationJobCommand(customizationJobInput('stopme')),
    );
    harness.clock.advance(1_000);
    await client.send(new StopModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    harness.clock.advance(JOB_DURATION_MS * 2);
    const job = await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    expect(job.status).toBe('Stopped');
    expect(job.statusDetails?.validationDetails?.status).toBe('Stopped');
    expect((await client.send(new ListCustomModelsCommand({}))).modelSummaries).toEqual([]);
    const again = await rejection(
      client.send(new StopModelCustomizationJobCommand({ jobIdentifier: jobArn })),
    );
    expect(again).toBeInstanceOf(ValidationException);
  });

  it('pages, filters and sorts jobs and custom models', async () => {
    const client = harness.bedrock();
    for (let index = 0; index < 5; index++) {
      await client.send(new CreateModelCustomizationJobCommand(customizationJobInput(`batch${index}`)));
      harness.clock.advance(1_000);
    }
    harness.clock.advance(JOB_DURATION_MS);
    await client.send(new CreateModelCustomizationJobCommand(customizationJobInput('late')));

    const jobNames: string[] = [];
    for await (const page of paginateListModelCustomizationJobs(
      { client, pageSize: 2 },
      { sortOrder: 'Ascending' },
    )) {
      jobNames.push(...(page.modelCustomizationJobSummaries ?? []).map((job) => job.jobName ?? ''));
    }
    expect(jobNames).toEqual([
      'batch0-job',
      'batch1-job',
      'batch2-job',
      'batch3-job',
      'batch4-job',
      'late-job',
    ]);

    const running = await client.send(new ListModelCustomizationJobsCommand({ statusEquals: 'InProgress' }));
    expect(running.modelCustomizationJobSummaries?.map((job) => job.jobName)).toEqual(['late-job']);

    const models: string[] = [];
    for await (const page of paginateListCustomModels({ client, pageSize: 2 }, {})) {
      models.push(...(page.modelSummaries ?? []).map((model) => model.modelName ?? ''));
    }
    // Newest first by default.
    expect(models).toEqual(['batch4-model', 'batch3-model', 'batch2-model', 'batch1-model', 'batch0-model']);

    const filtered = await client.send(
      new ListCustomModelsCommand({
        nameContains: 'BATCH1',
        baseModelArnEquals: `arn:aws:bedrock:us-east-1::foundation-model/${BASE_MODEL}`,
      }),
    );
    expect(filtered.modelSummaries?.map((model) => model.modelName)).toEqual(['batch1-model']);
    expect(filtered.modelSummaries?.[0]).toMatchObject({
      ownerAccountId: ACCOUNT_ID,
      customizationType: 'FINE_TUNING',
    });
  });

  it('deletes a custom model', async () => {
    const client = harness.bedrock();
    await client.send(new CreateModelCustomizationJobCommand(customizationJobInput('gone')));
    harness.clock.advance(JOB_DURATION_MS);
    await client.send(new DeleteCustomModelCommand({ modelIdentifier: 'gone-model' }));
    await expect(
      client.send(new GetCustomModelCommand({ modelIdentifier: 'gone-model' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('keeps jobs regional', async () => {
    await harness
      .bedrock('us-west-2')
      .send(new CreateModelCustomizationJobCommand(customizationJobInput('west')));
    const east = await harness.bedrock('us-east-1').send(new ListModelCustomizationJobsCommand({}));
    expect(east.modelCustomizationJobSummaries).toEqual([]);
    await expect(
      harness.bedrock('us-east-1').send(new GetModelCustomizationJobCommand({ jobIdentifier: 'west-job' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
