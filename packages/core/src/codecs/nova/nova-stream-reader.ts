import { CodecError } from '../../errors/quarry-error.js';
import type { StreamEvent } from '../../stream/stream-event.js';
import type { NativeChunkReader } from '../../codec-kit/native-stream-decoder.js';
import { parseNativePart } from '../../codec-kit/parse-native-part.js';
import { NovaStreamChunkSchema } from './nova-schemas.js';

const FAMILY_NAME = 'Amazon Nova';

const KNOWN_KEYS = [
  'messageStart',
  'contentBlockStart',
  'contentBlockDelta',
  'contentBlockStop',
  'messageStop',
  'metadata',
] as const;

interface OpenToolUse {
  readonly toolUseId: string;
  readonly name: string;
  fragments: number;
}

/**
 * Reads Nova's one-key stream chunks. `contentBlockStart.start.toolUse` opens a tool call; each
 * `contentBlockDelta.delta.toolUse.input` fragment becomes one `tool-use-delta` (a tool block that
 * stops without any yields one empty fragment). `metadata` is the last chunk and carries the usage.
 */
export function createNovaChunkReader(): NativeChunkReader {
  let inputTokens: number | undefined;
  let outputTokens: number | undefined;
  let rawStopReason: string | undefined;
  const toolUses = new Map<number, OpenToolUse>();

  return {
    read(chunk) {
      const kind = KNOWN_KEYS.find((key) => Object.hasOwn(chunk, key));
      if (kind === undefined) return undefined;
      const what = `${FAMILY_NAME} stream chunk ${kind}`;
      const parsed = parseNativePart(NovaStreamChunkSchema, chunk, what);
      const events: StreamEvent[] = [];

      const start = parsed.contentBlockStart;
      if (start?.start?.toolUse !== undefined) {
        const { toolUseId, name } = start.start.toolUse;
        toolUses.set(start.contentBlockIndex, { toolUseId, name, fragments: 0 });
      }
      const delta = parsed.contentBlockDelta;
      if (delta !== undefined) {
        const index = delta.contentBlockIndex;
        if (delta.delta.text !== undefined && delta.delta.text !== '') {
          events.push({ type: 'text-delta', index, text: delta.delta.text });
        }
        if (delta.delta.toolUse !== undefined) {
          const toolUse = toolUses.get(index);
          if (toolUse === undefined) {
            throw new CodecError(
              `Unreadable ${what}: a toolUse delta for block ${index}, which no toolUse start opened.`,
            );
          }
          toolUse.fragments += 1;
          const { toolUseId, name } = toolUse;
          events.push({
            type: 'tool-use-delta',
            index,
            toolUseId,
            name,
            inputJson: delta.delta.toolUse.input,
          });
        }
      }
      const stopIndex = parsed.contentBlockStop?.contentBlockIndex;
      if (stopIndex !== undefined) {
        const toolUse = toolUses.get(stopIndex);
        if (toolUse?.fragments === 0) {
          const { toolUseId, name } = toolUse;
          events.push({ type: 'tool-use-delta', index: stopIndex, toolUseId, name, inputJson: '' });
        }
        toolUses.delete(stopIndex);
      }
      if (parsed.messageStop !== undefined) rawStopReason = parsed.messageStop.stopReason;
      if (parsed.metadata !== undefined) {
        inputTokens = parsed.metadata.usage?.inputTokens ?? inputTokens;
        outputTokens = parsed.metadata.usage?.outputTokens ?? outputTokens;
      }
      return { events, final: parsed.metadata !== undefined };
    },
    summary: () => ({ rawStopReason, inputTokens, outputTokens }),
  };
}
