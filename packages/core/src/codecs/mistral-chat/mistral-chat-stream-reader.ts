import type { StreamEvent } from '../../stream/stream-event.js';
import type { NativeChunkReader } from '../../codec-kit/native-stream-decoder.js';
import { parseNativePart } from '../../codec-kit/parse-native-part.js';
import { argumentsJson, textOfContent } from './mistral-chat-content.js';
import { MistralChatChunkSchema } from './mistral-chat-schemas.js';

const FAMILY_NAME = 'Mistral chat';

export interface MistralChatChunkReader extends NativeChunkReader {
  /** Whether the stream has called a tool so far (a `stop` then reads as `tool_use`). */
  calledTools(): boolean;
}

interface OpenToolCall {
  readonly toolUseId: string;
  readonly name: string;
}

/**
 * Reads chat-format chunks (`choices[0].delta`, or `message`); chunks without `choices` are skipped.
 * Text goes to block 0 and tool call `i` to block `i + 1`. Each tool call's first fragment is
 * emitted even when empty, so every call is visible; later fragments reuse its id and name. Mistral
 * usually sends a whole call in one fragment. `usage`, when a chunk has it, wins over the metrics.
 */
export function createMistralChatChunkReader(): MistralChatChunkReader {
  let rawStopReason: string | undefined;
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  const toolCalls = new Map<number, OpenToolCall>();

  return {
    read(chunk) {
      if (!Object.hasOwn(chunk, 'choices')) return undefined;
      const parsed = parseNativePart(MistralChatChunkSchema, chunk, `${FAMILY_NAME} stream chunk`);
      if (parsed.usage !== null && parsed.usage !== undefined) {
        inputTokens = parsed.usage.prompt_tokens;
        outputTokens = parsed.usage.completion_tokens;
      }
      const events: StreamEvent[] = [];
      const [choice] = parsed.choices;
      if (choice !== undefined) {
        rawStopReason = choice.stop_reason ?? choice.finish_reason ?? rawStopReason;
        const delta = choice.delta ?? choice.message;
        const text = textOfContent(delta?.content);
        if (text !== '') events.push({ type: 'text-delta', index: 0, text });
        (delta?.tool_calls ?? []).forEach((fragment, position) => {
          const key = fragment.index ?? position;
          const inputJson = argumentsJson(fragment.function?.arguments);
          const open = toolCalls.get(key);
          if (open !== undefined) {
            if (inputJson !== '') events.push({ type: 'tool-use-delta', index: key + 1, ...open, inputJson });
            return;
          }
          const call = { toolUseId: fragment.id ?? `call${key}`, name: fragment.function?.name ?? '' };
          toolCalls.set(key, call);
          events.push({ type: 'tool-use-delta', index: key + 1, ...call, inputJson });
        });
      }
      // Ends on the chunk carrying the invocation metrics or at finish(): usage may follow the stop reason.
      return { events, final: false };
    },
    summary: () => ({ rawStopReason, inputTokens, outputTokens }),
    calledTools: () => toolCalls.size > 0,
  };
}
