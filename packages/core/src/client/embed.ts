import type { EmbedRequest } from '../codec-kit/chat-types.js';
import { usageOf } from '../codec-kit/usage.js';
import { addCosts, costOfImages, costOfUsage } from '../cost/cost.js';
import { CodecError, QuarryError } from '../errors/quarry-error.js';
import { fromBedrockException } from '../errors/from-bedrock-exception.js';
import { usageFromHeaders } from './call-middleware.js';
import { embedCodecFor, type ClientContext } from './client-context.js';
import type {
  CallOptions,
  EmbedResponse,
  EmbeddingFormat,
  EmbeddingItem,
  EmbeddingVector,
} from './client-types.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { sendInvoke } from './send-invoke.js';

export interface EmbedOptions<F extends EmbeddingFormat> extends CallOptions {
  /** `float32` returns Float32Array vectors: 4 bytes a value and no per-number boxing. @default 'array' */
  readonly format?: F;
}

/**
 * Embeds many texts: batches them to the model's per-call limit (1 for Titan, 96 for Cohere), runs
 * batches with bounded concurrency, and reports a failure per item so one bad text or a failed
 * batch never loses the others. Items come back in input order.
 */
export async function embed<F extends EmbeddingFormat = 'array'>(
  context: ClientContext,
  modelId: string,
  request: EmbedRequest,
  options: EmbedOptions<F> = {},
): Promise<EmbedResponse<F>> {
  const started = context.now();
  const resolved = await context.resolver.resolveForCall(modelId, options.signal);
  const codec = embedCodecFor(context, resolved);
  const model = resolved.model;
  // Whole-request problems (no input, bad dimensions) fail the call; a bad single text fails its item.
  codec.validate(model, { ...request, texts: request.texts.length === 0 ? [] : ['x'] });
  const items = new Array<EmbeddingItem<F>>(Math.max(1, request.texts.length));
  const valid: number[] = [];
  request.texts.forEach((text, index) => {
    try {
      codec.validate(model, { ...request, texts: [text] });
      valid.push(index);
    } catch (error) {
      items[index] = { index, ok: false, error: fromBedrockException(error) };
    }
  });
  const batchSize = Math.max(1, model.maxEmbedBatch ?? 1);
  const batches: number[][] = [];
  for (let offset = 0; offset < valid.length; offset += batchSize)
    batches.push(valid.slice(offset, offset + batchSize));
  // An image-only request (multimodal models) is one body with no texts and yields one vector.
  const imageOnly = request.texts.length === 0 && request.image !== undefined;
  if (imageOnly) batches.push([]);
  items.length = imageOnly ? 1 : request.texts.length;
  // Integer and binary vectors are not unit vectors to begin with; only floats are normalised.
  const normalizeHere =
    request.normalize === true && !codec.normalizesNatively && (request.embeddingType ?? 'float') === 'float';

  let inputTokens = 0;
  // CallMeta.attempts counts tries of the call, not batches: 1 plus every batch's retries.
  let retries = 0;
  let requestId: string | undefined;
  await mapWithConcurrency(batches, context.embedConcurrency, async (batch) => {
    try {
      const body = JSON.stringify(
        codec.encodeRequest({ ...request, texts: batch.map((index) => request.texts[index] ?? '') }),
      );
      const sent = await sendInvoke(context, modelId, body, options);
      const result = codec.decodeResponse(sent.json);
      const expected = Math.max(1, batch.length);
      if (result.embeddings.length !== expected) {
        throw new CodecError(
          `Expected ${expected} embeddings from ${model.modelId}, got ${result.embeddings.length}`,
        );
      }
      inputTokens += result.inputTokens ?? usageFromHeaders(sent.headers)?.inputTokens ?? 0;
      retries += sent.attempts - 1;
      requestId ??= sent.requestId;
      (batch.length === 0 ? [0] : batch).forEach((index, position) => {
        const values = result.embeddings[position] ?? [];
        items[index] = {
          index,
          ok: true,
          vector: toVector(values, normalizeHere, options.format),
          dimensions: values.length,
        };
      });
    } catch (caught) {
      if (options.signal?.aborted === true) throw caught;
      const error =
        caught instanceof QuarryError
          ? caught
          : fromBedrockException(caught, { modelId, region: context.region });
      for (const index of batch.length === 0 ? [0] : batch) items[index] = { index, ok: false, error };
    }
  });

  const usage = usageOf(inputTokens, 0);
  const latencyMs = context.now() - started;
  context.logger.info(
    {
      event: 'bedrock.embed.done',
      modelId,
      items: items.length,
      batches: batches.length,
      durationMs: latencyMs,
    },
    'embed done',
  );
  return {
    items,
    usage,
    modelId,
    baseModelId: model.modelId,
    requestId,
    latencyMs,
    attempts: 1 + retries,
    // Multimodal models also bill every image they read; each batch re-sends it.
    cost:
      request.image === undefined
        ? costOfUsage(model, usage)
        : addCosts(costOfUsage(model, usage), costOfImages(model, batches.length)),
  };
}

function toVector<F extends EmbeddingFormat>(
  values: readonly number[],
  normalize: boolean,
  format: F | undefined,
): EmbeddingVector<F> {
  const scale = normalize ? 1 / (Math.hypot(...values) || 1) : 1;
  if (format === 'float32') {
    const vector = new Float32Array(values.length);
    for (let index = 0; index < values.length; index++) vector[index] = (values[index] ?? 0) * scale;
    return vector as EmbeddingVector<F>;
  }
  return (scale === 1 ? values : values.map((value) => value * scale)) as EmbeddingVector<F>;
}
