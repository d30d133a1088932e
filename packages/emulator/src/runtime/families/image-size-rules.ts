import { malformedInput } from '../malformed-input.js';

const POINTER = '#/imageGenerationConfig';

/**
 * The only sizes Titan Image Generator v1 and v2 render: each aspect ratio at a 1024x1024 and a
 * 512x512 price point (AWS Bedrock user guide, "Amazon Titan Image Generator G1 models"). Copied
 * from packages/core/src/codecs/titan-image/titan-image-sizes.ts, which the emulator cannot import
 * (it only uses `@quarry/core/catalog`): keep the two in step.
 */
const TITAN_IMAGE_SIZES: readonly string[] = [
  '1024x1024',
  '768x768',
  '512x512',
  '768x1152',
  '384x576',
  '1152x768',
  '576x384',
  '768x1280',
  '384x640',
  '1280x768',
  '640x384',
  '896x1152',
  '448x576',
  '1152x896',
  '576x448',
  '768x1408',
  '384x704',
  '1408x768',
  '704x384',
  '640x1408',
  '320x704',
  '1408x640',
  '704x320',
  '1152x640',
  '1173x640',
];

/** Nova Canvas takes any size on a grid instead (Amazon Nova user guide, "Image generation"; same core file). */
const NOVA_CANVAS = {
  minSide: 320,
  maxSide: 4096,
  multipleOf: 16,
  /** Longer side at most 4x the shorter. */
  maxAspectRatio: 4,
  /** 2048x2048. */
  maxPixels: 4_194_304,
} as const;

/**
 * Refuses the sizes Bedrock refuses for a Titan Image or Nova Canvas model, as a schema violation
 * (ValidationException). Besides matching Bedrock, it bounds what one request can make the
 * emulator paint synchronously: 5 images of at most 4 megapixels.
 */
export function checkTitanImageSize(modelId: string, width: number, height: number): void {
  if (modelId.startsWith('amazon.nova-canvas')) checkNovaCanvasSize(width, height);
  else if (!TITAN_IMAGE_SIZES.includes(`${width}x${height}`)) {
    throw malformedInput([
      `${POINTER}: the size ${width}x${height} is not supported; use one of ${TITAN_IMAGE_SIZES.join(', ')}`,
    ]);
  }
}

function checkNovaCanvasSize(width: number, height: number): void {
  const violations: string[] = [];
  for (const [name, side] of [
    ['width', width],
    ['height', height],
  ] as const) {
    const at = `${POINTER}/${name}`;
    if (side < NOVA_CANVAS.minSide)
      violations.push(`${at}: ${side} is not greater or equal to ${NOVA_CANVAS.minSide}`);
    if (side > NOVA_CANVAS.maxSide)
      violations.push(`${at}: ${side} is not less or equal to ${NOVA_CANVAS.maxSide}`);
    if (side % NOVA_CANVAS.multipleOf !== 0)
      violations.push(`${at}: ${side} is not a multiple of ${NOVA_CANVAS.multipleOf}`);
  }
  if (Math.max(width, height) > NOVA_CANVAS.maxAspectRatio * Math.min(width, height)) {
    violations.push(
      `${POINTER}: the aspect ratio of ${width}x${height} is beyond ${NOVA_CANVAS.maxAspectRatio}:1`,
    );
  }
  if (width * height > NOVA_CANVAS.maxPixels) {
    violations.push(
      `${POINTER}: ${width}x${height} has ${width * height} pixels, more than ${NOVA_CANVAS.maxPixels}`,
    );
  }
  if (violations.length > 0) throw malformedInput(violations);
}
