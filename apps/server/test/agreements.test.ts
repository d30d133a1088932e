import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayHarness } from './support/gateway-harness.js';

// Strict access: models the catalog marks as needing an agreement are denied until one is accepted.
let gateway: GatewayHarness;
beforeAll(async () => {
  gateway = await startGateway({ emulator: { strictAccess: true } });
});
afterAll(async () => {
  await gateway.close();
});

const INVOKE = `mutation ($input: InvokeInput!) { invoke(input: $input) { text } }`;
const OFFERS = `query ($modelId: ID!) { agreementOffers(modelId: $modelId) { offerToken } }`;
const ACCEPT = `mutation ($modelId: ID!, $offerToken: String!) {
  acceptAgreement(modelId: $modelId, offerToken: $offerToken) { modelId accepted }
}`;

async function invokeCode(modelId: string): Promise<unknown> {
  const { body } = await gateway.gql(INVOKE, { input: { modelId, prompt: 'hi', maxTokens: 8 } });
  return body.errors?.[0]?.extensions?.['code'] ?? 'OK';
}

async function acceptVia(modelId: string): Promise<unknown> {
  const offers = await gateway.gql<{ agreementOffers: { offerToken: string }[] }>(OFFERS, { modelId });
  const offerToken = offers.body.data?.agreementOffers[0]?.offerToken;
  expect(offerToken, JSON.stringify(offers.body)).toBeDefined();
  const { body } = await gateway.gql(ACCEPT, { modelId, offerToken });
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('agreement flow', () => {
  it('grants access after acceptAgreement with a base model ID', async () => {
    const model = 'anthropic.claude-3-haiku-20240307-v1:0';
    expect(await invokeCode(model)).toBe('MODEL_ACCESS_DENIED');
    expect(await acceptVia(model)).toEqual({ acceptAgreement: { modelId: model, accepted: true } });
    expect(await invokeCode(model)).toBe('OK');
  });

  it('accepts an inference-profile ID by resolving it to its base model', async () => {
    const base = 'anthropic.claude-3-5-haiku-20241022-v1:0';
    const profile = `us.${base}`;
    expect(await invokeCode(profile)).toBe('MODEL_ACCESS_DENIED');
    expect(await acceptVia(profile)).toEqual({ acceptAgreement: { modelId: base, accepted: true } });
    expect(await invokeCode(profile)).toBe('OK');
    expect(await invokeCode(base)).toBe('OK');
  });
});
