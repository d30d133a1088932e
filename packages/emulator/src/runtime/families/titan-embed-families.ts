import { createHash } from 'node:crypto';

import type { CatalogModel } from '@quarry/core/catalog';
import { z } from 'zod';

import { synthesizeEmbedding } from '../../synthetic/synthetic-embedding.js';
import { countTokens } from '../../synthetic/synthetic-text.js';
import { malformedInput, parseNativeBody } from '../malformed-input.js';
import type { EmbedFamily } from './family.js';

const TitanEmbedV1Request = z.looseObject({ inputText: z.string().min(1) });

const TitanEmbedV2Request = z.looseObject({
  inputText: z.string().min(1),
  dimensions: z.int().optional(),
  normalize: z.boolean().optional(),
  embeddingTypes: z
    .array(z.enum(['float', 'binary']))
    .min(1)
    .optional(),
});

const TitanEmbedImageRequest = z.looseObject({
  inputText: z.string().min(1).optional(),
  inputImage: z.string().min(1).optional(),
  embeddingConfig: z.looseObject({ outputEmbeddingLength: z.int() }).optional(),
});

/** Titan Text Embeddings G1: 1,536 dimensions, not normalized (bedrock-protocol.md §5.3). */
export const titanEmbedV1Family: EmbedFamily = {
  kind: 'embed',
  embed(body, model) {
    const request = parseNativeBody(TitanEmbedV1Request, body);
    const inputTokens = countTokens(request.inputText);
    const embedding = synthesizeEmbedding(request.inputText, defaultDimensions(model), false);
    return { body: { embedding, inputTextTokenCount: inputTokens }, inputTokens };
  },
};

/** Titan Text Embeddings V2: 1024/512/256 dimensions, normalized by default, optional binary. */
export const titanEmbedV2Family: EmbedFamily = {
  kind: 'embed',
  embed(body, model) {
    const request = parseNativeBody(TitanEmbedV2Request, body);
    const dimensions = checkDimensions(model, request.dimensions, '#/dimensions');
    const inputTokens = countTokens(request.inputText);
    const embedding = synthesizeEmbedding(request.inputText, dimensions, request.normalize ?? true);
    const types = request.embeddingTypes ?? ['float'];
    return {
      body: {
        embedding,
        inputTextTokenCount: inputTokens,
        // `float` is always present, whatever embeddingTypes asked for (§5.3).
        embeddingsByType: {
          float: embedding,
          ...(types.includes('binary') ? { binary: embedding.map((value) => (value > 0 ? 1 : 0)) } : {}),
        },
      },
      inputTokens,
    };
  },
};

/** Titan Multimodal Embeddings G1: text, image or both into one vector. */
export const titanEmbedImageFamily: EmbedFamily = {
  kind: 'embed',
  embed(body, model) {
    const request = parseNativeBody(TitanEmbedImageRequest, body);
    if (request.inputText === undefined && request.inputImage === undefined) {
      throw malformedInput(['#: required key [inputText] not found#: required key [inputImage] not found']);
    }
    const dimensions = checkDimensions(
      model,
      request.embeddingConfig?.outputEmbeddingLength,
      '#/embeddingConfig/outputEmbeddingLength',
    );
    // Images are hashed, not seen: the same image embeds the same way, different images differ.
    const imageWords =
      request.inputImage === undefined
        ? ''
        : ` image${createHash('sha256').update(request.inputImage).digest('hex').slice(0, 16)}`;
    const inputTokens = request.inputText === undefined ? 0 : countTokens(request.inputText);
    const embedding = synthesizeEmbedding(`${request.inputText ?? ''}${imageWords}`, dimensions, true);
    return { body: { embedding, inputTextTokenCount: inputTokens, message: null }, inputTokens };
  },
};

function defaultDimensions(model: CatalogModel): number {
  return model.embeddingDimensions?.[0] ?? 1024;
}

function checkDimensions(model: CatalogModel, requested: number | undefined, pointer: string): number {
  if (requested === undefined) return defaultDimensions(model);
  const allowed = model.embeddingDimensions ?? [defaultDimensions(model)];
  if (!allowed.includes(requested))
    throw malformedInput([`${pointer}: ${requested} is not a valid enum value`]);
  return requested;
}
