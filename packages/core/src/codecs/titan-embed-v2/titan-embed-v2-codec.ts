import type { EmbedCodec } from '../../codec-kit/codec.js';
import { CodecError } from '../../errors/quarry-error.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { validateEmbedRequest } from '../../codec-kit/validate-embed-request.js';
import { TitanEmbedV2ResponseSchema } from './titan-embed-v2-schemas.js';

/**
 * Titan Text Embeddings V2 (`amazon.titan-embed-text-v2:0`): one `inputText` per body, 1024/512/256
 * dimensions, optional normalisation and `float` or `binary` vectors. Options left undefined are not
 * sent, so Bedrock's defaults (1024, normalised, float) apply.
 */
export const titanEmbedV2Codec: EmbedCodec = {
  normalizesNatively: true,
  family: 'titan-embed-v2',
  validate(model, request) {
    // Titan v2 documents up to 8,192 tokens or 50,000 characters per text.
    validateEmbedRequest(model, request, {
      maxTexts: 1,
      maxTextLength: 50_000,
      embeddingTypes: ['float', 'binary'],
    });
  },
  encodeRequest(request) {
    return {
      inputText: request.texts[0],
      ...(request.dimensions !== undefined && { dimensions: request.dimensions }),
      ...(request.normalize !== undefined && { normalize: request.normalize }),
      ...(request.embeddingType !== undefined && { embeddingTypes: [request.embeddingType] }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(TitanEmbedV2ResponseSchema, body, 'Titan Embeddings v2');
    // We ask for at most one type, so a binary vector is present only when the caller wanted binary.
    const vector =
      response.embeddingsByType?.binary ?? response.embeddingsByType?.float ?? response.embedding;
    if (vector === undefined) {
      throw new CodecError(
        'Unreadable Titan Embeddings v2 response body: neither embedding nor embeddingsByType holds a vector.',
      );
    }
    return { embeddings: [vector], inputTokens: response.inputTextTokenCount };
  },
};
