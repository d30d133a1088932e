import type { EmbedCodec } from '../../codec-kit/codec.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { validateEmbedRequest } from '../../codec-kit/validate-embed-request.js';
import { TitanEmbedV1ResponseSchema } from './titan-embed-v1-schemas.js';

/**
 * Titan Text Embeddings G1 (`amazon.titan-embed-text-v1`): one `inputText` per body, always 1,536
 * floats. It has no size or normalisation options, so `dimensions` (only 1536 validates) and
 * `normalize` are not sent; the client normalises when asked.
 */
export const titanEmbedV1Codec: EmbedCodec = {
  normalizesNatively: false,
  family: 'titan-embed-v1',
  validate(model, request) {
    validateEmbedRequest(model, request, { maxTexts: 1, embeddingTypes: ['float'] });
  },
  encodeRequest(request) {
    return { inputText: request.texts[0] };
  },
  decodeResponse(body) {
    const response = parseNativeBody(TitanEmbedV1ResponseSchema, body, 'Titan Embeddings v1');
    return { embeddings: [response.embedding], inputTokens: response.inputTextTokenCount };
  },
};
