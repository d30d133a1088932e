import type { NativeChunkReader } from '../native-stream-decoder.js';
import { parseNativePart } from '../parse-native-part.js';
import { LlamaChunkSchema } from './llama-schemas.js';

/**
 * Reads Llama stream chunks: a chunk with a `generation` key is Llama's; anything else is skipped.
 * Text goes to block 0. `prompt_token_count` is kept from the first chunk that has it and
 * `generation_token_count` from the latest, so the body's counts win over the invocation metrics.
 */
export function createLlamaChunkReader(familyName: string): NativeChunkReader {
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  let rawStopReason: string | undefined;

  return {
    read(chunk) {
      if (!Object.hasOwn(chunk, 'generation')) return undefined;
      const parsed = parseNativePart(LlamaChunkSchema, chunk, `${familyName} stream chunk`);
      inputTokens ??= parsed.prompt_token_count ?? undefined;
      outputTokens = parsed.generation_token_count ?? outputTokens;
      rawStopReason = parsed.stop_reason ?? rawStopReason;
      return {
        events: parsed.generation === '' ? [] : [{ type: 'text-delta', index: 0, text: parsed.generation }],
        // The stream ends on the chunk carrying the invocation metrics (same chunk as stop_reason) or at finish().
        final: false,
      };
    },
    summary: () => ({ rawStopReason, inputTokens, outputTokens }),
  };
}
