import { createModelCatalog } from '@quarry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayHarness } from './support/gateway-harness.js';

let gateway: GatewayHarness;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(async () => {
  await gateway.close();
});

interface ModelRow {
  modelId: string;
  providerName: string;
  outputModalities: string[];
  responseStreamingSupported: boolean;
  inferenceTypesSupported: string[];
  contextWindow: number | null;
  maxOutputTokens: number | null;
  lifecycleStatus: string;
  isDeprecated: boolean;
  available: boolean;
  pricing: { inputPer1k: number | null } | null;
  inferenceProfiles: { inferenceProfileId: string }[];
}

const MODEL_FIELDS = `modelId providerName outputModalities responseStreamingSupported inferenceTypesSupported
  contextWindow maxOutputTokens lifecycleStatus isDeprecated available pricing { inputPer1k }
  inferenceProfiles { inferenceProfileId }`;

describe('Query.models', () => {
  it('lists the models the upstream serves, joined with catalog limits and prices', async () => {
    const { body } = await gateway.gql<{ models: ModelRow[] }>(`{ models { ${MODEL_FIELDS} } }`);
    const models = body.data?.models ?? [];
    expect(models.length).toBeGreaterThan(40);
    const haiku = models.find((model) => model.modelId === 'anthropic.claude-3-haiku-20240307-v1:0');
    expect(haiku).toMatchObject({
      contextWindow: 200_000,
      maxOutputTokens: 4_096,
      available: true,
      pricing: { inputPer1k: 0.00025 },
    });
    expect(haiku?.inferenceProfiles.map((profile) => profile.inferenceProfileId)).toContain(
      'us.anthropic.claude-3-haiku-20240307-v1:0',
    );
  });

  it('filters by provider case-insensitively', async () => {
    const lower = await gateway.gql<{ models: ModelRow[] }>(
      `{ models(filter: { provider: "anthropic" }) { modelId providerName } }`,
    );
    const upper = await gateway.gql<{ models: ModelRow[] }>(
      `{ models(filter: { provider: "Anthropic" }) { modelId providerName } }`,
    );
    expect(lower.body.data?.models.length).toBeGreaterThan(3);
    expect(lower.body.data?.models).toEqual(upper.body.data?.models);
    expect(lower.body.data?.models.every((model) => model.providerName === 'Anthropic')).toBe(true);
  });

  it('combines modality, streaming and inference-type filters', async () => {
    const { body } = await gateway.gql<{ models: ModelRow[] }>(
      `{ models(filter: { outputModality: EMBEDDING, streaming: false }) { ${MODEL_FIELDS} } }`,
    );
    const models = body.data?.models ?? [];
    expect(models.map((model) => model.modelId)).toContain('amazon.titan-embed-text-v2:0');
    expect(
      models.every(
        (model) => model.outputModalities.includes('EMBEDDING') && !model.responseStreamingSupported,
      ),
    ).toBe(true);
    const profileOnly = await gateway.gql<{ models: ModelRow[] }>(
      `{ models(filter: { inferenceType: INFERENCE_PROFILE }) { modelId inferenceTypesSupported } }`,
    );
    expect(profileOnly.body.data?.models.map((model) => model.modelId)).toContain(
      'anthropic.claude-sonnet-4-20250514-v1:0',
    );
  });

  it('marks legacy models as deprecated with a reason', async () => {
    const { body } = await gateway.gql<{ model: ModelRow & { deprecationReason: string } }>(
      `{ model(id: "anthropic.claude-3-sonnet-20240229-v1:0") { modelId isDeprecated lifecycleStatus deprecationReason } }`,
    );
    expect(body.data?.model).toMatchObject({ isDeprecated: true, lifecycleStatus: 'LEGACY' });
    expect(body.data?.model.deprecationReason).toMatch(/Move to anthropic\./);
    // Only a model callable as written in the gateway's region (us-east-1) is recommended.
    const successor = /Move to (\S+)\.$/.exec(body.data?.model.deprecationReason ?? '')?.[1] ?? '';
    const { model } = createModelCatalog().resolve(successor);
    expect(model.inferenceTypes).toContain('ON_DEMAND');
    expect(model.regions).toContain('us-east-1');
  });

  it('lists models only the upstream knows, marked inCatalog false, next to catalog entries', async () => {
    const { body } = await gateway.gql<{
      models: {
        modelId: string;
        inCatalog: boolean;
        pricing: unknown;
        providerName: string;
        family: string | null;
      }[];
    }>(`{ models { modelId inCatalog pricing { inputPer1k } providerName family } }`);
    const models = body.data?.models ?? [];
    expect(models.find((model) => model.modelId === 'openai.gpt-oss-20b-1:0')).toEqual({
      modelId: 'openai.gpt-oss-20b-1:0',
      inCatalog: false,
      pricing: null,
      providerName: 'OpenAI',
      family: null,
    });
    expect(models.find((model) => model.modelId === 'amazon.nova-lite-v1:0')).toMatchObject({
      inCatalog: true,
      pricing: { inputPer1k: expect.any(Number) as number },
    });
  });
});

describe('Query.model', () => {
  it.each([
    ['a base model ID', 'amazon.titan-embed-text-v2:0', 'amazon.titan-embed-text-v2:0'],
    [
      'an inference-profile ID',
      'eu.anthropic.claude-3-haiku-20240307-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0',
    ],
    [
      'a foundation-model ARN',
      'arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-8b-instruct-v1:0',
      'meta.llama3-8b-instruct-v1:0',
    ],
  ])('resolves %s', async (_kind, id, expected) => {
    const { body } = await gateway.gql<{ model: { modelId: string } | null }>(
      `query ($id: ID!) { model(id: $id) { modelId } }`,
      { id },
    );
    expect(body.data?.model?.modelId).toBe(expected);
  });

  it('answers null for an unknown model', async () => {
    const { body } = await gateway.gql<{ model: null }>(`{ model(id: "acme.nonexistent-v1") { modelId } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.model).toBeNull();
  });
});

describe('account resource queries', () => {
  it('lists inference profiles with their model ARNs', async () => {
    const { body } = await gateway.gql<{
      inferenceProfiles: { inferenceProfileId: string; type: string; modelArns: string[] }[];
    }>(`{ inferenceProfiles { inferenceProfileId type modelArns } }`);
    const profile = body.data?.inferenceProfiles.find(
      (row) => row.inferenceProfileId === 'us.anthropic.claude-3-haiku-20240307-v1:0',
    );
    expect(profile?.type).toBe('SYSTEM_DEFINED');
    expect(profile?.modelArns.length).toBeGreaterThan(0);
  });

  it('lists agreement offers of a marketplace model and none for an Amazon model', async () => {
    const { body } = await gateway.gql<{ claude: { offerToken: string }[]; titan: unknown[] }>(
      `{ claude: agreementOffers(modelId: "anthropic.claude-3-haiku-20240307-v1:0") { offerToken rateCard }
         titan: agreementOffers(modelId: "amazon.titan-text-express-v1") { offerToken } }`,
    );
    expect(body.data?.claude[0]?.offerToken).toBeTruthy();
    expect(body.data?.titan).toEqual([]);
  });

  it('answers empty account lists before anything is created', async () => {
    const { body } = await gateway.gql<Record<string, unknown[]>>(
      `{ customModels { modelArn } customizationJobs { jobArn } provisionedThroughputs { provisionedModelArn } batchJobs { jobArn } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      customModels: [],
      customizationJobs: [],
      provisionedThroughputs: [],
      batchJobs: [],
    });
  });
});
