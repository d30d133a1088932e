import type { CatalogModel } from '../../catalog/catalog-model.js';
import { CodecError, ValidationError } from '../../errors/quarry-error.js';
import type { ImageRequest } from '../chat-types.js';
import type { ImageCodec } from '../codec.js';
import { contentFilteredError } from '../image-generation-errors.js';
import { parseNativeBody } from '../parse-native-body.js';
import { validateImageRequest, type ImageRules } from '../validate-image-request.js';
import { TitanImageResponseSchema } from './titan-image-schemas.js';
import { NOVA_CANVAS_SIZE_RULE, TITAN_IMAGE_SIZES } from './titan-image-sizes.js';

const TITAN_RULES: ImageRules = {
  maxPromptLength: 512,
  maxNegativePromptLength: 512,
  maxCount: 5,
  cfgScale: { min: 1.1, max: 10 },
  maxSeed: 2_147_483_646,
  outputFormats: ['png'],
  sizes: TITAN_IMAGE_SIZES,
};

/** Nova Canvas speaks the Titan envelope with its own limits; sizes are checked by NOVA_CANVAS_SIZE_RULE. */
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
  kind: 'image',
  family: 'titan-image',
  validate(model, request) {
    const rules = RULES_BY_MODEL[model.modelId] ?? TITAN_RULES;
    validateImageRequest(model, request, rules);
    if (rules.sizes === undefined) checkNovaCanvasSize(model, request);
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

function checkNovaCanvasSize(model: CatalogModel, request: ImageRequest): void {
  const { width, height } = request;
  if (width === undefined || height === undefined) return;
  const rule = NOVA_CANVAS_SIZE_RULE;
  for (const [field, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (value < rule.minSide || value > rule.maxSide || value % rule.multipleOf !== 0) {
      throw new ValidationError(
        field,
        `${field} must be a multiple of ${rule.multipleOf} from ${rule.minSide} to ${rule.maxSide} pixels for ${model.modelId}, got ${value}.`,
      );
    }
  }
  if (Math.max(width, height) > rule.maxAspectRatio * Math.min(width, height)) {
    throw new ValidationError(
      'width',
      `${width}x${height} is too narrow for ${model.modelId}: the aspect ratio must be between 1:${rule.maxAspectRatio} and ${rule.maxAspectRatio}:1.`,
    );
  }
  if (width * height > rule.maxPixels) {
    throw new ValidationError(
      'width',
      `${width}x${height} is ${width * height} pixels; ${model.modelId} generates at most ${rule.maxPixels} (2048x2048). Lower width or height.`,
    );
  }
}
