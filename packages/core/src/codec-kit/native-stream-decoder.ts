import { z } from 'zod';
import { CodecError } from '../errors/quarry-error.js';
import type { InvocationMetrics, StreamEvent } from '../stream/stream-event.js';
import type { StopReason } from './chat-types.js';
import type { StreamContext, StreamDecoder } from './codec.js';
import { parseNativePart } from './parse-native-part.js';
import { usageOf } from './usage.js';

/**
 * Bedrock adds this object to the last chunk of every text model's InvokeModelWithResponseStream
 * (bedrock-protocol.md §3.7). The key contains hyphens; keep it verbatim.
 */
const INVOCATION_METRICS_KEY = 'amazon-bedrock-invocationMetrics';

const TokenCount = z.number().int().nonnegative();

const InvocationMetricsSchema = z.looseObject({
  inputTokenCount: TokenCount.optional(),
  outputTokenCount: TokenCount.optional(),
  invocationLatency: z.number().nonnegative().optional(),
  firstByteLatency: z.number().nonnegative().optional(),
});

/** What one native chunk said, as its family reads it. */
interface ChunkReading {
  /** `text-delta` and `tool-use-delta` events, in stream order. */
  readonly events: readonly StreamEvent[];
  /** The chunk is the family's own end marker (Anthropic `message_stop`, Nova `metadata`, …). */
  readonly final: boolean;
}

/** What a stream has said so far about how it ended; undefined where it has not said. */
interface StreamSummary {
  readonly rawStopReason: string | undefined;
  readonly inputTokens: number | undefined;
  readonly outputTokens: number | undefined;
}

/** One family's per-stream chunk reader; holds that stream's state (open tool calls, token counts). */
export interface NativeChunkReader {
  /**
   * Reads one chunk (a JSON object). Returns undefined for chunk types it does not know, which are
   * skipped; throws CodecError on a chunk of a known type it cannot read.
   */
  read(chunk: Readonly<Record<string, unknown>>): ChunkReading | undefined;
  summary(): StreamSummary;
}

interface NativeStreamOptions {
  /** The family's display name for error messages, e.g. `Anthropic Messages`. */
  readonly familyName: string;
  /** Fresh per stream. */
  readonly reader: NativeChunkReader;
  readonly mapStopReason: (raw: string) => StopReason;
}

/**
 * The lifecycle every InvokeModelWithResponseStream family shares: `stream-start` on the first
 * chunk, the family's content events, then exactly one `stream-end` — on the family's end marker or
 * on the chunk carrying `amazon-bedrock-invocationMetrics` (always the last one), else from
 * `finish()`. Token counts the stream reported win; the invocation metrics fill the gaps. Chunks
 * after `stream-end` are ignored.
 */
export function createNativeStreamDecoder(
  context: StreamContext,
  options: NativeStreamOptions,
): StreamDecoder {
  const { familyName, reader, mapStopReason } = options;
  let started = false;
  let ended = false;
  let invocation: z.output<typeof InvocationMetricsSchema> | undefined;

  const start = (): StreamEvent[] => {
    if (started) return [];
    started = true;
    return [{ type: 'stream-start', modelId: context.modelId, requestId: context.requestId }];
  };

  const end = (): StreamEvent[] => {
    if (ended) return [];
    ended = true;
    const seen = reader.summary();
    const inputTokens = seen.inputTokens ?? invocation?.inputTokenCount ?? 0;
    const outputTokens = seen.outputTokens ?? invocation?.outputTokenCount ?? 0;
    // A stream cut before its stop reason (finish() after a truncated upstream) reads as a normal end.
    const rawStopReason = seen.rawStopReason ?? 'end_turn';
    return [
      {
        type: 'stream-end',
        stopReason: seen.rawStopReason === undefined ? 'end_turn' : mapStopReason(seen.rawStopReason),
        rawStopReason,
        usage: usageOf(inputTokens, outputTokens),
        metrics: toMetrics(invocation),
      },
    ];
  };

  return {
    push(chunk) {
      if (ended) return [];
      if (!isJsonObject(chunk)) {
        throw new CodecError(
          `Unreadable ${familyName} stream chunk: expected a JSON object, got ${describe(chunk)}.`,
        );
      }
      const events = start();
      const last = Object.hasOwn(chunk, INVOCATION_METRICS_KEY);
      if (last) {
        invocation = parseNativePart(
          InvocationMetricsSchema,
          chunk[INVOCATION_METRICS_KEY],
          `${familyName} stream chunk ${INVOCATION_METRICS_KEY}`,
        );
      }
      const reading = reader.read(chunk);
      if (reading !== undefined) events.push(...reading.events);
      if (last || reading?.final === true) events.push(...end());
      return events;
    },
    finish() {
      return [...start(), ...end()];
    },
  };
}

function toMetrics(
  invocation: z.output<typeof InvocationMetricsSchema> | undefined,
): InvocationMetrics | undefined {
  if (invocation?.invocationLatency === undefined) return undefined;
  return {
    invocationLatencyMs: invocation.invocationLatency,
    firstByteLatencyMs: invocation.firstByteLatency,
  };
}

function isJsonObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
