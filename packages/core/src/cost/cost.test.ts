import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogModel } from '../catalog/catalog-model.js';
import { createModelCatalog } from '../catalog/model-catalog.js';
import { MODEL_DATA } from '../catalog/model-data.js';
import { costFor, costOfImages, costOfUsage } from './cost.js';

const catalog = createModelCatalog();
const model = (id: string): CatalogModel => catalog.get(id)!;
const usage = (inputTokens: number, outputTokens: number) => ({
  inputTokens,
  outputTokens,
  totalTokens: inputTokens + outputTokens,
});
const HAIKU_35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';

describe('costOfUsage', () => {
  it('prices input and output tokens per 1K', () => {
    expect(costOfUsage(model(HAIKU_35), usage(1000, 1000))).toEqual({
      inputUsd: 0.0008,
      outputUsd: 0.004,
      totalUsd: 0.0048,
      priced: true,
    });
  });

  it('rounds away float noise', () => {
    const cost = costOfUsage(model('amazon.nova-micro-v1:0'), usage(3, 7));
    expect(cost.inputUsd).toBe(0.000000105);
    expect(cost.outputUsd).toBe(0.00000098);
    expect(cost.totalUsd).toBe(0.000001085);
  });

  it('prices an embedding call on input tokens alone', () => {
    expect(costOfUsage(model('amazon.titan-embed-text-v2:0'), usage(5000, 0))).toEqual({
      inputUsd: 0.0001,
      outputUsd: 0,
      totalUsd: 0.0001,
      priced: true,
    });
  });

  it('is unpriced when the model has no token prices', () => {
    expect(costOfUsage(model('stability.sd3-5-large-v1:0'), usage(10, 0))).toEqual({
      inputUsd: 0,
      outputUsd: 0,
      totalUsd: 0,
      priced: false,
    });
  });

  it('is unpriced when output tokens have no price', () => {
    expect(costOfUsage(model('cohere.embed-english-v3'), usage(10, 5)).priced).toBe(false);
  });

  it('costs nothing but counts as priced when no tokens were used', () => {
    expect(costOfUsage(model(HAIKU_35), usage(0, 0))).toEqual({
      inputUsd: 0,
      outputUsd: 0,
      totalUsd: 0,
      priced: true,
    });
  });

  it('throws RangeError for a negative or non-finite token count', () => {
    expect(() => costOfUsage(model(HAIKU_35), usage(-1, 0))).toThrow(RangeError);
    expect(() => costOfUsage(model(HAIKU_35), usage(0, Number.NaN))).toThrow(RangeError);
  });

  it('keeps the total equal to input plus output within rounding (property)', () => {
    const priced = MODEL_DATA.filter(
      (entry) => entry.pricing.inputPer1k !== undefined && entry.pricing.outputPer1k !== undefined,
    );
    const tokens = fc.integer({ min: 0, max: 2_000_000 });
    fc.assert(
      fc.property(fc.constantFrom(...priced), tokens, tokens, (entry, input, output) => {
        const cost = costOfUsage(entry, usage(input, output));
        expect(cost.priced).toBe(true);
        expect(cost.inputUsd).toBeGreaterThanOrEqual(0);
        expect(cost.outputUsd).toBeGreaterThanOrEqual(0);
        expect(Math.abs(cost.totalUsd - (cost.inputUsd + cost.outputUsd))).toBeLessThanOrEqual(2e-9);
      }),
    );
  });
});

describe('costOfImages', () => {
  it('prices generated images as output', () => {
    expect(costOfImages(model('amazon.nova-canvas-v1:0'), 3)).toEqual({
      inputUsd: 0,
      outputUsd: 0.12,
      totalUsd: 0.12,
      priced: true,
    });
  });

  it('prices images an embedding model reads as input', () => {
    expect(costOfImages(model('amazon.titan-embed-image-v1'), 2)).toEqual({
      inputUsd: 0.00012,
      outputUsd: 0,
      totalUsd: 0.00012,
      priced: true,
    });
  });

  it('is unpriced when the model has no per-image price', () => {
    expect(costOfImages(model(HAIKU_35), 1).priced).toBe(false);
  });

  it('throws RangeError for a negative or fractional count', () => {
    expect(() => costOfImages(model('amazon.nova-canvas-v1:0'), -1)).toThrow(RangeError);
    expect(() => costOfImages(model('amazon.nova-canvas-v1:0'), 1.5)).toThrow(RangeError);
  });
});

describe('costFor', () => {
  it('prices an inference-profile ID as its base model', () => {
    expect(costFor(catalog, `us.${HAIKU_35}`, usage(1000, 1000))).toEqual({
      inputUsd: 0.0008,
      outputUsd: 0.004,
      totalUsd: 0.0048,
      priced: true,
    });
  });

  it('prices ARNs as their base model', () => {
    const expected = costOfUsage(model(HAIKU_35), usage(1234, 567));
    expect(
      costFor(catalog, `arn:aws:bedrock:us-west-2::foundation-model/${HAIKU_35}`, usage(1234, 567)),
    ).toEqual(expected);
    expect(
      costFor(
        catalog,
        `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${HAIKU_35}`,
        usage(1234, 567),
      ),
    ).toEqual(expected);
  });

  it('prices an opaque ARN through lookupAlias', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123def456';
    expect(costFor(catalog, arn, usage(1000, 1000), () => HAIKU_35).totalUsd).toBe(0.0048);
    expect(costFor(catalog, arn, usage(1000, 1000)).priced).toBe(false);
  });

  it('is unpriced instead of throwing for unknown or malformed IDs', () => {
    expect(costFor(catalog, 'openai.gpt-9', usage(10, 10))).toEqual({
      inputUsd: 0,
      outputUsd: 0,
      totalUsd: 0,
      priced: false,
    });
    expect(costFor(catalog, '', usage(10, 10)).priced).toBe(false);
  });
});
