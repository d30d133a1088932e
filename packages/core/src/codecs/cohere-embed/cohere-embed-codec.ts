import { CodecError } from '../../errors/quarry-error.js';
import type { EmbeddingType } from '../../codec-kit/chat-types.js';
import type { EmbedCodec } from '../../codec-kit/codec.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { validateEmbedRequest } from '../../codec-kit/validate-embed-request.js';
import { CohereEmbedResponseSchema, type CohereEmbedResponse } from './cohere-embed-schemas.js';

const WHAT = 'Cohere Embed';

/** Order in which a by-type body is read. We ask for one type, so only one key is ever present. */
const TYPE_PREFERENCE = [
  'float',
  'int8',
  'uint8',
  'binary',
  'ubinary',
] as const satisfies readonly EmbeddingType[];

const TRUNCATE = { none: 'NONE', start: 'START', end: 'END' } as const;

/**
 * Cohere Embed v3 (`cohere.embed-english-v3`, `cohere.embed-multilingual-v3`): up to 96 texts of at most
 * 2,048 characters per body, 1,024 dimensions. The body carries no token count: the client reads
 * `x-amzn-bedrock-input-token-count`. `normalize` is not sent (the client normalises when asked).
 */
export const cohereEmbedCodec: EmbedCodec = {
  normalizesNatively: false,
  family: 'cohere-embed',
  validate(model, request) {
    validateEmbedRequest(model, request, {
      maxTexts: 96,
      maxTextLength: 2048,
      embeddingTypes: ['float', 'int8', 'uint8', 'binary', 'ubinary'],
    });
  },
  encodeRequest(request) {
    return {
      texts: request.texts,
      // Required by Cohere v3; search_document suits the common case of indexing.
      input_type: request.inputType ?? 'search_document',
      ...(request.truncate !== undefined && { truncate: TRUNCATE[request.truncate] }),
      ...(request.embeddingType !== undefined && { embedding_types: [request.embeddingType] }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(CohereEmbedResponseSchema, body, WHAT);
    const embeddings = vectorsOf(response);
    if (embeddings.length === 0) throw new CodecError(`${WHAT} returned no embeddings.`);
    if (response.texts !== undefined && response.texts.length !== embeddings.length) {
      throw new CodecError(
        `${WHAT} returned ${embeddings.length} embeddings for ${response.texts.length} texts; expected one per text.`,
      );
    }
    const size = embeddings[0]?.length;
    if (embeddings.some((vector) => vector.length !== size)) {
      throw new CodecError(
        `${WHAT} returned vectors of different lengths; expected ${String(size)} values each.`,
      );
    }
    return { embeddings, inputTokens: undefined };
  },
};

function vectorsOf(response: CohereEmbedResponse): readonly (readonly number[])[] {
  if (response.response_type === 'embeddings_floats') return response.embeddings;
  for (const type of TYPE_PREFERENCE) {
    const vectors = response.embeddings[type];
    if (vectors !== undefined) return vectors;
  }
  throw new CodecError(`${WHAT} returned embeddings_by_type without any of ${TYPE_PREFERENCE.join(', ')}.`);
}
