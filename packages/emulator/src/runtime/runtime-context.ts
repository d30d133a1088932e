import type { CatalogModel, ModelCatalog } from '@quarry/core/catalog';

import type { StatsRecorder } from '../http/emulator-stats.js';
import { BedrockHttpError, type EmulatorRequest } from '../http/emulator-request.js';
import type { Latency } from '../latency.js';
import type { ImageSynthesizer } from '../synthetic/synthetic-image.js';
import type { ChatPrompt } from './chat/chat-prompt.js';
import { generateReply, type Reply } from './chat/generate-reply.js';
import type { ModelLookups } from './resolve-target.js';

/** What every runtime operation of one emulator instance shares. */
export interface RuntimeContext {
  readonly catalog: ModelCatalog;
  readonly lookups: ModelLookups;
  readonly latency: Latency;
  readonly stats: StatsRecorder;
  readonly images: ImageSynthesizer;
}

/** Request header forcing the output length of a synthetic reply (README "Determinism"). */
export const OUTPUT_TOKENS_HEADER = 'x-quarry-output-tokens';

/**
 * Generates the reply to a chat prompt after the checks Bedrock makes on `maxTokens` and the prompt's
 * length. Throws ValidationException when the request asks for more output than the model allows,
 * or its input does not fit the model's context window.
 */
export function replyTo(model: CatalogModel, prompt: ChatPrompt, request: EmulatorRequest): Reply {
  const limit = model.maxOutputTokens ?? 4096;
  if (prompt.maxTokens !== undefined && prompt.maxTokens > limit) {
    throw new BedrockHttpError(
      400,
      'ValidationException',
      `The maximum tokens you requested exceeds the model limit of ${limit}. Try again with a maximum tokens value that is lower than ${limit}.`,
    );
  }
  const reply = generateReply(model.modelId, prompt, {
    defaultMaxTokens: limit,
    forcedOutputTokens: forcedOutputTokens(request),
  });
  if (model.contextWindow !== null && reply.inputTokens > model.contextWindow) {
    // Bedrock's own words for a prompt over the context window.
    throw new BedrockHttpError(400, 'ValidationException', 'Input is too long for requested model.');
  }
  return reply;
}

function forcedOutputTokens(request: EmulatorRequest): number | undefined {
  const header = request.headers[OUTPUT_TOKENS_HEADER];
  if (header === undefined || header === '') return undefined;
  const value = Number(header);
  if (!Number.isInteger(value) || value < 0) {
    throw new BedrockHttpError(
      400,
      'ValidationException',
      `Invalid ${OUTPUT_TOKENS_HEADER} header "${header}": expected a non-negative integer.`,
    );
  }
  return value;
}

/** Milliseconds since `started` (a `performance.now()` reading), rounded like Bedrock's headers. */
export function elapsedMs(started: number): number {
  return Math.round(performance.now() - started);
}

/** Bedrock's padding field on stream events (§2.3): random length there, deterministic here. */
export function padding(index: number): string {
  return PADDING.slice(0, 1 + ((index * 7) % PADDING.length));
}

const PADDING = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456';
