import type { StreamEvent } from '../../stream/stream-event.js';
import type { NativeChunkReader } from '../../codec-kit/native-stream-decoder.js';
import { parseNativePart } from '../../codec-kit/parse-native-part.js';
import { TitanTextStreamChunkSchema } from './titan-text-schemas.js';

/**
 * Reads Titan's stream chunks: `outputText` fragments of one result (text-delta index 0); the chunk
 * whose `completionReason` is set is the last.
 */
export function createTitanTextChunkReader(): NativeChunkReader {
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  let rawStopReason: string | undefined;

  return {
    read(chunk) {
      if (!Object.hasOwn(chunk, 'outputText') && !Object.hasOwn(chunk, 'completionReason')) return undefined;
      const parsed = parseNativePart(TitanTextStreamChunkSchema, chunk, 'Titan Text stream chunk');
      inputTokens = parsed.inputTextTokenCount ?? inputTokens;
      outputTokens = parsed.totalOutputTextTokenCount ?? outputTokens;
      const completionReason = parsed.completionReason ?? undefined;
      rawStopReason = completionReason ?? rawStopReason;
      const text = parsed.outputText ?? '';
      const events: StreamEvent[] = text === '' ? [] : [{ type: 'text-delta', index: 0, text }];
      return { events, final: completionReason !== undefined };
    },
    summary: () => ({ rawStopReason, inputTokens, outputTokens }),
  };
}
