import type { CohereMeta } from './cohere-command-r-schemas.js';

/** Token counts from Cohere's `meta` (actual tokens, else billed units); undefined when absent. */
export function countsOfMeta(
  meta: CohereMeta | null | undefined,
): { inputTokens: number; outputTokens: number } | undefined {
  for (const counts of [meta?.tokens, meta?.billed_units]) {
    if (counts?.input_tokens !== undefined && counts.output_tokens !== undefined) {
      return { inputTokens: counts.input_tokens, outputTokens: counts.output_tokens };
    }
  }
  return undefined;
}
