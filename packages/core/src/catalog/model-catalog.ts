import { distance } from 'fastest-levenshtein';
import { ModelNotFoundError, ValidationError } from '../errors/quarry-error.js';
import type { CatalogModel } from './catalog-model.js';
import { MODEL_DATA } from './model-data.js';
import type { ModelFamily } from './model-family.js';
import {
  baseModelIdOf,
  parseModelId,
  provisionedVariantBases,
  type ModelReference,
  type ModelReferenceKind,
} from './model-id.js';

/** A model identifier matched to its catalog entry. */
export interface ResolvedModel {
  /** The identifier as the caller gave it (profile ID, ARN, …): what Bedrock must be sent. */
  readonly id: string;
  readonly reference: ModelReference;
  readonly model: CatalogModel;
}

/**
 * Names the base model behind an opaque reference (provisioned model, application inference
 * profile, imported or custom model), typically from a cache of GetProvisionedModelThroughput /
 * GetInferenceProfile answers. Returns a base model ID (a profile ID or foundation-model ARN also
 * works), or undefined when it does not know the resource.
 */
export type AliasLookup = (reference: ModelReference) => string | undefined;

/** Read-only view of the known models. Build one with `createModelCatalog`. */
export interface ModelCatalog {
  /** Every model, in data order. */
  readonly models: readonly CatalogModel[];
  /**
   * The entry for a base model ID, exact and case-sensitive as Bedrock is. Also accepts a
   * provisioned-variant ID (`anthropic.claude-3-haiku-20240307-v1:0:200k`). Never parses ARNs or
   * profile IDs: use `resolve` for those.
   */
  get(baseModelId: string): CatalogModel | undefined;
  /**
   * Matches any identifier Bedrock accepts (base ID, system profile ID, any model ARN) to its entry,
   * so family detection and pricing work whatever form the caller used. Opaque ARNs go through
   * `lookupAlias`. A profile prefix the entry does not list still resolves: the catalog's profile
   * lists are indicative, and Bedrock is the judge of which profiles exist.
   *
   * Throws ValidationError for a malformed identifier and ModelNotFoundError (with up to three
   * suggestions) for an unknown model or an opaque ARN nobody can name the model of.
   */
  resolve(id: string, lookupAlias?: AliasLookup): ResolvedModel;
  /** Like `resolve`, but undefined instead of throwing for malformed or unknown identifiers. */
  tryResolve(id: string, lookupAlias?: AliasLookup): ResolvedModel | undefined;
  /**
   * Up to `limit` base model IDs close to `id` (case-insensitive, against IDs and model names):
   * prefix and substring matches first, then by edit distance. Empty when nothing is close.
   * @default limit 3
   */
  suggest(id: string, limit?: number): readonly string[];
  /** The family (codec) of any identifier `tryResolve` accepts; undefined when unknown. */
  familyOf(id: string, lookupAlias?: AliasLookup): ModelFamily | undefined;
  /** The system inference profile IDs of a model, e.g. `us.anthropic.claude-3-haiku-20240307-v1:0`. */
  profilesOf(model: CatalogModel): readonly string[];
}

const DEFAULT_SUGGESTIONS = 3;
// Shorter queries match too much by substring ("a" is in every ID).
const MIN_SUBSTRING_QUERY = 3;
const HOW_TO_LIST = 'List the available models with listModels().';

// The control-plane call that tells which base model an opaque ARN runs.
const LOOKUP_OPERATION: Partial<Record<ModelReferenceKind, string>> = {
  'provisioned-model-arn': 'GetProvisionedModelThroughput',
  'application-inference-profile-arn': 'GetInferenceProfile',
  'custom-model-arn': 'GetCustomModel',
  'imported-model-arn': 'GetImportedModel',
};

/**
 * Builds a catalog over `models` (Quarry's built-in data by default). Indexes are built once here;
 * the catalog itself is immutable. Throws Error if two entries share a model ID.
 */
export function createModelCatalog(models: readonly CatalogModel[] = MODEL_DATA): ModelCatalog {
  const byId = new Map<string, CatalogModel>();
  for (const model of models) {
    if (byId.has(model.modelId)) throw new Error(`Duplicate catalog model ID ${model.modelId}`);
    byId.set(model.modelId, model);
  }
  const searchKeys = models.map((model) => ({
    model,
    keys: [model.modelId.toLowerCase(), model.modelName.toLowerCase()],
  }));

  function get(baseModelId: string): CatalogModel | undefined {
    const exact = byId.get(baseModelId);
    if (exact !== undefined) return exact;
    for (const candidate of provisionedVariantBases(baseModelId)) {
      const model = byId.get(candidate);
      if (model !== undefined) return model;
    }
    return undefined;
  }

  function suggest(id: string, limit = DEFAULT_SUGGESTIONS): readonly string[] {
    const query = suggestionQuery(id).toLowerCase();
    if (query === '' || limit <= 0) return [];
    const threshold = Math.max(3, Math.ceil(query.length * 0.4));
    return searchKeys
      .map(({ model, keys }) => ({ model, score: matchScore(query, keys) }))
      .filter(({ score }) => score <= threshold)
      .sort(
        (a, b) =>
          a.score - b.score ||
          legacyRank(a.model) - legacyRank(b.model) ||
          a.model.modelId.length - b.model.modelId.length,
      )
      .slice(0, limit)
      .map(({ model }) => model.modelId);
  }

  function resolve(id: string, lookupAlias?: AliasLookup): ResolvedModel {
    const reference = parseModelId(id);
    const baseModelId = baseModelIdOf(reference) ?? aliasOf(id, reference, lookupAlias);
    const model = get(baseModelId);
    if (model !== undefined) return { id, reference, model };
    const suggestions = suggest(baseModelId);
    const closest = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : '';
    const via = baseModelId === id ? '' : ` (model ${baseModelId})`;
    throw new ModelNotFoundError(id, suggestions, `Unknown model ${id}${via}.${closest} ${HOW_TO_LIST}`);
  }

  function tryResolve(id: string, lookupAlias?: AliasLookup): ResolvedModel | undefined {
    try {
      return resolve(id, lookupAlias);
    } catch (error) {
      if (error instanceof ModelNotFoundError || isModelIdValidationError(error)) return undefined;
      throw error;
    }
  }

  return {
    models,
    get,
    resolve,
    tryResolve,
    suggest,
    familyOf: (id, lookupAlias) => tryResolve(id, lookupAlias)?.model.family,
    profilesOf: (model) => model.profiles.map((prefix) => `${prefix}.${model.modelId}`),
  };
}

/** Criteria for `filterModels`; every given field must match. */
export interface ModelFilter {
  /** Case-insensitive; matches the provider name (`Mistral AI`) or the ID's provider prefix (`mistral`). */
  readonly provider?: string;
  readonly inputModality?: CatalogModel['inputModalities'][number];
  readonly outputModality?: CatalogModel['outputModalities'][number];
  readonly inferenceType?: CatalogModel['inferenceTypes'][number];
  readonly streaming?: boolean;
  readonly family?: ModelFamily;
}

/** The catalog's models that match every field of `filter`, in catalog order. */
export function filterModels(catalog: ModelCatalog, filter: ModelFilter): readonly CatalogModel[] {
  const provider = filter.provider?.trim().toLowerCase();
  return catalog.models.filter(
    (model) =>
      (provider === undefined ||
        model.provider.toLowerCase() === provider ||
        model.modelId.split('.', 1)[0]?.toLowerCase() === provider) &&
      (filter.inputModality === undefined || model.inputModalities.includes(filter.inputModality)) &&
      (filter.outputModality === undefined || model.outputModalities.includes(filter.outputModality)) &&
      (filter.inferenceType === undefined || model.inferenceTypes.includes(filter.inferenceType)) &&
      (filter.streaming === undefined || model.streaming === filter.streaming) &&
      (filter.family === undefined || model.family === filter.family),
  );
}

function aliasOf(id: string, reference: ModelReference, lookupAlias: AliasLookup | undefined): string {
  const alias = lookupAlias?.(reference);
  // An alias that is itself opaque would send us round in circles, so it counts as no answer.
  const baseModelId = alias === undefined ? undefined : baseModelIdOf(parseModelId(alias));
  if (baseModelId !== undefined) return baseModelId;
  const operation = LOOKUP_OPERATION[reference.kind] ?? 'a Get* call';
  throw new ModelNotFoundError(
    id,
    [],
    `${id} is an opaque ${reference.kind.replace(/-arn$/, '')} ARN: it does not say which model it runs, ` +
      `so Quarry must look the resource up first (${operation}) and pass a lookupAlias that names the base model. ` +
      `Or call with a base model ID or a system inference profile ID instead. ${HOW_TO_LIST}`,
  );
}

/** What to compare against the catalog: the model inside a profile ID or ARN, else the raw text. */
function suggestionQuery(id: string): string {
  try {
    return baseModelIdOf(parseModelId(id)) ?? id.trim();
  } catch {
    return id.trim();
  }
}

/**
 * 0 for a prefix match, 1 for a substring or all-words match, then 2 + the edit distance to the
 * closest key (or to the key's first query-length characters plus one, so a truncated ID with a
 * typo still finds its model).
 */
function matchScore(query: string, keys: readonly string[]): number {
  const words = query.split(/[\s._:-]+/).filter((word) => word !== '');
  let best = Number.POSITIVE_INFINITY;
  for (const key of keys) {
    if (key.startsWith(query)) return 0;
    if (query.length >= MIN_SUBSTRING_QUERY && key.includes(query)) best = Math.min(best, 1);
    // "claude haiku" or "titan embed" name a model by its words, in any order and spacing.
    if (words.length > 1 && words.every((word) => key.includes(word))) best = Math.min(best, 1);
    const full = distance(query, key);
    const truncated = key.length > query.length ? distance(query, key.slice(0, query.length)) + 1 : full;
    best = Math.min(best, 2 + Math.min(full, truncated));
  }
  return best;
}

function legacyRank(model: CatalogModel): number {
  return model.lifecycle === 'LEGACY' ? 1 : 0;
}

function isModelIdValidationError(error: unknown): boolean {
  return error instanceof ValidationError && error.field === 'modelId';
}
