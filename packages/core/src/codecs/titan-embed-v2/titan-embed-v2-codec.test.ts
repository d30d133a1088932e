import { describe, expect, it } from 'vitest';
import { catchError, defineEmbedCodecSuite } from '../../testing/define-codec-suite.js';
import { ValidationError } from '../../errors/quarry-error.js';
import { titanEmbedV2Fixtures, titanEmbedV2Model } from './__fixtures__/titan-embed-v2-fixtures.js';
import { titanEmbedV2Codec } from './titan-embed-v2-codec.js';

defineEmbedCodecSuite(titanEmbedV2Codec, titanEmbedV2Fixtures);

describe('titanEmbedV2Codec', () => {
  it('accepts every documented dimension', () => {
    for (const dimensions of [1024, 512, 256]) {
      expect(() => {
        titanEmbedV2Codec.validate(titanEmbedV2Model, { texts: ['a'], dimensions });
      }).not.toThrow();
    }
  });

  it('names the default dimension when refusing another', () => {
    const error = catchError(() => {
      titanEmbedV2Codec.validate(titanEmbedV2Model, { texts: ['a'], dimensions: 1536 });
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('default 1024');
  });

  it('falls back to embeddingsByType.float when embedding is absent', () => {
    expect(titanEmbedV2Codec.decodeResponse({ embeddingsByType: { float: [0.5] } })).toEqual({
      embeddings: [[0.5]],
      inputTokens: undefined,
    });
  });
});
