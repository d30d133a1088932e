import { CodecError, type QuarryError } from '../../errors/quarry-error.js';
import type { ImageCodec } from '../../codec-kit/codec.js';
import { contentFilteredError, generationFailedError } from '../../codec-kit/image-generation-errors.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { validateImageRequest, type ImageRules } from '../../codec-kit/validate-image-request.js';
import { StabilitySdxlResponseSchema, type SdxlFinishReason } from './stability-sdxl-schemas.js';

const SDXL_RULES: ImageRules = {
  maxPromptLength: 2000,
  maxNegativePromptLength: 2000,
  // Bedrock's SDXL makes one image per call (`samples` must be 1).
  maxCount: 1,
  cfgScale: { min: 0, max: 35 },
  maxSeed: 4_294_967_295,
  outputFormats: ['png'],
};

/** An artifact's failure, or undefined when it succeeded. */
const FAILURE_OF = {
  SUCCESS: undefined,
  CONTENT_FILTERED: () => contentFilteredError('prompt or image', 'finishReason CONTENT_FILTERED'),
  ERROR: () => generationFailedError('finishReason ERROR'),
} as const satisfies Record<SdxlFinishReason, (() => QuarryError) | undefined>;

/**
 * Stable Diffusion XL 1.0 (`stability.stable-diffusion-xl-v1`). The prompt is sent with weight 1 and the
 * negative prompt as a second text prompt with weight -1, which is how SDXL expresses negatives.
 */
export const stabilitySdxlCodec: ImageCodec = {
  family: 'stability-sdxl',
  validate(model, request) {
    validateImageRequest(model, request, SDXL_RULES);
  },
  encodeRequest(request) {
    return {
      text_prompts: [
        { text: request.prompt, weight: 1 },
        ...(request.negativePrompt !== undefined ? [{ text: request.negativePrompt, weight: -1 }] : []),
      ],
      ...(request.cfgScale !== undefined && { cfg_scale: request.cfgScale }),
      ...(request.seed !== undefined && { seed: request.seed }),
      ...(request.width !== undefined && { width: request.width }),
      ...(request.height !== undefined && { height: request.height }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(StabilitySdxlResponseSchema, body, 'Stable Diffusion XL');
    const images: string[] = [];
    const seeds: (number | undefined)[] = [];
    for (const artifact of response.artifacts) {
      const failure = FAILURE_OF[artifact.finishReason];
      if (failure !== undefined) throw failure();
      if (artifact.base64 === undefined || artifact.base64 === null || artifact.base64 === '') {
        throw new CodecError(
          'Unreadable Stable Diffusion XL response body: a SUCCESS artifact has no base64 image.',
        );
      }
      images.push(artifact.base64);
      seeds.push(artifact.seed);
    }
    return { images, seeds };
  },
};
