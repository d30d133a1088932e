import { describe, expect, it } from 'vitest';
import { CodecError, QuarryError, ValidationError } from '../../errors/quarry-error.js';
import { catchError, defineImageCodecSuite } from '../../testing/define-codec-suite.js';
import type { ImageRequest } from '../../codec-kit/chat-types.js';
import { novaCanvasModel, titanImageFixtures, titanImageModel } from './__fixtures__/titan-image-fixtures.js';
import { titanImageCodec } from './titan-image-codec.js';
import { TITAN_IMAGE_SIZES } from '../../catalog/image-sizes.js';

defineImageCodecSuite(titanImageCodec, titanImageFixtures);

function validationErrorOf(model: typeof titanImageModel, request: ImageRequest): ValidationError {
  const error = catchError(() => {
    titanImageCodec.validate(model, request);
  });
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe('titanImageCodec', () => {
  it('accepts every documented Titan size', () => {
    const sizes = TITAN_IMAGE_SIZES.kind === 'fixed' ? TITAN_IMAGE_SIZES.sizes : [];
    expect(sizes).toHaveLength(25);
    for (const { width, height } of sizes) {
      expect(() => {
        titanImageCodec.validate(titanImageModel, { prompt: 'x', width, height });
      }).not.toThrow();
    }
  });

  it('throws GUARDRAIL_INTERVENED when the content filter sets error', () => {
    const error = catchError(() =>
      titanImageCodec.decodeResponse({
        images: null,
        error: 'This request has been blocked by our content filters.',
      }),
    );
    expect(error).toBeInstanceOf(QuarryError);
    expect(error).not.toBeInstanceOf(CodecError);
    expect(error).toMatchObject({ code: 'GUARDRAIL_INTERVENED', retryable: false });
    expect((error as QuarryError).message).toContain('filtered');
    expect((error as QuarryError).message).toContain('Rephrase the prompt');
    expect((error as QuarryError).message).toContain('blocked by our content filters');
  });

  it('throws GUARDRAIL_INTERVENED even when images accompany an error', () => {
    const error = catchError(() => titanImageCodec.decodeResponse({ images: ['iVBOR'], error: 'filtered' }));
    expect(error).toMatchObject({ code: 'GUARDRAIL_INTERVENED' });
  });

  describe('with Nova Canvas limits', () => {
    it('accepts sizes off the Titan list on the 16-pixel grid', () => {
      for (const [width, height] of [
        [1280, 720],
        [2048, 2048],
        [320, 1280],
        [4096, 1024],
      ] as const) {
        expect(() => {
          titanImageCodec.validate(novaCanvasModel, { prompt: 'x', width, height });
        }).not.toThrow();
      }
    });

    it('refuses a side that is not a multiple of 16', () => {
      const error = validationErrorOf(novaCanvasModel, { prompt: 'x', width: 1000, height: 1000 });
      expect(error.field).toBe('width');
      expect(error.message).toContain('multiple of 16');
    });

    it('refuses a side outside 320-4096', () => {
      expect(validationErrorOf(novaCanvasModel, { prompt: 'x', width: 1024, height: 304 }).field).toBe(
        'height',
      );
      expect(
        validationErrorOf(novaCanvasModel, { prompt: 'x', width: 4112, height: 1024 }).message,
      ).toContain('4096');
    });

    it('refuses an aspect ratio beyond 4:1', () => {
      expect(validationErrorOf(novaCanvasModel, { prompt: 'x', width: 1344, height: 320 }).message).toContain(
        '1:4 and 4:1',
      );
    });

    it('refuses more than 2048x2048 pixels', () => {
      expect(
        validationErrorOf(novaCanvasModel, { prompt: 'x', width: 4096, height: 2048 }).message,
      ).toContain('4194304');
    });

    it('allows 1,024-character prompts and seeds up to 858993459', () => {
      expect(() => {
        titanImageCodec.validate(novaCanvasModel, { prompt: 'x'.repeat(1024), seed: 858_993_459 });
      }).not.toThrow();
      expect(validationErrorOf(novaCanvasModel, { prompt: 'x'.repeat(1025) }).message).toContain(
        'at most 1024',
      );
      expect(validationErrorOf(novaCanvasModel, { prompt: 'x', seed: 858_993_460 }).message).toContain(
        '0 to 858993459',
      );
    });
  });
});
