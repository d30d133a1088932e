import { describe, expect, it } from 'vitest';
import { CodecError } from '../../errors/quarry-error.js';
import { catchError, defineEmbedCodecSuite } from '../../testing/define-codec-suite.js';
import { titanEmbedV1Fixtures, titanEmbedV1Model } from './__fixtures__/titan-embed-v1-fixtures.js';
import { titanEmbedV1Codec } from './titan-embed-v1-codec.js';

defineEmbedCodecSuite(titanEmbedV1Codec, titanEmbedV1Fixtures);

describe('titanEmbedV1Codec', () => {
  it('tells the caller that the client fans out when given several texts', () => {
    const error = catchError(() => {
      titanEmbedV1Codec.validate(titanEmbedV1Model, { texts: ['a', 'b', 'c'] });
    });
    expect((error as Error).message).toContain('got 3');
    expect((error as Error).message).toContain('fans a longer list out');
  });

  it('names the offending path when a vector holds a non-number', () => {
    const error = catchError(() => titanEmbedV1Codec.decodeResponse({ embedding: [0.5, 'x'] }));
    expect(error).toBeInstanceOf(CodecError);
    expect((error as CodecError).message).toContain('embedding.1');
    expect((error as CodecError).code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('lists only the first few issues of a wholly broken vector', () => {
    const error = catchError(() =>
      titanEmbedV1Codec.decodeResponse({ embedding: Array.from({ length: 1536 }, () => 'x') }),
    );
    expect((error as CodecError).message).toContain('and 1533 more');
  });
});
