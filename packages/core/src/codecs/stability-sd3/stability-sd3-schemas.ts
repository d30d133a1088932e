import { z } from 'zod';

/** AWS documents `seeds` as strings but sends numbers; accept both. */
const Seed = z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]);

/**
 * SD3.5 / Stable Image Core and Ultra response (bedrock-protocol.md §5.10). A null finish reason is a
 * success; a filtered request carries only `finish_reasons`.
 */
export const StabilitySd3ResponseSchema = z.looseObject({
  seeds: z.array(Seed).optional(),
  finish_reasons: z.array(z.string().nullable()).min(1),
  images: z.array(z.string().min(1)).optional(),
});
