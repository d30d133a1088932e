import { CodecError } from '../../errors/quarry-error.js';
import type { StreamEvent } from '../../stream/stream-event.js';
import type { NativeChunkReader } from '../../codec-kit/native-stream-decoder.js';
import { parseNativePart } from '../../codec-kit/parse-native-part.js';
import { Ai21JambaStreamChunkSchema } from './ai21-jamba-schemas.js';

const WHAT = 'AI21 Jamba stream chunk';

/**
 * Reads Jamba's chat-completion chunks (`choices[0].delta`). Text is block 0; tool call `i` (the
 * delta's `index`) is block `i + 1`, so text and tool fragments never share an index. Each tool-call
 * fragment becomes one `tool-use-delta`; the first one of a call is emitted even with empty
 * arguments so every call is visible. The chunk with `finish_reason` or `usage` is the last.
 */
export function createAi21JambaChunkReader(): NativeChunkReader {
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  let rawStopReason: string | undefined;
  const toolCalls = new Map<number, { readonly toolUseId: string; readonly name: string }>();

  return {
    read(chunk) {
      if (!Object.hasOwn(chunk, 'choices')) return undefined;
      const parsed = parseNativePart(Ai21JambaStreamChunkSchema, chunk, WHAT);
      const events: StreamEvent[] = [];
      const choice = parsed.choices[0];
      const content = choice?.delta?.content ?? '';
      if (content !== '') events.push({ type: 'text-delta', index: 0, text: content });
      (choice?.delta?.tool_calls ?? []).forEach((call, position) => {
        const callIndex = call.index ?? position;
        const open = toolCalls.get(callIndex);
        const toolCall = open ?? startToolCall(call.id, call.function?.name, callIndex);
        toolCalls.set(callIndex, toolCall);
        const inputJson = fragmentJson(call.function?.arguments);
        if (open === undefined || inputJson !== '') {
          events.push({ type: 'tool-use-delta', index: callIndex + 1, ...toolCall, inputJson });
        }
      });
      const finishReason = choice?.finish_reason ?? undefined;
      const usage = parsed.usage ?? undefined;
      rawStopReason = finishReason ?? rawStopReason;
      inputTokens = usage?.prompt_tokens ?? inputTokens;
      outputTokens = usage?.completion_tokens ?? outputTokens;
      // Usage may follow the finish_reason chunk; Bedrock's invocation metrics mark the real end.
      return { events, final: false };
    },
    summary: () => ({ rawStopReason, inputTokens, outputTokens }),
  };
}

function startToolCall(
  id: string | null | undefined,
  name: string | null | undefined,
  callIndex: number,
): { readonly toolUseId: string; readonly name: string } {
  if (typeof id !== 'string' || id === '' || typeof name !== 'string' || name === '') {
    throw new CodecError(
      `Unreadable ${WHAT}: tool call ${callIndex} starts without an id and function.name.`,
    );
  }
  return { toolUseId: id, name };
}

/** OpenAI-style fragments are JSON text; an object (AI21's documented shape) is serialised whole. */
function fragmentJson(fragment: string | Readonly<Record<string, unknown>> | null | undefined): string {
  if (fragment === undefined || fragment === null) return '';
  return typeof fragment === 'string' ? fragment : JSON.stringify(fragment);
}
