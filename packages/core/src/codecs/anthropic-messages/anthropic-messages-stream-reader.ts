import { CodecError } from '../../errors/quarry-error.js';
import type { StreamEvent } from '../../stream/stream-event.js';
import type { NativeChunkReader } from '../../codec-kit/native-stream-decoder.js';
import { parseNativePart } from '../../codec-kit/parse-native-part.js';
import {
  ContentBlockDeltaChunkSchema,
  ContentBlockStartChunkSchema,
  ContentBlockStopChunkSchema,
  ErrorChunkSchema,
  InputJsonDeltaSchema,
  MessageDeltaChunkSchema,
  MessageStartChunkSchema,
  TextDeltaSchema,
  ToolUseStartSchema,
} from './anthropic-messages-schemas.js';

const FAMILY_NAME = 'Anthropic Messages';

interface OpenToolUse {
  readonly toolUseId: string;
  readonly name: string;
  fragments: number;
}

/**
 * Reads Claude's stream chunks (`message_start`, `content_block_*`, `message_delta`, `message_stop`).
 * Each `input_json_delta` becomes one `tool-use-delta` carrying the id and name from its block's
 * `content_block_start`; a tool block that closes without any fragment yields one empty fragment, so
 * every tool call is visible. `thinking` blocks, `ping` and unknown chunk types are skipped.
 */
export function createAnthropicMessagesChunkReader(): NativeChunkReader {
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  let rawStopReason: string | undefined;
  const toolUses = new Map<number, OpenToolUse>();

  return {
    read(chunk) {
      const type = chunk['type'];
      if (typeof type !== 'string') return undefined;
      const what = `${FAMILY_NAME} stream chunk ${type}`;
      const events: StreamEvent[] = [];
      switch (type) {
        case 'message_start': {
          const usage = parseNativePart(MessageStartChunkSchema, chunk, what).message.usage;
          inputTokens = usage?.input_tokens ?? inputTokens;
          outputTokens = usage?.output_tokens ?? outputTokens;
          return { events, final: false };
        }
        case 'content_block_start': {
          const start = parseNativePart(ContentBlockStartChunkSchema, chunk, what);
          if (start.content_block.type === 'tool_use') {
            const block = parseNativePart(ToolUseStartSchema, start.content_block, `${what} content_block`);
            toolUses.set(start.index, { toolUseId: block.id, name: block.name, fragments: 0 });
          }
          return { events, final: false };
        }
        case 'content_block_delta': {
          const plain = plainTextDelta(chunk);
          if (plain !== undefined) {
            if (plain.text !== '') events.push({ type: 'text-delta', index: plain.index, text: plain.text });
            return { events, final: false };
          }
          const { index, delta } = parseNativePart(ContentBlockDeltaChunkSchema, chunk, what);
          if (delta.type === 'text_delta') {
            const { text } = parseNativePart(TextDeltaSchema, delta, `${what} text_delta`);
            if (text !== '') events.push({ type: 'text-delta', index, text });
          } else if (delta.type === 'input_json_delta') {
            const { partial_json: inputJson } = parseNativePart(
              InputJsonDeltaSchema,
              delta,
              `${what} input_json_delta`,
            );
            const toolUse = toolUses.get(index);
            if (toolUse === undefined) {
              throw new CodecError(
                `Unreadable ${what}: input_json_delta for block ${index}, which no tool_use block opened.`,
              );
            }
            toolUse.fragments += 1;
            events.push({
              type: 'tool-use-delta',
              index,
              toolUseId: toolUse.toolUseId,
              name: toolUse.name,
              inputJson,
            });
          }
          // thinking_delta, signature_delta, citations_delta: no neutral event yet.
          return { events, final: false };
        }
        case 'content_block_stop': {
          const { index } = parseNativePart(ContentBlockStopChunkSchema, chunk, what);
          const toolUse = toolUses.get(index);
          if (toolUse?.fragments === 0) {
            events.push({
              type: 'tool-use-delta',
              index,
              toolUseId: toolUse.toolUseId,
              name: toolUse.name,
              inputJson: '',
            });
          }
          toolUses.delete(index);
          return { events, final: false };
        }
        case 'message_delta': {
          const message = parseNativePart(MessageDeltaChunkSchema, chunk, what);
          rawStopReason = message.delta.stop_reason ?? rawStopReason;
          outputTokens = message.usage?.output_tokens ?? outputTokens;
          return { events, final: false };
        }
        case 'message_stop':
          return { events, final: true };
        case 'error': {
          const { error } = parseNativePart(ErrorChunkSchema, chunk, what);
          throw new CodecError(`${FAMILY_NAME} stream failed: ${error.type}: ${error.message}`);
        }
        default:
          return undefined;
      }
    },
    summary: () => ({ rawStopReason, inputTokens, outputTokens }),
  };
}

/**
 * A well-formed text delta, checked by hand: the chunk Claude sends for every few tokens, where two
 * schema runs were a visible share of a stream's CPU. It accepts exactly what the schemas accept
 * for a text delta; anything else (another delta type, a malformed chunk) takes the schema path,
 * which reads it or names what is wrong.
 */
function plainTextDelta(
  chunk: Readonly<Record<string, unknown>>,
): { index: number; text: string } | undefined {
  const index = chunk['index'];
  const delta = chunk['delta'];
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) return undefined;
  if (typeof delta !== 'object' || delta === null) return undefined;
  const { type, text } = delta as { readonly type?: unknown; readonly text?: unknown };
  return type === 'text_delta' && typeof text === 'string' ? { index, text } : undefined;
}
