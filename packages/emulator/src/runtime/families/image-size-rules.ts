import type { CatalogModel, ImageSizeRule } from '@quarry/core/catalog';

import { malformedInput } from '../malformed-input.js';

const POINTER = '#/imageGenerationConfig';

/**
 * Refuses the sizes Bedrock refuses for an image model, as a schema violation (ValidationException).
 * The rules are the catalog entry's `imageSizes`, the same copy core validates against. Besides
 * matching Bedrock, it bounds what one request can make the emulator paint synchronously: 5 images
 * of at most 4 megapixels.
 */
export function checkImageSize(model: CatalogModel, width: number, height: number): void {
  const rule = model.imageSizes;
  if (rule === undefined) return;
  if (rule.kind === 'grid') {
    checkGridSize(rule, width, height);
    return;
  }
  if (!rule.sizes.some((size) => size.width === width && size.height === height)) {
    const sizes = rule.sizes.map((size) => `${size.width}x${size.height}`).join(', ');
    throw malformedInput([`${POINTER}: the size ${width}x${height} is not supported; use one of ${sizes}`]);
  }
}

function checkGridSize(rule: Extract<ImageSizeRule, { kind: 'grid' }>, width: number, height: number): void {
  const violations: string[] = [];
  for (const [name, side] of [
    ['width', width],
    ['height', height],
  ] as const) {
    const at = `${POINTER}/${name}`;
    if (side < rule.minSide) violations.push(`${at}: ${side} is not greater or equal to ${rule.minSide}`);
    if (side > rule.maxSide) violations.push(`${at}: ${side} is not less or equal to ${rule.maxSide}`);
    if (side % rule.multipleOf !== 0)
      violations.push(`${at}: ${side} is not a multiple of ${rule.multipleOf}`);
  }
  if (Math.max(width, height) > rule.maxAspectRatio * Math.min(width, height)) {
    violations.push(`${POINTER}: the aspect ratio of ${width}x${height} is beyond ${rule.maxAspectRatio}:1`);
  }
  if (width * height > rule.maxPixels) {
    violations.push(
      `${POINTER}: ${width}x${height} has ${width * height} pixels, more than ${rule.maxPixels}`,
    );
  }
  if (violations.length > 0) throw malformedInput(violations);
}
