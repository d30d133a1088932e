import { describe, expect, it } from 'vitest';
import { CodecError } from '../../errors/quarry-error.js';
import { catchError, defineEmbedCodecSuite } from '../../testing/define-codec-suite.js';
import { titanEmbedImageFixtures } from './__fixtures__/titan-embed-image-fixtures.js';
import { titanEmbedImageCodec } from './titan-embed-image-codec.js';

defineEmbedCodecSuite(titanEmbedImageCodec, titanEmbedImageFixtures);

describe('titanEmbedImageCodec', () => {
  it("quotes the model's message when it returns no embedding", () => {
    const error = catchError(() => titanEmbedImageCodec.decodeResponse({ message: 'Image exceeds 25 MB' }));
    expect(error).toBeInstanceOf(CodecError);
    expect((error as CodecError).message).toContain('Image exceeds 25 MB');
  });
});
