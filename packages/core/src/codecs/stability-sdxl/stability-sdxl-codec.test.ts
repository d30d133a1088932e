import { describe, expect, it } from 'vitest';
import { CodecError, type QuarryError } from '../../errors/quarry-error.js';
import { catchError, defineImageCodecSuite } from '../../testing/define-codec-suite.js';
import { stabilitySdxlFixtures, stabilitySdxlModel } from './__fixtures__/stability-sdxl-fixtures.js';
import { stabilitySdxlCodec } from './stability-sdxl-codec.js';

defineImageCodecSuite(stabilitySdxlCodec, stabilitySdxlFixtures);

describe('stabilitySdxlCodec', () => {
  it('throws GUARDRAIL_INTERVENED when an artifact is CONTENT_FILTERED', () => {
    const error = catchError(() =>
      stabilitySdxlCodec.decodeResponse({
        result: 'success',
        artifacts: [{ seed: 1, base64: 'iVBORblurred', finishReason: 'CONTENT_FILTERED' }],
      }),
    ) as QuarryError;
    expect(error).not.toBeInstanceOf(CodecError);
    expect(error).toMatchObject({ code: 'GUARDRAIL_INTERVENED', retryable: false });
    expect(error.message).toContain('filtered');
    expect(error.message).toContain('Rephrase');
  });

  it('throws UPSTREAM_UNAVAILABLE when an artifact is ERROR', () => {
    const error = catchError(() =>
      stabilitySdxlCodec.decodeResponse({ artifacts: [{ seed: 1, base64: null, finishReason: 'ERROR' }] }),
    );
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect((error as QuarryError).message).toContain('failed to generate');
  });

  it('accepts every SDXL size', () => {
    for (const [width, height] of [
      [1024, 1024],
      [1152, 896],
      [1216, 832],
      [1344, 768],
      [1536, 640],
      [640, 1536],
      [768, 1344],
      [832, 1216],
      [896, 1152],
    ] as const) {
      expect(() => {
        stabilitySdxlCodec.validate(stabilitySdxlModel, { prompt: 'x', width, height });
      }).not.toThrow();
    }
  });
});
