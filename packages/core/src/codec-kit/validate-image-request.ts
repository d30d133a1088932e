import type { CatalogModel, ImageSize, ImageSizeRule } from '../catalog/catalog-model.js';
import { ValidationError } from '../errors/quarry-error.js';
import type { ImageFormat, ImageRequest } from './chat-types.js';

/** Limits of one image family (or one model of it); each codec passes its own. */
export interface ImageRules {
  /** Longest prompt in characters. */
  readonly maxPromptLength: number;
  /** Longest negative prompt in characters. */
  readonly maxNegativePromptLength: number;
  /** Most images one call generates (1 when the family makes one at a time). */
  readonly maxCount: number;
  /** Accepted cfgScale range; undefined when the family takes no cfgScale. */
  readonly cfgScale: { readonly min: number; readonly max: number } | undefined;
  /** Largest seed; seeds start at 0. */
  readonly maxSeed: number;
  /** Formats the family can return. */
  readonly outputFormats: readonly ImageFormat[];
}

/**
 * The checks every image family shares; sizes are checked against the catalog entry's
 * `imageSizes` (SD3, which has none, checks its aspect ratios itself). Throws ValidationError whose message names the field,
 * the limit and the fix. Width and height go together: give both or neither (the model's default).
 */
export function validateImageRequest(model: CatalogModel, request: ImageRequest, rules: ImageRules): void {
  const { modelId } = model;
  checkText('prompt', request.prompt, rules.maxPromptLength, modelId, true);
  if (request.negativePrompt !== undefined) {
    checkText('negativePrompt', request.negativePrompt, rules.maxNegativePromptLength, modelId, false);
  }
  checkSize(modelId, request, model.imageSizes);
  if (request.count !== undefined) {
    if (!Number.isInteger(request.count) || request.count < 1 || request.count > rules.maxCount) {
      throw new ValidationError(
        'count',
        rules.maxCount === 1
          ? `${modelId} generates one image per call, got count ${request.count}: set count to 1 (or omit it) and call again for more images.`
          : `count must be an integer from 1 to ${rules.maxCount} for ${modelId}, got ${request.count}.`,
      );
    }
  }
  if (request.cfgScale !== undefined) {
    const range = rules.cfgScale;
    if (range === undefined) {
      throw new ValidationError('cfgScale', `${modelId} takes no cfgScale; remove it.`);
    }
    if (!Number.isFinite(request.cfgScale) || request.cfgScale < range.min || request.cfgScale > range.max) {
      throw new ValidationError(
        'cfgScale',
        `cfgScale must be between ${range.min} and ${range.max} for ${modelId}, got ${request.cfgScale}.`,
      );
    }
  }
  if (request.seed !== undefined) {
    if (!Number.isInteger(request.seed) || request.seed < 0 || request.seed > rules.maxSeed) {
      throw new ValidationError(
        'seed',
        `seed must be an integer from 0 to ${rules.maxSeed} for ${modelId}, got ${request.seed}.`,
      );
    }
  }
  if (request.outputFormat !== undefined && !rules.outputFormats.includes(request.outputFormat)) {
    throw new ValidationError(
      'outputFormat',
      `${modelId} returns ${rules.outputFormats.join(' or ')} images, not ${request.outputFormat}; ` +
        `set outputFormat to ${rules.outputFormats.join(' or ')}, or omit it.`,
    );
  }
}

/** `1024x1024, 768x768, …`, for messages. */
function formatSizes(sizes: readonly ImageSize[]): string {
  return sizes.map((size) => `${size.width}x${size.height}`).join(', ');
}

function checkText(
  field: string,
  text: unknown,
  maxLength: number,
  modelId: string,
  required: boolean,
): void {
  if (typeof text !== 'string' || text.trim() === '') {
    throw new ValidationError(
      field,
      required
        ? `${field} is empty: describe the image to generate.`
        : `${field} is empty: describe what to keep out of the image, or omit ${field}.`,
    );
  }
  if (text.length > maxLength) {
    throw new ValidationError(
      field,
      `${field} has ${text.length} characters; ${modelId} accepts at most ${maxLength}. Shorten it.`,
    );
  }
}

function checkSize(modelId: string, request: ImageRequest, rule: ImageSizeRule | undefined): void {
  const { width, height } = request;
  if (width === undefined && height === undefined) return;
  if (width === undefined || height === undefined) {
    const missing = width === undefined ? 'width' : 'height';
    throw new ValidationError(
      missing,
      `Give both width and height, or neither for ${modelId}'s default size; ${missing} is missing.`,
    );
  }
  for (const [field, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new ValidationError(field, `${field} must be a positive integer number of pixels, got ${value}.`);
    }
  }
  if (rule?.kind === 'fixed') {
    if (!rule.sizes.some((size) => size.width === width && size.height === height)) {
      throw new ValidationError(
        'width',
        `${modelId} does not generate ${width}x${height} images. Supported sizes (width x height): ${formatSizes(rule.sizes)}.`,
      );
    }
  } else if (rule?.kind === 'grid') {
    checkGridSize(modelId, width, height, rule);
  }
}

function checkGridSize(
  modelId: string,
  width: number,
  height: number,
  rule: Extract<ImageSizeRule, { kind: 'grid' }>,
): void {
  for (const [field, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (value < rule.minSide || value > rule.maxSide || value % rule.multipleOf !== 0) {
      throw new ValidationError(
        field,
        `${field} must be a multiple of ${rule.multipleOf} from ${rule.minSide} to ${rule.maxSide} pixels for ${modelId}, got ${value}.`,
      );
    }
  }
  if (Math.max(width, height) > rule.maxAspectRatio * Math.min(width, height)) {
    throw new ValidationError(
      'width',
      `${width}x${height} is too narrow for ${modelId}: the aspect ratio must be between 1:${rule.maxAspectRatio} and ${rule.maxAspectRatio}:1.`,
    );
  }
  if (width * height > rule.maxPixels) {
    const side = Math.floor(Math.sqrt(rule.maxPixels));
    throw new ValidationError(
      'width',
      `${width}x${height} is ${width * height} pixels; ${modelId} generates at most ${rule.maxPixels} (${side}x${side}). Lower width or height.`,
    );
  }
}
