import {
  BedrockHttpError,
  type EmulatorRequest,
  type EmulatorResponse,
  type EventStreamMessage,
} from '../http/emulator-request.js';
import type { BedrockService } from '../http/bedrock-service.js';
import { exceptionMessage } from '../http/event-stream-encoder.js';
import { DropConnection } from '../http/write-response.js';
import { sleep } from '../latency.js';
import { DEFAULT_STREAM_EXCEPTION, faultException, STREAM_EXCEPTION_PAYLOADS } from './fault-exceptions.js';
import type { FaultSpec } from './fault-spec.js';

const DEFAULT_THROTTLE_RETRY_AFTER_MS = 1000;
const DEFAULT_SLOW_DELAY_MS = 250;

/**
 * Runs `respond` under a fault. Error kinds answer instead of the operation (after `delayMs`), with
 * the exception `service` models for them; `drop` without `after` cuts the connection first; the
 * stream kinds run the operation and rewrite its event stream (the registry only selects them for
 * event-stream operations, so a call they cannot reach never uses up their count).
 */
export async function applyFault(
  fault: FaultSpec | undefined,
  service: BedrockService,
  request: Pick<EmulatorRequest, 'signal'>,
  respond: () => Promise<EmulatorResponse>,
): Promise<EmulatorResponse> {
  if (fault === undefined) return respond();
  const signal = request.signal;
  if (fault.kind !== 'slow' && fault.delayMs !== undefined) await sleep(fault.delayMs, signal);
  switch (fault.kind) {
    case 'throttle':
    case 'model-not-ready':
    case 'timeout':
    case 'internal':
    case 'unavailable':
    case 'model-error': {
      const answer = faultException(service, fault.kind);
      // Only the kinds a client is meant to back off from carry a hint.
      const retryAfterMs =
        fault.kind === 'throttle'
          ? (fault.retryAfterMs ?? DEFAULT_THROTTLE_RETRY_AFTER_MS)
          : fault.kind === 'model-not-ready'
            ? (fault.retryAfterMs ?? 0)
            : 0;
      throw new BedrockHttpError(
        answer.status,
        answer.exception,
        fault.message ?? answer.message,
        answer.extra,
        retryHeaders(retryAfterMs),
      );
    }
    case 'drop': {
      if (fault.after === undefined) return { kind: 'drop' };
      // Only a stream has chunks to count; any other answer is dropped before it is sent.
      const response = await respond();
      return response.kind === 'event-stream'
        ? withStreamFault(response, fault, service, signal)
        : { kind: 'drop' };
    }
    case 'stream-error':
    case 'stall':
    case 'slow':
      return withStreamFault(await respond(), fault, service, signal);
  }
}

/** `x-amz-retry-after` first: the SDK uses whichever back-off header it meets first. */
function retryHeaders(retryAfterMs: number): Record<string, string> {
  if (retryAfterMs <= 0) return {};
  return { 'x-amz-retry-after': String(retryAfterMs), 'retry-after': String(Math.ceil(retryAfterMs / 1000)) };
}

function withStreamFault(
  response: EmulatorResponse,
  fault: FaultSpec,
  service: BedrockService,
  signal: AbortSignal,
): EmulatorResponse {
  if (response.kind !== 'event-stream') return response;
  return { ...response, messages: faultyMessages(response.messages, fault, service, signal) };
}

async function* faultyMessages(
  messages: AsyncIterable<EventStreamMessage>,
  fault: FaultSpec,
  service: BedrockService,
  signal: AbortSignal,
): AsyncGenerator<EventStreamMessage> {
  const after = fault.after ?? (fault.kind === 'slow' ? Number.POSITIVE_INFINITY : 1);
  let sent = 0;
  for await (const message of messages) {
    if (sent >= after) {
      yield* strike(fault, service, signal, message);
      return;
    }
    if (fault.kind === 'slow') await sleep(fault.delayMs ?? DEFAULT_SLOW_DELAY_MS, signal);
    yield message;
    sent++;
  }
  // A stream shorter than `after` still gets its fault, at the very end.
  if (fault.kind !== 'slow') yield* strike(fault, service, signal);
}

async function* strike(
  fault: FaultSpec,
  service: BedrockService,
  signal: AbortSignal,
  next?: EventStreamMessage,
): AsyncGenerator<EventStreamMessage> {
  if (fault.kind === 'stream-error') {
    const exception = fault.exception ?? DEFAULT_STREAM_EXCEPTION[service];
    const payload = STREAM_EXCEPTION_PAYLOADS[exception];
    yield exceptionMessage(
      exception,
      fault.message === undefined ? payload : { ...payload, message: fault.message },
    );
  } else if (fault.kind === 'stall') {
    // Headers and the first frames are out; now say nothing until the client or close() gives up.
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else
        signal.addEventListener(
          'abort',
          () => {
            resolve();
          },
          { once: true },
        );
    });
  } else if (fault.kind === 'drop') {
    throw new DropConnection(next);
  }
}
