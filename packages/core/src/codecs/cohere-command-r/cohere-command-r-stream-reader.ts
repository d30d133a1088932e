import type { StreamEvent } from '../../stream/stream-event.js';
import type { NativeChunkReader } from '../../codec-kit/native-stream-decoder.js';
import { parseNativePart } from '../../codec-kit/parse-native-part.js';
import {
  StreamEndChunkSchema,
  StreamStartChunkSchema,
  TextGenerationChunkSchema,
  ToolCallsChunkSchema,
  ToolCallsGenerationChunkSchema,
} from './cohere-command-r-schemas.js';
import { countsOfMeta } from './cohere-meta-usage.js';
import { cohereToolUseId } from './cohere-tool-use-id.js';

const FAMILY_NAME = 'Cohere Command R';

export interface CohereCommandRChunkReader extends NativeChunkReader {
  /** Whether the stream has called a tool so far (`COMPLETE` then reads as `tool_use`). */
  calledTools(): boolean;
}

interface OpenToolCall {
  readonly toolUseId: string;
  readonly name: string;
}

/**
 * Reads Cohere v1 stream events by `event_type` [UNVERIFIED details, bedrock-protocol.md §5.8]:
 * `stream-start` (generation id), `text-generation` (text, block 0), `tool-calls-chunk` (plan text,
 * or fragments of call `i` as block `i + 1`), `tool-calls-generation` (whole calls; emitted only for
 * calls no chunk streamed, and its text only when no text was streamed), `stream-end`
 * (`finish_reason`, token counts in `response.meta`). Other event types are skipped.
 */
export function createCohereCommandRChunkReader(): CohereCommandRChunkReader {
  let generationId: string | undefined;
  let rawStopReason: string | undefined;
  let counts: { inputTokens: number; outputTokens: number } | undefined;
  let streamedText = false;
  const toolCalls = new Map<number, OpenToolCall>();

  const text = (value: string | null | undefined): StreamEvent[] => {
    if (value === null || value === undefined || value === '') return [];
    streamedText = true;
    return [{ type: 'text-delta', index: 0, text: value }];
  };

  const openToolCall = (index: number, name: string): OpenToolCall => {
    const call = { toolUseId: cohereToolUseId(generationId, index), name };
    toolCalls.set(index, call);
    return call;
  };

  return {
    read(chunk) {
      const type = chunk['event_type'];
      if (typeof type !== 'string') return undefined;
      const what = `${FAMILY_NAME} stream chunk ${type}`;
      const events: StreamEvent[] = [];
      switch (type) {
        case 'stream-start':
          generationId = parseNativePart(StreamStartChunkSchema, chunk, what).generation_id ?? generationId;
          break;
        case 'text-generation':
          events.push(...text(parseNativePart(TextGenerationChunkSchema, chunk, what).text));
          break;
        case 'tool-calls-chunk': {
          const parsed = parseNativePart(ToolCallsChunkSchema, chunk, what);
          events.push(...text(parsed.text));
          const delta = parsed.tool_call_delta;
          if (delta === null || delta === undefined) break;
          const index = delta.index ?? 0;
          const inputJson = delta.parameters ?? '';
          const open = toolCalls.get(index);
          if (open === undefined) {
            // The first fragment announces the call, even without parameters yet.
            events.push({
              type: 'tool-use-delta',
              index: index + 1,
              ...openToolCall(index, delta.name ?? ''),
              inputJson,
            });
          } else if (inputJson !== '') {
            events.push({ type: 'tool-use-delta', index: index + 1, ...open, inputJson });
          }
          break;
        }
        case 'tool-calls-generation': {
          const parsed = parseNativePart(ToolCallsGenerationChunkSchema, chunk, what);
          if (!streamedText) events.push(...text(parsed.text));
          parsed.tool_calls.forEach((call, index) => {
            if (toolCalls.has(index)) return;
            const inputJson = JSON.stringify(call.parameters);
            events.push({
              type: 'tool-use-delta',
              index: index + 1,
              ...openToolCall(index, call.name),
              inputJson,
            });
          });
          break;
        }
        case 'stream-end': {
          const parsed = parseNativePart(StreamEndChunkSchema, chunk, what);
          rawStopReason = parsed.finish_reason;
          counts = countsOfMeta(parsed.response?.meta) ?? counts;
          break;
        }
        default:
          return undefined;
      }
      // Ends on the chunk carrying the invocation metrics (stream-end) or at finish().
      return { events, final: false };
    },
    summary: () => ({ rawStopReason, inputTokens: counts?.inputTokens, outputTokens: counts?.outputTokens }),
    calledTools: () => toolCalls.size > 0,
  };
}
