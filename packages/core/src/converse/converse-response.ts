import type {
  ConverseCommandOutput,
  ConverseStreamOutput,
  StopReason as SdkStopReason,
} from '@aws-sdk/client-bedrock-runtime';
import { CodecError } from '../errors/quarry-error.js';
import type { InvocationMetrics, StreamEvent } from '../stream/stream-event.js';
import type { ChatResult, StopReason, ToolCall, Usage } from '../codec-kit/chat-types.js';
import type { StreamContext, StreamDecoder } from '../codec-kit/codec.js';
import { usageOf } from '../codec-kit/usage.js';

/** Converse stop reasons Quarry does not model collapse to the closest neutral reason. */
const STOP_REASONS = {
  end_turn: 'end_turn',
  tool_use: 'tool_use',
  max_tokens: 'max_tokens',
  stop_sequence: 'stop_sequence',
  guardrail_intervened: 'guardrail_intervened',
  content_filtered: 'content_filtered',
  malformed_model_output: 'end_turn',
  malformed_tool_use: 'end_turn',
  model_context_window_exceeded: 'max_tokens',
} as const satisfies Record<SdkStopReason, StopReason>;

function mapConverseStopReason(raw: string | undefined): StopReason {
  if (raw !== undefined && Object.hasOwn(STOP_REASONS, raw)) return STOP_REASONS[raw as SdkStopReason];
  return 'end_turn';
}

function toUsage(
  usage: { inputTokens?: number | undefined; outputTokens?: number | undefined } | undefined,
): Usage {
  return usageOf(usage?.inputTokens ?? 0, usage?.outputTokens ?? 0);
}

/** Reads a Converse response into the neutral result. */
export function fromConverseResponse(
  output: Pick<ConverseCommandOutput, 'output' | 'stopReason' | 'usage'>,
): ChatResult {
  const message = output.output?.message;
  if (message === undefined) throw new CodecError('Converse response has no output.message');
  let text = '';
  const toolCalls: ToolCall[] = [];
  for (const block of message.content ?? []) {
    if (block.text !== undefined) text += block.text;
    if (block.toolUse !== undefined) {
      toolCalls.push({
        toolUseId: block.toolUse.toolUseId ?? '',
        name: block.toolUse.name ?? '',
        input: block.toolUse.input,
      });
    }
  }
  const rawStopReason = output.stopReason ?? 'end_turn';
  return {
    text,
    toolCalls,
    stopReason: mapConverseStopReason(rawStopReason),
    rawStopReason,
    usage: toUsage(output.usage),
  };
}

/** Per-stream state for ConverseStream events (the SDK has already decoded the frames). */
export function createConverseStreamDecoder(context: StreamContext): StreamDecoder<ConverseStreamOutput> {
  let started = false;
  let ended = false;
  let rawStopReason: string | undefined;
  let usage: Usage | undefined;
  let metrics: InvocationMetrics | undefined;
  const tools = new Map<number, { toolUseId: string; name: string; fragments: number }>();

  const end = (): StreamEvent[] => {
    if (ended) return [];
    ended = true;
    const raw = rawStopReason ?? 'end_turn';
    return [
      {
        type: 'stream-end',
        stopReason: mapConverseStopReason(raw),
        rawStopReason: raw,
        usage: usage ?? toUsage(undefined),
        metrics,
      },
    ];
  };

  return {
    push(event) {
      const events: StreamEvent[] = [];
      if (!started) {
        started = true;
        events.push({ type: 'stream-start', modelId: context.modelId, requestId: context.requestId });
      }
      if (event.contentBlockStart !== undefined) {
        const index = event.contentBlockStart.contentBlockIndex ?? 0;
        const toolUse = event.contentBlockStart.start?.toolUse;
        if (toolUse !== undefined) {
          tools.set(index, { toolUseId: toolUse.toolUseId ?? '', name: toolUse.name ?? '', fragments: 0 });
        }
      } else if (event.contentBlockDelta !== undefined) {
        const index = event.contentBlockDelta.contentBlockIndex ?? 0;
        const delta = event.contentBlockDelta.delta;
        if (delta?.text !== undefined) events.push({ type: 'text-delta', index, text: delta.text });
        if (delta?.toolUse !== undefined) {
          const tool = tools.get(index);
          if (tool === undefined) {
            throw new CodecError(
              `ConverseStream sent tool input for block ${index} before its contentBlockStart`,
            );
          }
          tool.fragments++;
          events.push({
            type: 'tool-use-delta',
            index,
            toolUseId: tool.toolUseId,
            name: tool.name,
            inputJson: delta.toolUse.input ?? '',
          });
        }
      } else if (event.contentBlockStop !== undefined) {
        // A tool called without arguments streams no input at all; still report the call.
        const index = event.contentBlockStop.contentBlockIndex ?? 0;
        const tool = tools.get(index);
        if (tool?.fragments === 0) {
          tool.fragments++;
          events.push({
            type: 'tool-use-delta',
            index,
            toolUseId: tool.toolUseId,
            name: tool.name,
            inputJson: '',
          });
        }
      } else if (event.messageStop !== undefined) {
        rawStopReason = event.messageStop.stopReason;
      } else if (event.metadata !== undefined) {
        usage = toUsage(event.metadata.usage);
        const latency = event.metadata.metrics?.latencyMs;
        if (latency !== undefined) metrics = { invocationLatencyMs: latency, firstByteLatencyMs: undefined };
        events.push(...end());
      }
      return events;
    },
    finish: end,
  };
}
