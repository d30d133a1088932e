import { CreateInferenceProfileCommand } from '@aws-sdk/client-bedrock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './quarry-harness.js';

let harness: Harness;
let clock = Date.parse('2026-11-25T10:00:00Z');
beforeAll(async () => {
  harness = await startHarness({
    emulator: { now: () => clock, jobDurationMs: 60_000, provisioningDurationMs: 30_000, strictAccess: true },
  });
});
afterAll(async () => {
  await harness.close();
});

/** A Titan fine-tuning job with the given names; everything else is what every test here uses. */
function customizationJob(jobName: string, customModelName: string) {
  return {
    jobName,
    customModelName,
    roleArn: 'arn:aws:iam::123456789012:role/Bedrock',
    baseModelIdentifier: 'amazon.titan-text-express-v1',
    trainingDataConfig: { s3Uri: 's3://bucket/train.jsonl' },
    outputDataConfig: { s3Uri: 's3://bucket/out/' },
  };
}

describe('QuarryClient control plane against the emulator', () => {
  it('lists foundation models joined with the catalog, filtered by provider', async () => {
    const models = await harness.quarry.listModels({ byProvider: 'anthropic' });
    expect(models.length).toBeGreaterThan(5);
    expect(models.every((model) => model.summary.providerName === 'Anthropic')).toBe(true);
    expect(models.every((model) => model.catalog?.family === 'anthropic-messages')).toBe(true);
  });

  it('gets one model by ID', async () => {
    const model = await harness.quarry.getModel('amazon.titan-embed-text-v2:0');
    expect(model?.summary.outputModalities).toEqual(['EMBEDDING']);
    expect(model?.catalog?.embeddingDimensions).toEqual([1024, 512, 256]);
  });

  it('lists system inference profiles', async () => {
    const profiles = await harness.quarry.listInferenceProfiles();
    expect(
      profiles.some((profile) => profile.inferenceProfileId === 'us.anthropic.claude-3-haiku-20240307-v1:0'),
    ).toBe(true);
  });

  it('denies a marketplace model until its agreement offer is accepted, then serves it', async () => {
    const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
    const request = { messages: [{ role: 'user' as const, content: 'hi' }], maxTokens: 10 };
    await expect(harness.quarry.invoke(modelId, request)).rejects.toMatchObject({
      code: 'MODEL_ACCESS_DENIED',
    });
    const offers = await harness.quarry.listAgreementOffers(modelId);
    expect(offers[0]?.offerToken).toBeTruthy();
    await harness.quarry.createAgreement(modelId, offers[0]?.offerToken ?? '');
    await expect(harness.quarry.invoke(modelId, request)).resolves.toMatchObject({
      stopReason: expect.any(String) as string,
    });
  });

  it('runs a customization job to a custom model over time', async () => {
    const jobArn = await harness.quarry.createCustomizationJob({
      ...customizationJob('tune-1', 'titan-tuned'),
      hyperParameters: { epochCount: '1' },
    });
    expect((await harness.quarry.getCustomizationJob(jobArn)).status).toBe('InProgress');
    clock += 61_000;
    const job = await harness.quarry.getCustomizationJob(jobArn);
    expect(job.status).toBe('Completed');
    const models = await harness.quarry.listCustomModels();
    expect(models.some((model) => model.modelName === 'titan-tuned')).toBe(true);
    expect((await harness.quarry.listCustomizationJobs()).some((summary) => summary.jobArn === jobArn)).toBe(
      true,
    );
  });

  it('invokes through a provisioned throughput ARN once it is in service', async () => {
    const arn = await harness.quarry.createProvisionedThroughput({
      provisionedModelName: 'haiku-pt',
      modelId: 'amazon.titan-text-express-v1',
      modelUnits: 1,
    });
    clock += 31_000;
    expect((await harness.quarry.getProvisionedThroughput(arn)).status).toBe('InService');
    const result = await harness.quarry.invoke(arn, {
      messages: [{ role: 'user', content: 'hello' }],
      maxTokens: 20,
    });
    expect(result.baseModelId).toBe('amazon.titan-text-express-v1');
    expect(result.cost.priced).toBe(true);
    expect(
      (await harness.quarry.listProvisionedThroughputs()).some((pt) => pt.provisionedModelArn === arn),
    ).toBe(true);
  });

  it('gets one inference profile by ID', async () => {
    const profile = await harness.quarry.getInferenceProfile('us.anthropic.claude-3-haiku-20240307-v1:0');
    expect(profile.type).toBe('SYSTEM_DEFINED');
    expect(profile.models?.length).toBeGreaterThan(1);
  });

  it('resolves an application inference profile ARN through Bedrock and invokes through it', async () => {
    const created = await harness.bedrock.control.send(
      new CreateInferenceProfileCommand({
        inferenceProfileName: 'client-app-profile',
        modelSource: { copyFrom: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1' },
      }),
    );
    const arn = created.inferenceProfileArn ?? '';
    expect(arn).toContain(':application-inference-profile/');
    // An opaque ARN: only GetInferenceProfile can say which catalog model (and price) is behind it.
    const resolved = await harness.quarry.resolveModel(arn);
    expect(resolved.model.modelId).toBe('amazon.titan-text-express-v1');
    const result = await harness.quarry.invoke(arn, {
      messages: [{ role: 'user', content: 'hello' }],
      maxTokens: 12,
    });
    expect(result.baseModelId).toBe('amazon.titan-text-express-v1');
    expect(result.cost.priced).toBe(true);
  });

  it('gets a custom model, and stops a running customization job', async () => {
    const jobArn = await harness.quarry.createCustomizationJob(
      customizationJob('tune-stop', 'never-finished'),
    );
    await harness.quarry.stopCustomizationJob(jobArn);
    clock += 61_000;
    expect((await harness.quarry.getCustomizationJob(jobArn)).status).toBe('Stopped');
    const models = await harness.quarry.listCustomModels();
    expect(models.some((model) => model.modelName === 'never-finished')).toBe(false);
    const tuned = models.find((model) => model.modelName === 'titan-tuned');
    const detail = await harness.quarry.getCustomModel(tuned?.modelArn ?? 'missing');
    expect(detail.modelName).toBe('titan-tuned');
    expect(detail.baseModelArn).toContain('amazon.titan-text-express-v1');
  });

  it('submits a batch job and follows it', async () => {
    const jobArn = await harness.quarry.createBatchJob({
      jobName: 'nightly-client',
      roleArn: 'arn:aws:iam::123456789012:role/BedrockBatch',
      modelId: 'amazon.titan-text-express-v1',
      inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://batch-in/nightly/', s3InputFormat: 'JSONL' } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://batch-out/nightly/' } },
    });
    expect((await harness.quarry.getBatchJob(jobArn)).jobName).toBe('nightly-client');
    expect((await harness.quarry.listBatchJobs()).some((job) => job.jobArn === jobArn)).toBe(true);
  });

  it('names the missing resource when a control-plane read finds nothing', async () => {
    await expect(
      harness.quarry.getCustomizationJob(
        'arn:aws:bedrock:us-east-1:123456789012:model-customization-job/nope',
      ),
    ).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' });
  });

  it('pages through every custom model', async () => {
    for (let index = 0; index < 3; index++) {
      await harness.quarry.createCustomizationJob(customizationJob(`page-${index}`, `paged-${index}`));
    }
    clock += 61_000;
    const models = await harness.quarry.listCustomModels();
    expect(models.filter((model) => model.modelName?.startsWith('paged-'))).toHaveLength(3);
  });
});
