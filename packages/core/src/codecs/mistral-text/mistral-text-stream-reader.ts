import type { NativeChunkReader } from '../../codec-kit/native-stream-decoder.js';
import { parseNativePart } from '../../codec-kit/parse-native-part.js';
import { MistralTextChunkSchema } from './mistral-text-schemas.js';

const FAMILY_NAME = 'Mistral text';

/**
 * Reads Mistral text-format chunks (`{"outputs":[{"text","stop_reason"}]}`); other chunks are
 * skipped. Text goes to block 0. The body has no token counts: usage comes from the invocation metrics.
 */
export function createMistralTextChunkReader(): NativeChunkReader {
  let rawStopReason: string | undefined;
  return {
    read(chunk) {
      if (!Object.hasOwn(chunk, 'outputs')) return undefined;
      const [output] = parseNativePart(MistralTextChunkSchema, chunk, `${FAMILY_NAME} stream chunk`).outputs;
      rawStopReason = output.stop_reason ?? rawStopReason;
      return {
        events: output.text === '' ? [] : [{ type: 'text-delta', index: 0, text: output.text }],
        // Ends on the chunk carrying the invocation metrics (with the stop_reason) or at finish().
        final: false,
      };
    },
    summary: () => ({ rawStopReason, inputTokens: undefined, outputTokens: undefined }),
  };
}
