import { CodecError, ValidationError, type QuarryError } from '../../errors/quarry-error.js';
import type { ImageRequest } from '../../codec-kit/chat-types.js';
import type { ImageCodec } from '../../codec-kit/codec.js';
import { contentFilteredError, generationFailedError } from '../../codec-kit/image-generation-errors.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { validateImageRequest, type ImageRules } from '../../codec-kit/validate-image-request.js';
import { StabilitySd3ResponseSchema } from './stability-sd3-schemas.js';

const WHAT = 'Stable Diffusion 3';

/** The `aspect_ratio` values SD3.5 and Stable Image accept; Bedrock's default is 1:1. */
const SD3_ASPECT_RATIOS = ['1:1', '16:9', '21:9', '2:3', '3:2', '4:5', '5:4', '9:16', '9:21'] as const;
type AspectRatio = (typeof SD3_ASPECT_RATIOS)[number];

const SD3_RULES: ImageRules = {
  maxPromptLength: 10_000,
  maxNegativePromptLength: 10_000,
  maxCount: 1,
  // SD3 on Bedrock takes no guidance scale.
  cfgScale: undefined,
  maxSeed: 4_294_967_295,
  outputFormats: ['png', 'jpeg'],
};

/** Every finish reason AWS documents; others are classified by their prefix. */
const FAILURE_OF: Readonly<Record<string, () => QuarryError>> = {
  'Filter reason: prompt': () => contentFilteredError('prompt', 'Filter reason: prompt'),
  'Filter reason: input image': () => contentFilteredError('input image', 'Filter reason: input image'),
  'Filter reason: output image': () => contentFilteredError('output image', 'Filter reason: output image'),
  'Inference error': () => generationFailedError('Inference error'),
};

/**
 * Stable Diffusion 3.5 Large and Stable Image Core/Ultra, text to image. The family has no width and
 * height: a width/height pair whose ratio equals one of SD3_ASPECT_RATIOS exactly becomes `aspect_ratio`
 * (1920x1080 → 16:9); any other pair is refused. `mode` is left at its default, text-to-image.
 */
export const stabilitySd3Codec: ImageCodec = {
  family: 'stability-sd3',
  validate(model, request) {
    validateImageRequest(model, request, SD3_RULES);
    aspectRatioOf(request);
  },
  encodeRequest(request) {
    const aspectRatio = aspectRatioOf(request);
    return {
      prompt: request.prompt,
      ...(request.negativePrompt !== undefined && { negative_prompt: request.negativePrompt }),
      ...(aspectRatio !== undefined && { aspect_ratio: aspectRatio }),
      ...(request.outputFormat !== undefined && { output_format: request.outputFormat }),
      ...(request.seed !== undefined && { seed: request.seed }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(StabilitySd3ResponseSchema, body, WHAT);
    for (const reason of response.finish_reasons) {
      if (reason === null) continue;
      const failure = FAILURE_OF[reason];
      if (failure !== undefined) throw failure();
      throw reason.startsWith('Filter reason:')
        ? contentFilteredError('prompt or image', reason)
        : generationFailedError(reason);
    }
    const images = response.images ?? [];
    if (images.length !== response.finish_reasons.length) {
      throw new CodecError(
        `Unreadable ${WHAT} response body: ${images.length} images for ${response.finish_reasons.length} finish reasons.`,
      );
    }
    const seeds = response.seeds;
    if (seeds !== undefined && seeds.length !== images.length) {
      throw new CodecError(
        `Unreadable ${WHAT} response body: ${seeds.length} seeds for ${images.length} images.`,
      );
    }
    return { images, seeds: seeds ?? images.map(() => undefined) };
  },
};

/** The aspect ratio a width/height pair expresses exactly; undefined when neither is set. Throws ValidationError otherwise. */
function aspectRatioOf(request: ImageRequest): AspectRatio | undefined {
  const { width, height } = request;
  if (width === undefined || height === undefined) return undefined;
  // Compare cross-products, not reduced fractions: 21:9 is not in lowest terms (2016x864 reduces to 7:3).
  const match = SD3_ASPECT_RATIOS.find((ratio) => {
    const [across, down] = ratio.split(':').map(Number);
    return across !== undefined && down !== undefined && width * down === height * across;
  });
  if (match === undefined) {
    const divisor = greatestCommonDivisor(width, height);
    throw new ValidationError(
      'width',
      `${width}x${height} is ${width / divisor}:${height / divisor}, which SD3 models cannot generate: they take an aspect ratio, not a size. ` +
        `Pick width and height in one of the supported ratios: ${SD3_ASPECT_RATIOS.join(', ')} (e.g. 1024x1024, 1920x1080 for 16:9).`,
    );
  }
  return match;
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}
