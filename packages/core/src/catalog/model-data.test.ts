import { describe, expect, it } from 'vitest';
import { PROFILE_PREFIXES } from './catalog-model.js';
import { MODEL_DATA } from './model-data.js';
import { FAMILY_KIND, MODEL_FAMILIES } from './model-family.js';
import { parseModelId } from './model-id.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const byKind = (kind: 'chat' | 'embed' | 'image') =>
  MODEL_DATA.filter((model) => FAMILY_KIND[model.family] === kind);

describe('MODEL_DATA', () => {
  it('holds at least 45 models with unique IDs', () => {
    expect(MODEL_DATA.length).toBeGreaterThanOrEqual(45);
    const ids = MODEL_DATA.map((model) => model.modelId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('represents every model family', () => {
    const families = new Set(MODEL_DATA.map((model) => model.family));
    expect([...MODEL_FAMILIES].filter((family) => !families.has(family))).toEqual([]);
  });

  it('includes the IDs used in AWS classic examples', () => {
    const ids = new Set(MODEL_DATA.map((model) => model.modelId));
    for (const id of [
      'anthropic.claude-3-sonnet-20240229-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0',
      'anthropic.claude-v2',
      'anthropic.claude-v2:1',
      'anthropic.claude-instant-v1',
      'amazon.titan-text-express-v1',
      'amazon.titan-embed-text-v1',
      'amazon.titan-embed-text-v2:0',
      'amazon.titan-image-generator-v1',
      'meta.llama3-8b-instruct-v1:0',
      'mistral.mistral-7b-instruct-v0:2',
      'cohere.embed-english-v3',
      'stability.stable-diffusion-xl-v1',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('uses IDs that parse as plain base model IDs', () => {
    for (const model of MODEL_DATA) {
      expect(parseModelId(model.modelId), model.modelId).toEqual({
        kind: 'foundation-model',
        modelId: model.modelId,
      });
    }
  });

  it('gives every model a name, at least one region and unique profile prefixes', () => {
    for (const model of MODEL_DATA) {
      expect(model.modelName.trim(), model.modelId).not.toBe('');
      expect(model.regions.length, model.modelId).toBeGreaterThan(0);
      expect(
        model.regions.every((region) => REGION.test(region)),
        model.modelId,
      ).toBe(true);
      expect(new Set(model.regions).size, model.modelId).toBe(model.regions.length);
      expect(new Set(model.profiles).size, model.modelId).toBe(model.profiles.length);
      expect(
        model.profiles.every((prefix) => PROFILE_PREFIXES.includes(prefix)),
        model.modelId,
      ).toBe(true);
      expect(model.inferenceTypes.length, model.modelId).toBeGreaterThan(0);
    }
  });

  it('matches output modalities to the family kind', () => {
    const expected = { chat: 'TEXT', embed: 'EMBEDDING', image: 'IMAGE' } as const;
    for (const model of MODEL_DATA) {
      expect(model.outputModalities, model.modelId).toEqual([expected[FAMILY_KIND[model.family]]]);
      expect(model.inputModalities.length, model.modelId).toBeGreaterThan(0);
    }
  });

  it('gives chat models positive limits with maxOutputTokens within the context window', () => {
    for (const model of byKind('chat')) {
      expect(model.streaming, model.modelId).toBe(true);
      expect(model.contextWindow, model.modelId).toBeGreaterThan(0);
      expect(model.maxOutputTokens, model.modelId).toBeGreaterThan(0);
      expect(model.maxOutputTokens!, model.modelId).toBeLessThanOrEqual(model.contextWindow!);
      expect(model.embeddingDimensions, model.modelId).toBeUndefined();
      expect(model.pricing.inputPer1k, model.modelId).toBeDefined();
      expect(model.pricing.outputPer1k, model.modelId).toBeDefined();
    }
  });

  it('gives embedding models dimensions, a batch size and an input price but no output limit', () => {
    for (const model of byKind('embed')) {
      expect(model.streaming, model.modelId).toBe(false);
      expect(model.embeddingDimensions?.length, model.modelId).toBeGreaterThan(0);
      expect(
        model.embeddingDimensions!.every((size) => Number.isInteger(size) && size > 0),
        model.modelId,
      ).toBe(true);
      expect(model.maxEmbedBatch, model.modelId).toBeGreaterThanOrEqual(1);
      expect(model.contextWindow, model.modelId).toBeGreaterThan(0);
      expect(model.maxOutputTokens, model.modelId).toBeNull();
      expect(model.pricing.inputPer1k, model.modelId).toBeDefined();
      expect(model.toolUse, model.modelId).toBe(false);
    }
  });

  it('gives image models a per-image price and no token limits', () => {
    for (const model of byKind('image')) {
      expect(model.streaming, model.modelId).toBe(false);
      expect(model.contextWindow, model.modelId).toBeNull();
      expect(model.maxOutputTokens, model.modelId).toBeNull();
      expect(model.pricing.perImage, model.modelId).toBeGreaterThan(0);
      expect(model.toolUse, model.modelId).toBe(false);
    }
  });

  it('keeps every price non-negative and finite', () => {
    for (const model of MODEL_DATA) {
      for (const price of Object.values(model.pricing)) {
        expect(Number.isFinite(price) && price >= 0, model.modelId).toBe(true);
      }
    }
  });

  it('lists profiles for profile-only models and never ON_DEMAND with INFERENCE_PROFILE', () => {
    for (const model of MODEL_DATA.filter((entry) => entry.inferenceTypes.includes('INFERENCE_PROFILE'))) {
      expect(model.profiles.length, model.modelId).toBeGreaterThan(0);
      expect(model.inferenceTypes, model.modelId).not.toContain('ON_DEMAND');
    }
  });

  it('marks the models Bedrock serves only through profiles as profile-only', () => {
    const profileOnly = [
      'anthropic.claude-3-7-sonnet-20250219-v1:0',
      'anthropic.claude-sonnet-4-20250514-v1:0',
      'anthropic.claude-opus-4-20250514-v1:0',
      'anthropic.claude-opus-4-1-20250805-v1:0',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'anthropic.claude-haiku-4-5-20251001-v1:0',
      'anthropic.claude-opus-4-5-20251101-v1:0',
      'meta.llama3-2-1b-instruct-v1:0',
      'meta.llama3-2-90b-instruct-v1:0',
      'meta.llama4-maverick-17b-instruct-v1:0',
      'meta.llama4-scout-17b-instruct-v1:0',
      'amazon.nova-premier-v1:0',
    ];
    for (const id of profileOnly) {
      expect(MODEL_DATA.find((model) => model.modelId === id)?.inferenceTypes, id).toEqual([
        'INFERENCE_PROFILE',
      ]);
    }
  });

  it('requires an agreement for every marketplace provider and none for Amazon', () => {
    for (const model of MODEL_DATA) {
      expect(model.requiresAgreement, model.modelId).toBe(model.provider !== 'Amazon');
    }
  });

  it('allows tools only where the native body has a tools field', () => {
    const noNativeTools = new Set(['titan-text', 'llama2', 'llama3', 'mistral-text']);
    for (const model of byKind('chat').filter((entry) => noNativeTools.has(entry.family))) {
      expect(model.toolUse, model.modelId).toBe(false);
    }
    for (const model of MODEL_DATA.filter((entry) =>
      ['nova', 'mistral-chat', 'cohere-command-r', 'ai21-jamba'].includes(entry.family),
    )) {
      expect(model.toolUse, model.modelId).toBe(true);
    }
  });

  it('takes a system prompt on every chat model', () => {
    for (const model of byKind('chat')) {
      expect(model.systemPrompt, model.modelId).toBe(true);
    }
  });

  it('marks the retired Claude 2.x, Instant and Llama 2 models LEGACY', () => {
    const legacy = MODEL_DATA.filter((model) => model.lifecycle === 'LEGACY').map((model) => model.modelId);
    expect(legacy).toEqual(
      expect.arrayContaining([
        'anthropic.claude-v2:1',
        'anthropic.claude-instant-v1',
        'meta.llama2-13b-chat-v1',
        'meta.llama2-70b-chat-v1',
      ]),
    );
  });
});
