import type { EmulatorResponse, EventStreamMessage } from './emulator-request.js';
import { errorResponse } from './error-response.js';
import { exceptionMessage, type EventStreamEncoder } from './event-stream-encoder.js';
import type { StatsRecorder } from './emulator-stats.js';
import type { ResponseSink } from './exchange.js';

/**
 * Thrown by an event-stream message source to cut the connection mid-stream (the dropped-connection
 * fault); the writer destroys the socket instead of ending the stream. With `partial`, the first
 * half of that message's frame goes out first, as when TCP dies mid-frame: the SDK then reports
 * "Truncated event message received." instead of ending an HTTP/2 stream quietly.
 */
export class DropConnection extends Error {
  override name = 'DropConnection';
  constructor(readonly partial?: EventStreamMessage) {
    super('connection dropped on purpose');
  }
}

export interface WriteContext {
  readonly requestId: string;
  /** True once the client has gone away. */
  isAborted(): boolean;
  readonly encoder: EventStreamEncoder;
  readonly onInternalError: (error: unknown) => void;
  readonly stats: Pick<StatsRecorder, 'streamOpened' | 'streamClosed'>;
}

/** Writes one EmulatorResponse, adding `x-amzn-requestid` (the SDK's `$metadata.requestId`). */
export async function writeResponse(
  sink: ResponseSink,
  response: EmulatorResponse,
  context: WriteContext,
): Promise<void> {
  switch (response.kind) {
    case 'json':
    case 'bytes': {
      const body = response.kind === 'json' ? Buffer.from(JSON.stringify(response.body)) : response.body;
      sink.start(response.status, {
        'content-type': response.kind === 'json' ? 'application/json' : 'application/octet-stream',
        ...response.headers,
        'content-length': String(body.byteLength),
        'x-amzn-requestid': context.requestId,
      });
      sink.end(body);
      return;
    }
    case 'event-stream':
      await writeEventStream(sink, response, context);
      return;
    case 'drop':
      sink.destroyConnection();
      return;
  }
}

async function writeEventStream(
  sink: ResponseSink,
  response: Extract<EmulatorResponse, { kind: 'event-stream' }>,
  context: WriteContext,
): Promise<void> {
  context.stats.streamOpened();
  try {
    await writeEventStreamMessages(sink, response, context);
  } finally {
    context.stats.streamClosed();
  }
}

async function writeEventStreamMessages(
  sink: ResponseSink,
  response: Extract<EmulatorResponse, { kind: 'event-stream' }>,
  context: WriteContext,
): Promise<void> {
  const iterator = response.messages[Symbol.asyncIterator]();
  const start = (): void => {
    sink.start(200, {
      'content-type': 'application/vnd.amazon.eventstream',
      ...response.headers,
      'x-amzn-requestid': context.requestId,
    });
  };
  try {
    for (;;) {
      const next = await iterator.next();
      if (context.isAborted() || !sink.writable) {
        await iterator.return?.();
        return;
      }
      // Headers leave with the first frame, not before: a failure before any frame can still be a
      // plain HTTP error (§3.6 point 4). Producers send their opening frame at once (runtime/stream-pacing.ts),
      // so this costs the SDK's send() nothing.
      if (!sink.headersSent) start();
      if (next.done === true) break;
      const blocked = sink.write(context.encoder.encode(next.value));
      if (blocked !== undefined) await blocked;
    }
    sink.end();
  } catch (error) {
    if (error instanceof DropConnection) {
      if (error.partial !== undefined && sink.headersSent) {
        const frame = context.encoder.encode(error.partial);
        await sink.write(frame.subarray(0, Math.ceil(frame.length / 2)));
      }
      sink.destroyConnection();
      return;
    }
    if (!sink.writable) return;
    // Nothing sent yet: the failure can still be a plain HTTP error (§3.6 point 4).
    if (!sink.headersSent) {
      await writeResponse(sink, errorResponse(error, context.onInternalError), context);
      return;
    }
    context.onInternalError(error);
    // A 200 is already on the wire, so the failure travels the way Bedrock sends late errors.
    const frame = exceptionMessage('internalServerException', {
      message: 'The server encountered an internal error.',
    });
    await sink.write(context.encoder.encode(frame));
    sink.end();
  }
}
