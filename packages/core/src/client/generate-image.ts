import type { ImageRequest } from '../codec-kit/chat-types.js';
import { usageOf } from '../codec-kit/usage.js';
import { costOfImages } from '../cost/cost.js';
import { usageFromHeaders } from './call-middleware.js';
import { imageCodecFor, type ClientContext } from './client-context.js';
import type { CallOptions, ImageResponse } from './client-types.js';
import { sendInvoke } from './send-invoke.js';

/** Text-to-image through the family's codec (Titan Image, Nova Canvas, Stability). */
export async function generateImage(
  context: ClientContext,
  modelId: string,
  request: ImageRequest,
  options: CallOptions = {},
): Promise<ImageResponse> {
  const started = context.now();
  const resolved = await context.resolver.resolveForCall(modelId, options.signal);
  const codec = imageCodecFor(context, resolved);
  codec.validate(resolved.model, request);
  const sent = await sendInvoke(context, modelId, JSON.stringify(codec.encodeRequest(request)), options);
  const result = codec.decodeResponse(sent.json);
  const latencyMs = context.now() - started;
  context.logger.info(
    {
      event: 'bedrock.image.done',
      modelId,
      requestId: sent.requestId,
      images: result.images.length,
      durationMs: latencyMs,
    },
    'image done',
  );
  return {
    // Image models are billed per image; token counts appear only when Bedrock sends them.
    usage: usageFromHeaders(sent.headers) ?? usageOf(0, 0),
    images: result.images.map((base64, index) => ({ base64, seed: result.seeds[index] })),
    modelId,
    baseModelId: resolved.model.modelId,
    requestId: sent.requestId,
    latencyMs,
    attempts: sent.attempts,
    cost: costOfImages(resolved.model, result.images.length),
  };
}
