import { z } from 'zod';

/** SDXL 1.0 response (bedrock-protocol.md §5.10): one artifact per image, each with its own outcome. */
export const StabilitySdxlResponseSchema = z.looseObject({
  result: z.string().optional(),
  artifacts: z
    .array(
      z.looseObject({
        seed: z.number().int().nonnegative().optional(),
        base64: z.string().nullable().optional(),
        finishReason: z.enum(['SUCCESS', 'ERROR', 'CONTENT_FILTERED']),
      }),
    )
    .min(1),
});

export type SdxlFinishReason = z.infer<
  typeof StabilitySdxlResponseSchema
>['artifacts'][number]['finishReason'];
