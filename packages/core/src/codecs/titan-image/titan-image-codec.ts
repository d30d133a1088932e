import { CodecError } from '../../errors/quarry-error.js';
import type { ImageCodec } from '../../codec-kit/codec.js';
import { contentFilteredError } from '../../codec-kit/image-generation-errors.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { validateImageRequest, type ImageRules } from '../../codec-kit/validate-image-request.js';
import { TitanImageResponseSchema } from './titan-image-schemas.js';

const TITAN_RULES: ImageRules = {
  maxPromptLength: 512,
  maxNegativePromptLength: 512,
  maxCount: 5,
  cfgScale: { min: 1.1, max: 10 },
  maxSeed: 2_147_483_646,
  outputFormats: ['png'],
};

/** Nova Canvas speaks the Titan envelope with its own limits (its sizes are in its catalog entry). */
const NOVA_CANVAS_RULES: ImageRules = {
  maxPromptLength: 1024,
  maxNegativePromptLength: 1024,
  maxCount: 5,
  cfgScale: { min: 1.1, max: 10 },
  maxSeed: 858_993_459,
  outputFormats: ['png'],
};

/** Models of this family whose limits differ from Titan Image Generator's, by base model ID. */
const RULES_BY_MODEL: Readonly<Partial<Record<string, ImageRules>>> = {
  'amazon.nova-canvas-v1:0': NOVA_CANVAS_RULES,
};

/**
 * Titan Image Generator v1/v2 and Nova Canvas, TEXT_IMAGE task only. Options left undefined are not
 * sent, so each model's defaults apply (1 image, 1024x1024, cfgScale 8 on Titan and 6.5 on Nova Canvas).
 * The body carries no seeds, so `seeds` holds undefined per image.
 */
export const titanImageCodec: ImageCodec = {
  family: 'titan-image',
  validate(model, request) {
    validateImageRequest(model, request, RULES_BY_MODEL[model.modelId] ?? TITAN_RULES);
  },
  encodeRequest(request) {
    const config = {
      ...(request.count !== undefined && { numberOfImages: request.count }),
      ...(request.width !== undefined && { width: request.width }),
      ...(request.height !== undefined && { height: request.height }),
      ...(request.cfgScale !== undefined && { cfgScale: request.cfgScale }),
      ...(request.seed !== undefined && { seed: request.seed }),
    };
    return {
      taskType: 'TEXT_IMAGE',
      textToImageParams: {
        text: request.prompt,
        ...(request.negativePrompt !== undefined && { negativeText: request.negativePrompt }),
      },
      ...(Object.keys(config).length > 0 && { imageGenerationConfig: config }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(TitanImageResponseSchema, body, 'Titan Image');
    if (typeof response.error === 'string') {
      // Titan and Nova Canvas only use `error` to report content moderation.
      throw contentFilteredError('prompt or image', response.error);
    }
    const images = response.images ?? [];
    if (images.length === 0) {
      throw new CodecError('Unreadable Titan Image response body: no images and no error.');
    }
    return { images, seeds: images.map(() => undefined) };
  },
};
