import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { ModelNotFoundError, ValidationError } from '../errors/quarry-error.js';
import type { CatalogModel } from './catalog-model.js';
import { createModelCatalog, filterModels } from './model-catalog.js';
import { MODEL_DATA } from './model-data.js';

const catalog = createModelCatalog();
const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const ACCOUNT = '123456789012';
const PROVISIONED_ARN = `arn:aws:bedrock:us-east-1:${ACCOUNT}:provisioned-model/abc123def456`;

function notFound(run: () => unknown): ModelNotFoundError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelNotFoundError);
    return error as ModelNotFoundError;
  }
  throw new Error('expected ModelNotFoundError');
}

describe('createModelCatalog', () => {
  it('uses the built-in data by default', () => {
    expect(catalog.models).toBe(MODEL_DATA);
  });

  it('refuses data with duplicate model IDs', () => {
    const [first] = MODEL_DATA;
    expect(() => createModelCatalog([first!, first!])).toThrow(/Duplicate catalog model ID/);
  });

  it('serves only the models it was built with', () => {
    const [first] = MODEL_DATA;
    const small = createModelCatalog([first!]);
    expect(small.models).toEqual([first]);
    expect(small.get(HAIKU)).toBeUndefined();
  });
});

describe('ModelCatalog.get', () => {
  it('finds a model by exact base ID', () => {
    expect(catalog.get(HAIKU)?.modelName).toBe('Claude 3 Haiku');
  });

  it('returns undefined for profile IDs, ARNs and wrong case', () => {
    expect(catalog.get(`us.${HAIKU}`)).toBeUndefined();
    expect(catalog.get(`arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`)).toBeUndefined();
    expect(catalog.get(HAIKU.toUpperCase())).toBeUndefined();
  });

  it('tolerates provisioned-variant suffixes', () => {
    expect(catalog.get(`${HAIKU}:200k`)?.modelId).toBe(HAIKU);
    expect(catalog.get('amazon.titan-text-express-v1:0:8k')?.modelId).toBe('amazon.titan-text-express-v1');
    expect(catalog.get('anthropic.claude-v2:1:200k')?.modelId).toBe('anthropic.claude-v2:1');
    expect(catalog.get('anthropic.claude-v2:0:100k')?.modelId).toBe('anthropic.claude-v2');
    expect(catalog.get('cohere.embed-english-v3:0:512')?.modelId).toBe('cohere.embed-english-v3');
  });

  it('does not strip a plain version suffix', () => {
    expect(catalog.get('amazon.titan-text-express-v1:0')).toBeUndefined();
  });
});

describe('ModelCatalog.resolve', () => {
  it('resolves a base ID to its entry', () => {
    const resolved = catalog.resolve(HAIKU);
    expect(resolved).toEqual({
      id: HAIKU,
      reference: { kind: 'foundation-model', modelId: HAIKU },
      model: catalog.get(HAIKU),
    });
  });

  it('resolves profile IDs and every transparent ARN to the base entry', () => {
    const model = catalog.get(HAIKU);
    for (const id of [
      `us.${HAIKU}`,
      `arn:aws:bedrock:us-west-2::foundation-model/${HAIKU}`,
      `arn:aws:bedrock:eu-west-1:${ACCOUNT}:inference-profile/eu.${HAIKU}`,
      `arn:aws:bedrock:us-east-1:${ACCOUNT}:custom-model/${HAIKU}:200k/abc123xyz`,
      `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}:0:48k`,
    ]) {
      const resolved = catalog.resolve(id);
      expect(resolved.model, id).toBe(model);
      expect(resolved.id, id).toBe(id);
    }
  });

  it('resolves the embedded base of a custom-model ARN with a :N:8k suffix', () => {
    const arn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:custom-model/amazon.titan-text-express-v1:0:8k/abc123xyz`;
    expect(catalog.resolve(arn).model.modelId).toBe('amazon.titan-text-express-v1');
  });

  it('resolves every listed profile of every model to that model (property)', () => {
    const withProfiles = MODEL_DATA.filter((model) => model.profiles.length > 0);
    const pair = fc
      .constantFrom(...withProfiles)
      .chain((model) => fc.tuple(fc.constant(model), fc.constantFrom(...model.profiles)));
    fc.assert(
      fc.property(pair, ([model, prefix]) => {
        const resolved = catalog.resolve(`${prefix}.${model.modelId}`);
        expect(resolved.model).toBe(model);
        expect(resolved.reference).toMatchObject({ kind: 'system-inference-profile', prefix });
      }),
    );
  });

  it('resolves foundation-model ARNs of every model in any region (property)', () => {
    const region = fc.constantFrom('us-east-1', 'us-west-2', 'eu-central-1', 'ap-southeast-2');
    fc.assert(
      fc.property(fc.constantFrom(...MODEL_DATA), region, (model, where) => {
        expect(catalog.resolve(`arn:aws:bedrock:${where}::foundation-model/${model.modelId}`).model).toBe(
          model,
        );
      }),
    );
  });

  it('resolves an opaque ARN through lookupAlias', () => {
    const lookupAlias = vi.fn(() => HAIKU);
    const resolved = catalog.resolve(PROVISIONED_ARN, lookupAlias);
    expect(resolved.model.modelId).toBe(HAIKU);
    expect(resolved.reference.kind).toBe('provisioned-model-arn');
    expect(lookupAlias).toHaveBeenCalledWith(resolved.reference);
  });

  it('accepts a foundation-model ARN with a variant suffix from lookupAlias', () => {
    const alias = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2:0:100k';
    expect(catalog.resolve(PROVISIONED_ARN, () => alias).model.modelId).toBe('anthropic.claude-v2');
  });

  it('does not ask lookupAlias about transparent references', () => {
    const lookupAlias = vi.fn(() => 'amazon.nova-pro-v1:0');
    expect(catalog.resolve(`us.${HAIKU}`, lookupAlias).model.modelId).toBe(HAIKU);
    expect(lookupAlias).not.toHaveBeenCalled();
  });

  it('explains that Quarry must look up an opaque ARN when no alias is known', () => {
    const error = notFound(() => catalog.resolve(PROVISIONED_ARN));
    expect(error.modelId).toBe(PROVISIONED_ARN);
    expect(error.suggestions).toEqual([]);
    expect(error.message).toContain('provisioned-model ARN');
    expect(error.message).toContain('must look the resource up first');
    expect(notFound(() => catalog.resolve(PROVISIONED_ARN, () => undefined)).message).toContain(
      'look the resource up',
    );
  });

  it('names the control-plane call that identifies each kind of opaque ARN', () => {
    const profile = `arn:aws:bedrock:us-east-1:${ACCOUNT}:application-inference-profile/a1b2c3d4e5f6`;
    expect(notFound(() => catalog.resolve(profile)).message).toContain('GetInferenceProfile');
    expect(notFound(() => catalog.resolve(PROVISIONED_ARN)).message).toContain(
      'GetProvisionedModelThroughput',
    );
    const custom = `arn:aws:bedrock:us-east-1:${ACCOUNT}:custom-model/abc123xyz`;
    expect(notFound(() => catalog.resolve(custom)).message).toContain('GetCustomModel');
  });

  it('treats an alias that is itself opaque as unknown', () => {
    const error = notFound(() => catalog.resolve(PROVISIONED_ARN, () => PROVISIONED_ARN));
    expect(error.message).toContain('look the resource up');
  });

  it('suggests close matches and says how to list models when the ID is unknown', () => {
    const error = notFound(() => catalog.resolve('anthropic.claude-3-haiku'));
    expect(error.code).toBe('MODEL_NOT_FOUND');
    expect(error.suggestions[0]).toBe(HAIKU);
    expect(error.suggestions.length).toBeLessThanOrEqual(3);
    expect(error.message).toContain(`Did you mean ${HAIKU}`);
    expect(error.message).toContain('listModels()');
  });

  it('suggests base IDs for an unknown model behind a profile ID', () => {
    const error = notFound(() => catalog.resolve('us.anthropic.claude-3-haiku'));
    expect(error.modelId).toBe('us.anthropic.claude-3-haiku');
    expect(error.suggestions[0]).toBe(HAIKU);
    expect(error.message).toContain('(model anthropic.claude-3-haiku)');
  });

  it('throws ValidationError for a malformed ID', () => {
    expect(() => catalog.resolve('')).toThrow(ValidationError);
    expect(() => catalog.resolve('arn:aws:s3:::bucket/key')).toThrow(ValidationError);
  });
});

describe('ModelCatalog.tryResolve', () => {
  it('returns the resolved model for a known ID', () => {
    expect(catalog.tryResolve(`global.anthropic.claude-sonnet-4-5-20250929-v1:0`)?.model.modelName).toBe(
      'Claude Sonnet 4.5',
    );
  });

  it('returns undefined for unknown, malformed and unaliased opaque IDs', () => {
    expect(catalog.tryResolve('openai.gpt-9')).toBeUndefined();
    expect(catalog.tryResolve('')).toBeUndefined();
    expect(catalog.tryResolve('arn:aws:s3:::bucket/key')).toBeUndefined();
    expect(catalog.tryResolve(PROVISIONED_ARN)).toBeUndefined();
  });

  it('lets errors thrown by lookupAlias propagate', () => {
    const failure = new Error('lookup failed');
    expect(() =>
      catalog.tryResolve(PROVISIONED_ARN, () => {
        throw failure;
      }),
    ).toThrow(failure);
  });
});

describe('ModelCatalog.suggest', () => {
  it('ranks a prefix match first', () => {
    expect(catalog.suggest('anthropic.claude-3-haiku')[0]).toBe(HAIKU);
    expect(catalog.suggest('meta.llama3-8b')[0]).toBe('meta.llama3-8b-instruct-v1:0');
  });

  it('matches case-insensitively against model names', () => {
    expect(catalog.suggest('NOVA PRO')).toContain('amazon.nova-pro-v1:0');
    expect(catalog.suggest('Claude Sonnet 4.5')[0]).toBe('anthropic.claude-sonnet-4-5-20250929-v1:0');
  });

  it('matches every word of a multi-word query in any order', () => {
    expect(catalog.suggest('titan embed', 5)).toEqual(
      expect.arrayContaining([
        'amazon.titan-embed-text-v1',
        'amazon.titan-embed-text-v2:0',
        'amazon.titan-embed-image-v1',
      ]),
    );
    expect(catalog.suggest('haiku claude', 5)).toEqual(
      expect.arrayContaining([
        'anthropic.claude-3-haiku-20240307-v1:0',
        'anthropic.claude-3-5-haiku-20241022-v1:0',
        'anthropic.claude-haiku-4-5-20251001-v1:0',
      ]),
    );
  });

  it('finds a model from a typo', () => {
    expect(catalog.suggest('amazon.titan-embed-text-v3:0')[0]).toBe('amazon.titan-embed-text-v2:0');
    expect(catalog.suggest('anthropic.claude-3-haiku-20240307-v1:1')[0]).toBe(HAIKU);
    expect(catalog.suggest('anthropic.claud-3-haiku')[0]).toBe(HAIKU);
  });

  it('strips profile prefixes and ARNs before comparing', () => {
    expect(catalog.suggest('us.anthropic.claude-3-haiku')[0]).toBe(HAIKU);
    expect(catalog.suggest('arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku')[0]).toBe(
      HAIKU,
    );
  });

  it('returns at most limit suggestions, preferring active models', () => {
    const suggestions = catalog.suggest('claude', 5);
    expect(suggestions).toHaveLength(5);
    const lifecycles = suggestions.map((id) => catalog.get(id)?.lifecycle);
    expect(lifecycles.every((status) => status === 'ACTIVE')).toBe(true);
  });

  it('returns nothing when no model is close', () => {
    expect(catalog.suggest('gpt-4o')).toEqual([]);
    expect(catalog.suggest('')).toEqual([]);
    expect(catalog.suggest(HAIKU, 0)).toEqual([]);
  });
});

describe('ModelCatalog.familyOf', () => {
  it('returns the family of base IDs, profile IDs and ARNs', () => {
    expect(catalog.familyOf('amazon.titan-embed-text-v2:0')).toBe('titan-embed-v2');
    expect(catalog.familyOf('us.meta.llama3-2-11b-instruct-v1:0')).toBe('llama3');
    expect(catalog.familyOf('arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-canvas-v1:0')).toBe(
      'titan-image',
    );
    expect(catalog.familyOf(PROVISIONED_ARN, () => 'mistral.mistral-large-2407-v1:0')).toBe('mistral-chat');
  });

  it('returns undefined for unknown or malformed IDs', () => {
    expect(catalog.familyOf('openai.gpt-9')).toBeUndefined();
    expect(catalog.familyOf('not a model')).toBeUndefined();
  });
});

describe('ModelCatalog.profilesOf', () => {
  it('lists the system profile IDs of a model', () => {
    expect(catalog.profilesOf(catalog.get(HAIKU)!)).toEqual([`us.${HAIKU}`, `eu.${HAIKU}`, `apac.${HAIKU}`]);
  });

  it('returns an empty list for a model without profiles', () => {
    expect(catalog.profilesOf(catalog.get('amazon.titan-text-express-v1')!)).toEqual([]);
  });
});

describe('filterModels', () => {
  const ids = (models: readonly CatalogModel[]) => models.map((model) => model.modelId);

  it('returns every model for an empty filter', () => {
    expect(filterModels(catalog, {})).toEqual(MODEL_DATA);
  });

  it('matches the provider case-insensitively, by name or ID prefix', () => {
    const anthropic = filterModels(catalog, { provider: 'anthropic' });
    expect(anthropic.length).toBeGreaterThan(10);
    expect(anthropic.every((model) => model.provider === 'Anthropic')).toBe(true);
    expect(filterModels(catalog, { provider: 'Anthropic' })).toEqual(anthropic);
    expect(filterModels(catalog, { provider: 'MISTRAL AI' })).toEqual(
      filterModels(catalog, { provider: 'mistral' }),
    );
    expect(filterModels(catalog, { provider: 'ai21' }).map((model) => model.provider)).toEqual([
      'AI21 Labs',
      'AI21 Labs',
    ]);
    expect(filterModels(catalog, { provider: 'nobody' })).toEqual([]);
  });

  it('filters by modality, inference type, streaming and family together', () => {
    const embedders = filterModels(catalog, { outputModality: 'EMBEDDING' });
    expect(ids(embedders)).toContain('cohere.embed-english-v3');
    expect(embedders.every((model) => !model.streaming)).toBe(true);
    expect(ids(filterModels(catalog, { inputModality: 'VIDEO' }))).toEqual([
      'amazon.nova-lite-v1:0',
      'amazon.nova-pro-v1:0',
      'amazon.nova-premier-v1:0',
    ]);
    const profileOnly = filterModels(catalog, { inferenceType: 'INFERENCE_PROFILE', provider: 'amazon' });
    expect(ids(profileOnly)).toEqual(['amazon.nova-premier-v1:0']);
    expect(filterModels(catalog, { streaming: false, outputModality: 'TEXT' })).toEqual([]);
    expect(ids(filterModels(catalog, { family: 'titan-embed-image' }))).toEqual([
      'amazon.titan-embed-image-v1',
    ]);
  });
});
