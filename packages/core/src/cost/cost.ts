import type { CatalogModel } from '../catalog/catalog-model.js';
import type { AliasLookup, ModelCatalog } from '../catalog/model-catalog.js';
import type { Usage } from '../codec-kit/chat-types.js';

/**
 * What a call cost at the catalog's on-demand list prices, in USD rounded to 1e-9 (so sums of
 * float prices print cleanly). Approximate: the catalog's prices are, and discounts, caching and
 * provisioned throughput are not modelled.
 */
export interface Cost {
  readonly inputUsd: number;
  readonly outputUsd: number;
  readonly totalUsd: number;
  /** False when the catalog has no price for this usage; every amount is then 0, not "free". */
  readonly priced: boolean;
}

const UNPRICED: Cost = Object.freeze({ inputUsd: 0, outputUsd: 0, totalUsd: 0, priced: false });

/**
 * Token cost of one call. Unpriced (zeros, `priced: false`) when the model has no token prices or
 * lacks the price for a token count that is not zero (e.g. output tokens on a model priced only
 * for input). Throws RangeError for a negative or non-finite token count.
 */
export function costOfUsage(model: Pick<CatalogModel, 'pricing'>, usage: Usage): Cost {
  checkCount('usage.inputTokens', usage.inputTokens);
  checkCount('usage.outputTokens', usage.outputTokens);
  const { inputPer1k, outputPer1k } = model.pricing;
  if (inputPer1k === undefined && outputPer1k === undefined) return UNPRICED;
  if (usage.inputTokens > 0 && inputPer1k === undefined) return UNPRICED;
  if (usage.outputTokens > 0 && outputPer1k === undefined) return UNPRICED;
  return cost(
    (usage.inputTokens * (inputPer1k ?? 0)) / 1000,
    (usage.outputTokens * (outputPer1k ?? 0)) / 1000,
  );
}

/**
 * Cost of `count` images at the model's `perImage` price: generated images count as output, and
 * images an embedding model reads (Titan Multimodal Embeddings) as input. Unpriced when the model
 * has no per-image price. Throws RangeError unless `count` is a non-negative integer.
 */
export function costOfImages(model: CatalogModel, count: number): Cost {
  checkCount('count', count);
  if (!Number.isInteger(count)) throw new RangeError(`count must be a whole number of images, got ${count}`);
  const { perImage } = model.pricing;
  if (perImage === undefined) return UNPRICED;
  const amount = count * perImage;
  return model.outputModalities.includes('IMAGE') ? cost(0, amount) : cost(amount, 0);
}

/**
 * `costOfUsage` for any identifier the catalog resolves (profile IDs and ARNs price as their base
 * model; cross-region inference costs the same as the source region). Unpriced instead of
 * throwing when the model is unknown or the identifier malformed: accounting must not fail a call
 * that Bedrock already served.
 */
export function costFor(
  catalog: ModelCatalog,
  modelId: string,
  usage: Usage,
  lookupAlias?: AliasLookup,
): Cost {
  const resolved = catalog.tryResolve(modelId, lookupAlias);
  return resolved === undefined ? UNPRICED : costOfUsage(resolved.model, usage);
}

/** The sum of several costs; unpriced if any part is (a partial sum would understate the bill). */
export function addCosts(...costs: readonly Cost[]): Cost {
  if (costs.some((part) => !part.priced)) return UNPRICED;
  return cost(
    costs.reduce((sum, part) => sum + part.inputUsd, 0),
    costs.reduce((sum, part) => sum + part.outputUsd, 0),
  );
}

function cost(inputUsd: number, outputUsd: number): Cost {
  return {
    inputUsd: round(inputUsd),
    outputUsd: round(outputUsd),
    totalUsd: round(inputUsd + outputUsd),
    priced: true,
  };
}

// Billing granularity far below a cent; removes float noise such as 0.0048000000000000004.
function round(usd: number): number {
  return Math.round(usd * 1e9) / 1e9;
}

function checkCount(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${field} must be a non-negative number, got ${value}`);
}
