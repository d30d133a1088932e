import { z } from 'zod';

import { countTokens } from '../../synthetic/synthetic-text.js';
import { malformedInput, parseNativeBody } from '../malformed-input.js';
import type { ImageFamily } from './family.js';

const SdxlRequest = z.looseObject({
  text_prompts: z.array(z.looseObject({ text: z.string().min(1), weight: z.number().optional() })).min(1),
  width: z.int().optional(),
  height: z.int().optional(),
  cfg_scale: z.number().min(0).max(35).optional(),
  seed: z.int().min(0).max(4_294_967_295).optional(),
  steps: z.int().min(10).max(150).optional(),
  samples: z.literal(1).optional(),
  style_preset: z.string().optional(),
});

// SDXL 1.0 on Bedrock only renders these sizes.
const SDXL_SIZES = [
  '1024x1024',
  '1152x896',
  '1216x832',
  '1344x768',
  '1536x640',
  '640x1536',
  '768x1344',
  '832x1216',
  '896x1152',
];

/** Stable Diffusion XL 1.0 (bedrock-protocol.md §5.10). */
export const stabilitySdxlFamily: ImageFamily = {
  kind: 'image',
  generate(body, model, images) {
    const request = parseNativeBody(SdxlRequest, body);
    const width = request.width ?? 1024;
    const height = request.height ?? 1024;
    if (!SDXL_SIZES.includes(`${width}x${height}`)) {
      throw malformedInput([
        `#: the dimensions ${width}x${height} are not supported; use one of ${SDXL_SIZES.join(', ')}`,
      ]);
    }
    const seed = request.seed ?? 0;
    const prompt = request.text_prompts.map((prompt) => `${prompt.text}:${prompt.weight ?? 1}`).join('|');
    return {
      body: {
        result: 'success',
        artifacts: [
          {
            seed,
            base64: images.pngBase64(`${model.modelId}|${prompt}|${seed}`, width, height),
            finishReason: 'SUCCESS',
          },
        ],
      },
      images: 1,
      inputTokens: request.text_prompts.reduce((sum, prompt) => sum + countTokens(prompt.text), 0),
    };
  },
};

const ASPECT_RATIOS = ['16:9', '1:1', '21:9', '2:3', '3:2', '4:5', '5:4', '9:16', '9:21'] as const;

// Output sizes of Stability's SD3 / Stable Image API per aspect ratio (about one megapixel).
const SIZES = {
  '1:1': [1024, 1024],
  '16:9': [1344, 768],
  '21:9': [1536, 640],
  '2:3': [832, 1216],
  '3:2': [1216, 832],
  '4:5': [896, 1088],
  '5:4': [1088, 896],
  '9:16': [768, 1344],
  '9:21': [640, 1536],
} as const satisfies Record<(typeof ASPECT_RATIOS)[number], readonly [number, number]>;

const Sd3Request = z.looseObject({
  prompt: z.string().min(1).max(10_000),
  negative_prompt: z.string().max(10_000).optional(),
  mode: z.enum(['text-to-image', 'image-to-image']).optional(),
  aspect_ratio: z.enum(ASPECT_RATIOS).optional(),
  // The emulator always paints PNG; jpeg/webp requests still get PNG bytes (README).
  output_format: z.enum(['png', 'jpeg', 'webp']).optional(),
  seed: z.int().min(0).max(4_294_967_294).optional(),
  image: z.string().optional(),
  strength: z.number().min(0).max(1).optional(),
});

/** SD3 / SD3.5 Large and Stable Image Core / Ultra (bedrock-protocol.md §5.10). */
export const stabilitySd3Family: ImageFamily = {
  kind: 'image',
  generate(body, model, images) {
    const request = parseNativeBody(Sd3Request, body);
    if (request.mode === 'image-to-image' && request.image === undefined)
      throw malformedInput(['#: required key [image] not found']);
    const [width, height] = SIZES[request.aspect_ratio ?? '1:1'];
    const seed = request.seed ?? 0;
    const key = `${model.modelId}|${request.prompt}|${request.negative_prompt ?? ''}|${seed}`;
    return {
      body: { seeds: [seed], finish_reasons: [null], images: [images.pngBase64(key, width, height)] },
      images: 1,
      inputTokens: countTokens(request.prompt),
    };
  },
};
