import {
  GetFoundationModelAvailabilityCommand,
  GetFoundationModelCommand,
  ListFoundationModelsCommand,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-bedrock';
import { createModelCatalog, MODEL_DATA } from '@quarry/core/catalog';
import { LIVE_ONLY_MODELS } from '../src/live-only-models.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startControlHarness, type ControlHarness } from './support-control/start-control-harness.js';

// The emulator serves core's catalog plus the live-only models.
const catalog = createModelCatalog([...MODEL_DATA, ...LIVE_ONLY_MODELS]);

describe('control plane: foundation models', () => {
  let harness: ControlHarness;
  beforeAll(async () => {
    harness = await startControlHarness();
  });
  afterAll(() => harness.close());

  it('lists every catalog model served in the region, with ARNs in that region', async () => {
    const { modelSummaries = [] } = await harness
      .bedrock('us-east-1')
      .send(new ListFoundationModelsCommand({}));
    const expected = catalog.models.filter((model) => model.regions.includes('us-east-1'));
    expect(modelSummaries.map((summary) => summary.modelId)).toEqual(expected.map((model) => model.modelId));
    const haiku = modelSummaries.find(
      (summary) => summary.modelId === 'anthropic.claude-3-haiku-20240307-v1:0',
    );
    expect(haiku).toMatchObject({
      modelArn: 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
      providerName: 'Anthropic',
      outputModalities: ['TEXT'],
      responseStreamingSupported: true,
      modelLifecycle: { status: 'ACTIVE' },
    });
  });

  it("lists models core's catalog does not know, like Bedrock's newer ones", async () => {
    const core = createModelCatalog();
    const { modelSummaries = [] } = await harness
      .bedrock('us-east-1')
      .send(new ListFoundationModelsCommand({}));
    const liveOnly = modelSummaries.filter((summary) => core.get(summary.modelId ?? '') === undefined);
    expect(liveOnly.map((summary) => summary.modelId)).toEqual([
      'openai.gpt-oss-20b-1:0',
      'qwen.qwen3-32b-v1:0',
      'deepseek.r1-v1:0',
    ]);
    const details = await harness
      .bedrock('us-east-1')
      .send(new GetFoundationModelCommand({ modelIdentifier: 'openai.gpt-oss-20b-1:0' }));
    expect(details.modelDetails).toMatchObject({ providerName: 'OpenAI', responseStreamingSupported: true });
  });

  it('omits models the region does not serve', async () => {
    const westOnly = catalog.models.find(
      (model) => model.regions.length === 1 && model.regions[0] === 'us-west-2',
    );
    expect(westOnly).toBeDefined();
    const east = await harness.bedrock('us-east-1').send(new ListFoundationModelsCommand({}));
    const west = await harness.bedrock('us-west-2').send(new ListFoundationModelsCommand({}));
    expect(east.modelSummaries?.some((summary) => summary.modelId === westOnly?.modelId)).toBe(false);
    expect(west.modelSummaries?.find((summary) => summary.modelId === westOnly?.modelId)?.modelArn).toBe(
      `arn:aws:bedrock:us-west-2::foundation-model/${westOnly?.modelId}`,
    );
  });

  it('lists profile-only models with INFERENCE_PROFILE and retired ones as LEGACY', async () => {
    const { modelSummaries = [] } = await harness.bedrock().send(new ListFoundationModelsCommand({}));
    const profileOnly = modelSummaries.filter(
      (summary) => summary.inferenceTypesSupported?.join() === 'INFERENCE_PROFILE',
    );
    expect(profileOnly.length).toBeGreaterThan(0);
    const classic = modelSummaries.find(
      (summary) => summary.modelId === 'anthropic.claude-3-sonnet-20240229-v1:0',
    );
    expect(classic?.modelLifecycle?.status).toBe('LEGACY');
  });

  it('filters by provider case-insensitively, also by the short provider name', async () => {
    const client = harness.bedrock();
    const upper = await client.send(new ListFoundationModelsCommand({ byProvider: 'Anthropic' }));
    const lower = await client.send(new ListFoundationModelsCommand({ byProvider: 'anthropic' }));
    expect(upper.modelSummaries?.length).toBeGreaterThan(0);
    expect(lower.modelSummaries).toEqual(upper.modelSummaries);
    expect(upper.modelSummaries?.every((summary) => summary.providerName === 'Anthropic')).toBe(true);
    const mistral = await client.send(new ListFoundationModelsCommand({ byProvider: 'mistral' }));
    expect(mistral.modelSummaries?.every((summary) => summary.providerName === 'Mistral AI')).toBe(true);
    expect(mistral.modelSummaries?.length).toBeGreaterThan(0);
  });

  it('filters by output modality, inference type and customization type together', async () => {
    const client = harness.bedrock();
    const embeddings = await client.send(new ListFoundationModelsCommand({ byOutputModality: 'EMBEDDING' }));
    expect(embeddings.modelSummaries?.map((summary) => summary.modelId)).toContain(
      'amazon.titan-embed-text-v2:0',
    );
    expect(
      embeddings.modelSummaries?.every((summary) => summary.outputModalities?.includes('EMBEDDING')),
    ).toBe(true);
    const tunable = await client.send(
      new ListFoundationModelsCommand({ byCustomizationType: 'FINE_TUNING', byInferenceType: 'PROVISIONED' }),
    );
    expect(tunable.modelSummaries?.length).toBeGreaterThan(0);
    for (const summary of tunable.modelSummaries ?? []) {
      expect(summary.customizationsSupported).toContain('FINE_TUNING');
      expect(summary.inferenceTypesSupported).toContain('PROVISIONED');
    }
  });

  it('rejects an unknown filter value with ValidationException naming the field', async () => {
    const error = await harness
      .bedrock()
      .send(new ListFoundationModelsCommand({ byOutputModality: 'SMELL' as 'TEXT' }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toContain('byOutputModality');
  });

  it('gets a model by ID and by ARN', async () => {
    const client = harness.bedrock();
    const byId = await client.send(
      new GetFoundationModelCommand({ modelIdentifier: 'amazon.titan-embed-text-v2:0' }),
    );
    expect(byId.modelDetails?.modelName).toBeTruthy();
    const byArn = await client.send(
      new GetFoundationModelCommand({
        modelIdentifier: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0',
      }),
    );
    expect(byArn.modelDetails).toEqual(byId.modelDetails);
  });

  it('answers ResourceNotFoundException for an unknown model or one the region lacks', async () => {
    const client = harness.bedrock();
    await expect(
      client.send(new GetFoundationModelCommand({ modelIdentifier: 'acme.nope-v1' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const westOnly = catalog.models.find((model) => !model.regions.includes('us-east-1'));
    await expect(
      client.send(new GetFoundationModelCommand({ modelIdentifier: westOnly?.modelId ?? '' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('reports availability, including the region', async () => {
    const westOnly = catalog.models.find((model) => !model.regions.includes('us-east-1'));
    const answer = await harness
      .bedrock('us-east-1')
      .send(new GetFoundationModelAvailabilityCommand({ modelId: westOnly?.modelId ?? '' }));
    expect(answer).toMatchObject({
      modelId: westOnly?.modelId,
      agreementAvailability: { status: 'AVAILABLE' },
      authorizationStatus: 'AUTHORIZED',
      entitlementAvailability: 'AVAILABLE',
      regionAvailability: 'NOT_AVAILABLE',
    });
  });
});
