import { createModelCatalog, ValidationError } from '@quarry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './quarry-harness.js';

const catalog = createModelCatalog();
const hello = { messages: [{ role: 'user' as const, content: 'Hello' }] };

let east: Harness;
let europe: Harness;
beforeAll(async () => {
  east = await startHarness({ region: 'us-east-1' });
  europe = await startHarness({ region: 'eu-west-1' });
});
afterAll(async () => {
  await east.close();
  await europe.close();
});

async function refusal(harness: Harness, modelId: string): Promise<ValidationError> {
  const before = harness.emulator.stats.snapshot().byOperation;
  const error: unknown = await harness.quarry.invoke(modelId, hello).catch((caught: unknown) => caught);
  // Refused before any runtime call: Bedrock would only have said "The provided model identifier is invalid."
  const after = harness.emulator.stats.snapshot().byOperation;
  expect(after['InvokeModel']).toBe(before['InvokeModel']);
  expect(after['Converse']).toBe(before['Converse']);
  expect(error).toBeInstanceOf(ValidationError);
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'modelId' });
  expect((error as Error).message).not.toContain('The provided model identifier is invalid');
  return error as ValidationError;
}

describe('region-aware model errors, before the call', () => {
  it('a profile-only model by its base ID names the region and the profile to use', async () => {
    const model = catalog.models.find(
      (entry) => !entry.inferenceTypes.includes('ON_DEMAND') && entry.profiles.includes('us'),
    );
    if (model === undefined) throw new Error('catalog has no profile-only model with a us. profile');
    const error = await refusal(east, model.modelId);
    expect(error.message).toContain('us-east-1');
    expect(error.message).toContain(`us.${model.modelId}`);
    // And the profile it names works.
    const answer = await east.quarry.invoke(`us.${model.modelId}`, hello);
    expect(answer.text.length).toBeGreaterThan(0);
  });

  it('a model the region does not serve names the regions that do', async () => {
    const model = catalog.models.find(
      (entry) =>
        entry.inferenceTypes.includes('ON_DEMAND') &&
        !entry.regions.includes('eu-west-1') &&
        entry.regions.includes('us-east-1'),
    );
    if (model === undefined) throw new Error('catalog has no us-only on-demand model');
    const error = await refusal(europe, model.modelId);
    expect(error.message).toContain(`not served in eu-west-1`);
    expect(error.message).toContain(model.regions.join(', '));
  });

  it('a profile of another geography names the one that works from here', async () => {
    const model = catalog.models.find(
      (entry) => entry.profiles.includes('us') && entry.profiles.includes('eu'),
    );
    if (model === undefined) throw new Error('catalog has no model with us. and eu. profiles');
    const error = await refusal(europe, `us.${model.modelId}`);
    expect(error.message).toContain('eu-west-1');
    expect(error.message).toContain(`eu.${model.modelId}`);
  });

  it('covers models only the live list knows: a profile-only one gets its geography’s profile', async () => {
    const error = await refusal(east, 'deepseek.r1-v1:0');
    expect(error.message).toContain('us.deepseek.r1-v1:0');
    const answer = await east.quarry.invoke('us.deepseek.r1-v1:0', hello);
    expect(answer.text.length).toBeGreaterThan(0);
  });

  it('checkRegions: false leaves the judgement to Bedrock', async () => {
    const lax = await startHarness({ region: 'us-east-1', client: { checkRegions: false } });
    try {
      const model = catalog.models.find((entry) => !entry.inferenceTypes.includes('ON_DEMAND'));
      const error: unknown = await lax.quarry
        .invoke(model?.modelId ?? '', hello)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', exception: 'ValidationException' });
    } finally {
      await lax.close();
    }
  });
});
