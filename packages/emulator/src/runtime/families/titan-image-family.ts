import { z } from 'zod';

import { countTokens } from '../../synthetic/synthetic-text.js';
import { malformedInput, parseNativeBody } from '../malformed-input.js';
import type { ImageFamily } from './family.js';
import { checkImageSize } from './image-size-rules.js';

const TextParams = z.looseObject({ text: z.string().min(1).max(1024), negativeText: z.string().optional() });

const TitanImageRequest = z.looseObject({
  taskType: z.enum([
    'TEXT_IMAGE',
    'INPAINTING',
    'OUTPAINTING',
    'IMAGE_VARIATION',
    'COLOR_GUIDED_GENERATION',
    'BACKGROUND_REMOVAL',
  ]),
  textToImageParams: TextParams.optional(),
  inPaintingParams: z.looseObject({ text: z.string().optional() }).optional(),
  outPaintingParams: z.looseObject({ text: z.string().optional() }).optional(),
  imageVariationParams: z.looseObject({ text: z.string().optional() }).optional(),
  colorGuidedGenerationParams: z.looseObject({ text: z.string().optional() }).optional(),
  backgroundRemovalParams: z.looseObject({ image: z.string().optional() }).optional(),
  imageGenerationConfig: z
    .looseObject({
      numberOfImages: z.int().min(1).max(5).optional(),
      quality: z.enum(['standard', 'premium']).optional(),
      width: z.int().optional(),
      height: z.int().optional(),
      cfgScale: z.number().min(1.1).max(10).optional(),
      seed: z.int().min(0).max(2_147_483_646).optional(),
    })
    .optional(),
});

const PARAMS_KEY = {
  TEXT_IMAGE: 'textToImageParams',
  INPAINTING: 'inPaintingParams',
  OUTPAINTING: 'outPaintingParams',
  IMAGE_VARIATION: 'imageVariationParams',
  COLOR_GUIDED_GENERATION: 'colorGuidedGenerationParams',
  BACKGROUND_REMOVAL: 'backgroundRemovalParams',
} as const;

const DEFAULT_SIDE = 1024;
const DEFAULT_SEED = 42;

/** Titan Image Generator v1/v2 and Nova Canvas share this envelope (bedrock-protocol.md §5.4). */
export const titanImageFamily: ImageFamily = {
  kind: 'image',
  generate(body, model, images) {
    const request = parseNativeBody(TitanImageRequest, body);
    const key = PARAMS_KEY[request.taskType];
    const params = request[key] as { text?: string; negativeText?: string } | undefined;
    if (params === undefined) throw malformedInput([`#: required key [${key}] not found`]);
    const config = request.imageGenerationConfig;
    const width = config?.width ?? DEFAULT_SIDE;
    const height = config?.height ?? DEFAULT_SIDE;
    checkImageSize(model, width, height);
    const count = config?.numberOfImages ?? 1;
    const seed = `${model.modelId}|${request.taskType}|${params.text ?? ''}|${params.negativeText ?? ''}|${config?.seed ?? DEFAULT_SEED}`;
    return {
      body: {
        images: Array.from({ length: count }, (_, index) =>
          images.pngBase64(`${seed}|${index}`, width, height),
        ),
        error: null,
      },
      images: count,
      inputTokens: countTokens(params.text ?? ''),
    };
  },
};
