import {
  costOfImages,
  costOfUsage,
  type CatalogModel,
  type ChatRequest,
  type EmbedRequest,
  type ImageRequest,
  type ModelCatalog,
} from '@quarry/core';
import { toNanos } from './budget-ledger.js';

/** The most a call can consume, known before it goes upstream: what limits and budgets reserve. */
export interface WorstCase {
  readonly tokens: number;
  readonly costNanos: number;
}

/**
 * Tokenizers give about 4 bytes of English per token; 2 bytes per token is a safe upper bound
 * for most text (CJK and code included), so reservations rarely fall short of the real count.
 */
const BYTES_PER_TOKEN_BOUND = 2;
/** When neither the request nor the catalog bounds the output. */
const FALLBACK_MAX_OUTPUT = 4_096;

export function worstCaseOfChat(catalog: ModelCatalog, modelId: string, request: ChatRequest): WorstCase {
  let bytes = byteLength(request.system);
  for (const message of request.messages) bytes += byteLength(JSON.stringify(message.content));
  if (request.tools !== undefined) bytes += byteLength(JSON.stringify(request.tools));
  const model = catalog.tryResolve(modelId)?.model;
  return tokensCost(
    model,
    tokensOf(bytes),
    request.maxTokens ?? model?.maxOutputTokens ?? FALLBACK_MAX_OUTPUT,
  );
}

export function worstCaseOfEmbed(catalog: ModelCatalog, modelId: string, request: EmbedRequest): WorstCase {
  let input = 0;
  for (const text of request.texts) input += tokensOf(byteLength(text));
  return tokensCost(catalog.tryResolve(modelId)?.model, input, 0);
}

export function worstCaseOfImage(catalog: ModelCatalog, modelId: string, request: ImageRequest): WorstCase {
  const model = catalog.tryResolve(modelId)?.model;
  const count = request.count ?? 1;
  if (model === undefined || !Number.isInteger(count) || count < 0) return { tokens: 0, costNanos: 0 };
  return { tokens: 0, costNanos: toNanos(costOfImages(model, count).totalUsd) };
}

/** A native body: its size bounds the input; the family's max-token field (any of them) the output. */
export function worstCaseOfRaw(catalog: ModelCatalog, modelId: string, body: unknown): WorstCase {
  const model = catalog.tryResolve(modelId)?.model;
  const declared = nativeMaxTokens(body);
  return tokensCost(
    model,
    tokensOf(byteLength(JSON.stringify(body))),
    declared ?? model?.maxOutputTokens ?? FALLBACK_MAX_OUTPUT,
  );
}

function tokensCost(model: CatalogModel | undefined, input: number, output: number): WorstCase {
  const tokens = input + output;
  if (model === undefined) return { tokens, costNanos: 0 };
  return {
    tokens,
    costNanos: toNanos(
      costOfUsage(model, { inputTokens: input, outputTokens: output, totalTokens: tokens }).totalUsd,
    ),
  };
}

/** The output caps of the native bodies (Claude, Titan, Llama, Mistral/Cohere/Jamba, Nova). */
const NATIVE_MAX_FIELDS = ['max_tokens', 'maxTokenCount', 'max_gen_len', 'maxTokens', 'max_new_tokens'];

function nativeMaxTokens(body: unknown): number | undefined {
  const seen: unknown[] = [body];
  // Shallow search two levels deep (Titan's textGenerationConfig, Nova's inferenceConfig).
  for (let depth = 0; depth < 2; depth++) {
    const next: unknown[] = [];
    for (const node of seen) {
      if (typeof node !== 'object' || node === null || Array.isArray(node)) continue;
      for (const [field, value] of Object.entries(node)) {
        if (NATIVE_MAX_FIELDS.includes(field) && typeof value === 'number' && value > 0)
          return Math.ceil(value);
        next.push(value);
      }
    }
    seen.splice(0, seen.length, ...next);
  }
  return undefined;
}

function tokensOf(bytes: number): number {
  return Math.ceil(bytes / BYTES_PER_TOKEN_BOUND) + 1;
}

function byteLength(text: string | undefined): number {
  return text === undefined ? 0 : Buffer.byteLength(text);
}
