import { describe, expect, it } from 'vitest';
import { CodecError, ValidationError } from '../../errors/quarry-error.js';
import { catchError, defineEmbedCodecSuite } from '../../testing/define-codec-suite.js';
import { cohereEmbedFixtures, cohereEmbedModel } from './__fixtures__/cohere-embed-fixtures.js';
import { cohereEmbedCodec } from './cohere-embed-codec.js';

defineEmbedCodecSuite(cohereEmbedCodec, cohereEmbedFixtures);

describe('cohereEmbedCodec', () => {
  it('accepts a full batch of 96 texts of 2,048 characters', () => {
    const texts = Array.from({ length: 96 }, () => 'x'.repeat(2048));
    expect(() => {
      cohereEmbedCodec.validate(cohereEmbedModel, { texts });
    }).not.toThrow();
    expect(cohereEmbedCodec.encodeRequest({ texts })['texts']).toHaveLength(96);
  });

  it('lets a lower catalog maxEmbedBatch win over the family limit of 96', () => {
    const error = catchError(() => {
      cohereEmbedCodec.validate(
        { ...cohereEmbedModel, maxEmbedBatch: 10 },
        { texts: Array.from({ length: 11 }, () => 'a') },
      );
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('batches of 10');
  });

  it('says how many vectors came back for how many texts', () => {
    const error = catchError(() =>
      cohereEmbedCodec.decodeResponse({
        embeddings: [[0.1]],
        response_type: 'embeddings_floats',
        texts: ['a', 'b'],
      }),
    );
    expect(error).toBeInstanceOf(CodecError);
    expect((error as CodecError).message).toContain('1 embeddings for 2 texts');
  });

  it('accepts every embedding type Cohere returns', () => {
    for (const embeddingType of ['float', 'int8', 'uint8', 'binary', 'ubinary'] as const) {
      expect(() => {
        cohereEmbedCodec.validate(cohereEmbedModel, { texts: ['a'], embeddingType });
      }).not.toThrow();
      const body = { embeddings: { [embeddingType]: [[1, 2]] }, response_type: 'embeddings_by_type' };
      expect(cohereEmbedCodec.decodeResponse(body).embeddings).toEqual([[1, 2]]);
    }
  });
});
