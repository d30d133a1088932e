import { describe, expect, it } from 'vitest';
import { CodecError, ValidationError, type QuarryError } from '../../errors/quarry-error.js';
import { catchError, defineImageCodecSuite } from '../../testing/define-codec-suite.js';
import { stabilitySd3Fixtures, stabilitySd3Model } from './__fixtures__/stability-sd3-fixtures.js';
import { stabilitySd3Codec } from './stability-sd3-codec.js';

defineImageCodecSuite(stabilitySd3Codec, stabilitySd3Fixtures);

function decodeError(body: unknown): QuarryError {
  return catchError(() => stabilitySd3Codec.decodeResponse(body)) as QuarryError;
}

describe('stabilitySd3Codec', () => {
  it('throws GUARDRAIL_INTERVENED naming the prompt when the prompt is filtered', () => {
    const error = decodeError({ finish_reasons: ['Filter reason: prompt'] });
    expect(error).not.toBeInstanceOf(CodecError);
    expect(error).toMatchObject({ code: 'GUARDRAIL_INTERVENED', retryable: false });
    expect(error.message).toContain('The prompt was filtered');
    expect(error.message).toContain('Rephrase the prompt');
  });

  it('throws GUARDRAIL_INTERVENED naming the output image when the result is filtered', () => {
    const error = decodeError({ seeds: [1], finish_reasons: ['Filter reason: output image'], images: [] });
    expect(error).toMatchObject({ code: 'GUARDRAIL_INTERVENED' });
    expect(error.message).toContain('The output image was filtered');
  });

  it('throws GUARDRAIL_INTERVENED for the input image and for filter reasons AWS has not documented', () => {
    expect(decodeError({ finish_reasons: ['Filter reason: input image'] }).message).toContain('input image');
    expect(decodeError({ finish_reasons: ['Filter reason: style'] })).toMatchObject({
      code: 'GUARDRAIL_INTERVENED',
    });
  });

  it('throws UPSTREAM_UNAVAILABLE on an inference error', () => {
    const error = decodeError({ finish_reasons: ['Inference error'] });
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(error.message).toContain('Inference error');
  });

  it('derives every supported aspect ratio from an exact width and height', () => {
    const cases = [
      [1024, 1024, '1:1'],
      [1920, 1080, '16:9'],
      [2016, 864, '21:9'],
      [832, 1248, '2:3'],
      [1248, 832, '3:2'],
      [1024, 1280, '4:5'],
      [1280, 1024, '5:4'],
      [1080, 1920, '9:16'],
      [864, 2016, '9:21'],
    ] as const;
    for (const [width, height, ratio] of cases) {
      stabilitySd3Codec.validate(stabilitySd3Model, { prompt: 'x', width, height });
      expect(stabilitySd3Codec.encodeRequest({ prompt: 'x', width, height })['aspect_ratio']).toBe(ratio);
    }
  });

  it('refuses a near-miss ratio rather than rounding it', () => {
    const error = catchError(() => {
      stabilitySd3Codec.validate(stabilitySd3Model, { prompt: 'x', width: 1921, height: 1080 });
    });
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('1921x1080');
  });
});
