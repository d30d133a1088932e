import { CodecError } from '../../errors/quarry-error.js';
import type { EmbedCodec } from '../../codec-kit/codec.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { validateEmbedRequest } from '../../codec-kit/validate-embed-request.js';
import { TitanEmbedImageResponseSchema } from './titan-embed-image-schemas.js';

/**
 * Titan Multimodal Embeddings G1 (`amazon.titan-embed-image-v1`): at most one text and one image per
 * body, which the model embeds into one joint vector of 1024 (default), 384 or 256 floats.
 */
export const titanEmbedImageCodec: EmbedCodec = {
  normalizesNatively: false,
  family: 'titan-embed-image',
  validate(model, request) {
    validateEmbedRequest(model, request, { maxTexts: 1, embeddingTypes: ['float'], acceptsImage: true });
  },
  encodeRequest(request) {
    const text = request.texts[0];
    return {
      ...(text !== undefined && { inputText: text }),
      ...(request.image !== undefined && { inputImage: request.image }),
      ...(request.dimensions !== undefined && {
        embeddingConfig: { outputEmbeddingLength: request.dimensions },
      }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(TitanEmbedImageResponseSchema, body, 'Titan Multimodal Embeddings');
    if (response.embedding === undefined) {
      const reason = typeof response.message === 'string' ? `: ${response.message}` : '';
      throw new CodecError(`Titan Multimodal Embeddings returned no embedding${reason}.`);
    }
    return { embeddings: [response.embedding], inputTokens: response.inputTextTokenCount };
  },
};
