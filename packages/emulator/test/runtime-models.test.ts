import {
  CreateFoundationModelAgreementCommand,
  CreateInferenceProfileCommand,
  CreateModelCustomizationJobCommand,
  CreateProvisionedModelThroughputCommand,
  GetModelCustomizationJobCommand,
  ListFoundationModelAgreementOffersCommand,
} from '@aws-sdk/client-bedrock';
import {
  AccessDeniedException,
  ConverseCommand,
  InvokeModelCommand,
  ModelNotReadyException,
  ValidationException,
  type BedrockRuntimeClient,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '../src/index.js';
import { controlClient, runtimeClient } from './support/clients.js';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const INVALID = 'The provided model identifier is invalid.';

let emulator: Emulator;
let clock = Date.parse('2025-06-01T00:00:00Z');
beforeAll(async () => {
  emulator = await startEmulator({
    latency: 'zero',
    now: () => clock,
    provisioningDurationMs: 60_000,
    jobDurationMs: 120_000,
  });
});
afterAll(async () => {
  await emulator.close();
});

async function converse(client: BedrockRuntimeClient, modelId: string): Promise<unknown> {
  try {
    return await client.send(
      new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }),
    );
  } catch (error) {
    return error;
  }
}

describe('model identifiers', () => {
  it('accepts base IDs, profile IDs and their ARNs (percent-encoded by the SDK)', async () => {
    const client = runtimeClient(emulator.url);
    for (const modelId of [
      HAIKU,
      `us.${HAIKU}`,
      `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
      `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${HAIKU}`,
      `global.anthropic.claude-sonnet-4-20250514-v1:0`,
    ]) {
      const output = await converse(client, modelId);
      expect(output, modelId).toMatchObject({ stopReason: 'end_turn' });
    }
    client.destroy();
  });

  it('keeps the classic (LEGACY) IDs of the AWS examples working', async () => {
    const client = runtimeClient(emulator.url);
    expect(await converse(client, 'anthropic.claude-3-sonnet-20240229-v1:0')).toMatchObject({
      stopReason: 'end_turn',
    });
    client.destroy();
  });

  it('refuses a profile-only model called by its bare ID with the exact Bedrock text', async () => {
    const client = runtimeClient(emulator.url);
    const error = await converse(client, 'anthropic.claude-sonnet-4-20250514-v1:0');
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe(
      'Invocation of model ID anthropic.claude-sonnet-4-20250514-v1:0 with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    );
    client.destroy();
  });

  it('answers unknown and malformed IDs as invalid identifiers', async () => {
    const client = runtimeClient(emulator.url);
    for (const modelId of [
      'anthropic.claude-9-bogus-v1:0',
      'not a model',
      'arn:aws:s3:::bucket/key',
      `xx.${HAIKU}`,
    ]) {
      const error = await converse(client, modelId);
      expect(error, modelId).toBeInstanceOf(ValidationException);
      expect((error as Error).message).toBe(INVALID);
    }
    client.destroy();
  });

  it("treats models and profiles outside the caller's region as unknown there", async () => {
    const east = runtimeClient(emulator.url, { region: 'us-east-1' });
    const west = runtimeClient(emulator.url, { region: 'us-west-2' });
    const europe = runtimeClient(emulator.url, { region: 'eu-west-1' });
    const sd3 = {
      modelId: 'stability.sd3-5-large-v1:0',
      body: new TextEncoder().encode('{"prompt":"a cat"}'),
    };
    await expect(east.send(new InvokeModelCommand(sd3))).rejects.toThrow(INVALID);
    await expect(west.send(new InvokeModelCommand(sd3))).resolves.toMatchObject({
      contentType: 'application/json',
    });
    expect(await converse(europe, `us.${HAIKU}`)).toBeInstanceOf(ValidationException);
    expect(await converse(europe, `eu.${HAIKU}`)).toMatchObject({ stopReason: 'end_turn' });
    for (const client of [east, west, europe]) client.destroy();
  });
});

describe('control-plane resources', () => {
  it('serves a provisioned throughput by ARN once it is InService', async () => {
    const control = controlClient(emulator.url);
    const runtime = runtimeClient(emulator.url);
    const { provisionedModelArn } = await control.send(
      new CreateProvisionedModelThroughputCommand({
        modelUnits: 1,
        provisionedModelName: 'pt-haiku',
        modelId: HAIKU,
      }),
    );
    expect(await converse(runtime, provisionedModelArn ?? '')).toBeInstanceOf(ModelNotReadyException);
    clock += 61_000;
    expect(await converse(runtime, provisionedModelArn ?? '')).toMatchObject({ stopReason: 'end_turn' });
    control.destroy();
    runtime.destroy();
  });

  it('serves an application inference profile by ARN', async () => {
    const control = controlClient(emulator.url);
    const runtime = runtimeClient(emulator.url);
    const { inferenceProfileArn } = await control.send(
      new CreateInferenceProfileCommand({
        inferenceProfileName: 'team-a',
        modelSource: { copyFrom: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}` },
      }),
    );
    expect(inferenceProfileArn).toContain(':application-inference-profile/');
    expect(await converse(runtime, inferenceProfileArn ?? '')).toMatchObject({ stopReason: 'end_turn' });
    control.destroy();
    runtime.destroy();
  });

  it('serves a custom model by ARN once its customization job completes', async () => {
    const control = controlClient(emulator.url);
    const runtime = runtimeClient(emulator.url);
    const { jobArn } = await control.send(
      new CreateModelCustomizationJobCommand({
        jobName: 'tune-1',
        customModelName: 'my-titan',
        roleArn: 'arn:aws:iam::123456789012:role/Bedrock',
        baseModelIdentifier: 'amazon.titan-text-express-v1',
        trainingDataConfig: { s3Uri: 's3://bucket/train.jsonl' },
        outputDataConfig: { s3Uri: 's3://bucket/out/' },
        hyperParameters: { epochCount: '1' },
      }),
    );
    clock += 121_000;
    const job = await control.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    expect(job.status).toBe('Completed');
    expect(await converse(runtime, job.outputModelArn ?? '')).toMatchObject({ stopReason: 'end_turn' });
    control.destroy();
    runtime.destroy();
  });
});

describe('strict access', () => {
  it('denies agreement models until CreateFoundationModelAgreement, per region', async () => {
    const strict = await startEmulator({ latency: 'zero', strictAccess: true });
    const control = controlClient(strict.url);
    const east = runtimeClient(strict.url);
    const west = runtimeClient(strict.url, { region: 'us-west-2' });
    try {
      const denied = await converse(east, HAIKU);
      expect(denied).toBeInstanceOf(AccessDeniedException);
      expect((denied as Error).message).toBe(
        "You don't have access to the model with the specified model ID.",
      );
      expect(await converse(east, 'amazon.nova-micro-v1:0')).toMatchObject({ stopReason: 'end_turn' });

      const { offers } = await control.send(
        new ListFoundationModelAgreementOffersCommand({ modelId: HAIKU }),
      );
      await control.send(
        new CreateFoundationModelAgreementCommand({ modelId: HAIKU, offerToken: offers?.[0]?.offerToken }),
      );
      expect(await converse(east, HAIKU)).toMatchObject({ stopReason: 'end_turn' });
      expect(await converse(west, HAIKU)).toBeInstanceOf(AccessDeniedException);
    } finally {
      for (const client of [control, east, west]) client.destroy();
      await strict.close();
    }
  });
});
