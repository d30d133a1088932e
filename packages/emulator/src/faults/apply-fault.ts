import {
  BedrockHttpError,
  type EmulatorRequest,
  type EmulatorResponse,
  type EventStreamMessage,
} from '../http/emulator-request.js';
import { exceptionMessage } from '../http/event-stream-encoder.js';
import { DropConnection } from '../http/write-response.js';
import { sleep } from '../latency.js';
import type { FaultSpec, StreamException } from './fault-spec.js';

const DEFAULT_THROTTLE_RETRY_AFTER_MS = 1000;
const DEFAULT_SLOW_DELAY_MS = 250;

// Messages as real Bedrock words them where known (bedrock-protocol.md §4.3).
const STREAM_EXCEPTION_PAYLOADS: Readonly<Record<StreamException, Readonly<Record<string, unknown>>>> = {
  modelStreamErrorException: {
    message: 'The model stream was interrupted by an error. Try your request again.',
    originalStatusCode: 500,
    originalMessage: 'Internal model error',
  },
  throttlingException: { message: 'Too many tokens, please wait before trying again.' },
  internalServerException: {
    message: 'The server encountered an internal error while processing the request.',
  },
  serviceUnavailableException: { message: 'Bedrock is unable to process your request.' },
  validationException: { message: 'The request failed validation while the response was streaming.' },
  modelTimeoutException: {
    message: 'Model has timed out in processing the request. Try your request again.',
  },
};

/**
 * Runs `respond` under a fault. Error kinds answer instead of the operation (after `delayMs`);
 * `drop` without `after` cuts the connection first; the stream kinds run the operation and rewrite
 * its event stream (they leave non-streaming answers alone).
 */
export async function applyFault(
  fault: FaultSpec | undefined,
  request: Pick<EmulatorRequest, 'signal'>,
  respond: () => Promise<EmulatorResponse>,
): Promise<EmulatorResponse> {
  if (fault === undefined) return respond();
  const signal = request.signal;
  if (fault.kind !== 'slow' && fault.delayMs !== undefined) await sleep(fault.delayMs, signal);
  switch (fault.kind) {
    case 'throttle':
      throw new BedrockHttpError(
        429,
        'ThrottlingException',
        fault.message ?? 'Too many requests, please wait before trying again.',
        {},
        retryHeaders(fault.retryAfterMs ?? DEFAULT_THROTTLE_RETRY_AFTER_MS),
      );
    case 'model-not-ready':
      throw new BedrockHttpError(
        429,
        'ModelNotReadyException',
        fault.message ?? 'Model is not ready to serve inference requests. Try your request again later.',
        {},
        retryHeaders(fault.retryAfterMs ?? 0),
      );
    case 'timeout':
      throw new BedrockHttpError(
        408,
        'ModelTimeoutException',
        fault.message ?? 'Model has timed out in processing the request. Try your request again.',
      );
    case 'internal':
      throw new BedrockHttpError(
        500,
        'InternalServerException',
        fault.message ?? 'The server encountered an internal error while processing the request.',
      );
    case 'unavailable':
      throw new BedrockHttpError(
        503,
        'ServiceUnavailableException',
        fault.message ?? 'Bedrock is unable to process your request.',
      );
    case 'model-error':
      throw new BedrockHttpError(
        424,
        'ModelErrorException',
        fault.message ?? 'The model returned an error.',
        {
          originalStatusCode: 500,
        },
      );
    case 'drop': {
      if (fault.after === undefined) return { kind: 'drop' };
      // Only a stream has chunks to count; any other answer is dropped before it is sent.
      const response = await respond();
      return response.kind === 'event-stream' ? withStreamFault(response, fault, signal) : { kind: 'drop' };
    }
    case 'stream-error':
    case 'stall':
    case 'slow':
      return withStreamFault(await respond(), fault, signal);
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
  signal: AbortSignal,
): EmulatorResponse {
  if (response.kind !== 'event-stream') return response;
  return { ...response, messages: faultyMessages(response.messages, fault, signal) };
}

async function* faultyMessages(
  messages: AsyncIterable<EventStreamMessage>,
  fault: FaultSpec,
  signal: AbortSignal,
): AsyncGenerator<EventStreamMessage> {
  const after = fault.after ?? (fault.kind === 'slow' ? Number.POSITIVE_INFINITY : 1);
  let sent = 0;
  for await (const message of messages) {
    if (sent >= after) {
      yield* strike(fault, signal, message);
      return;
    }
    if (fault.kind === 'slow') await sleep(fault.delayMs ?? DEFAULT_SLOW_DELAY_MS, signal);
    yield message;
    sent++;
  }
  // A stream shorter than `after` still gets its fault, at the very end.
  if (fault.kind !== 'slow') yield* strike(fault, signal);
}

async function* strike(
  fault: FaultSpec,
  signal: AbortSignal,
  next?: EventStreamMessage,
): AsyncGenerator<EventStreamMessage> {
  if (fault.kind === 'stream-error') {
    const exception = fault.exception ?? 'modelStreamErrorException';
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
