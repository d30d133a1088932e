import type { ImageSize, ImageSizeRule } from './catalog-model.js';

const size = (width: number, height: number): ImageSize => ({ width, height });

/**
 * The sizes Titan Image Generator v1 and v2 accept (AWS Bedrock user guide, "Amazon Titan Image
 * Generator G1 models"): each aspect ratio at a 1024x1024 and a 512x512 price point. 1173x640 (16:9)
 * is AWS's own figure.
 */
export const TITAN_IMAGE_SIZES: ImageSizeRule = {
  kind: 'fixed',
  sizes: [
    size(1024, 1024),
    size(768, 768),
    size(512, 512),
    size(768, 1152),
    size(384, 576),
    size(1152, 768),
    size(576, 384),
    size(768, 1280),
    size(384, 640),
    size(1280, 768),
    size(640, 384),
    size(896, 1152),
    size(448, 576),
    size(1152, 896),
    size(576, 448),
    size(768, 1408),
    size(384, 704),
    size(1408, 768),
    size(704, 384),
    size(640, 1408),
    size(320, 704),
    size(1408, 640),
    size(704, 320),
    size(1152, 640),
    size(1173, 640),
  ],
};

/** Nova Canvas takes any size on this grid instead of a fixed list (Amazon Nova user guide, "Image generation"). */
export const NOVA_CANVAS_SIZES: ImageSizeRule = {
  kind: 'grid',
  minSide: 320,
  maxSide: 4096,
  multipleOf: 16,
  maxAspectRatio: 4,
  // 2048x2048.
  maxPixels: 4_194_304,
};

/** SDXL 1.0 generates only these sizes (AWS Bedrock user guide, "Stability.ai Diffusion 1.0 text to image"). */
export const SDXL_SIZES: ImageSizeRule = {
  kind: 'fixed',
  sizes: [
    size(1024, 1024),
    size(1152, 896),
    size(1216, 832),
    size(1344, 768),
    size(1536, 640),
    size(640, 1536),
    size(768, 1344),
    size(832, 1216),
    size(896, 1152),
  ],
};
