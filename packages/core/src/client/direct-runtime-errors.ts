import {
  AccessDeniedException,
  BedrockRuntimeServiceException,
  ConflictException,
  InternalServerException,
  ModelErrorException,
  ModelNotReadyException,
  ModelStreamErrorException,
  ModelTimeoutException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { decorateServiceException } from '@smithy/core/client';
import type { Message } from '@smithy/core/event-streams';
import { toUtf8 } from '@smithy/core/serde';
import type { ResponseMetadata } from '@smithy/types';

type ExceptionOptions = { message: string; $metadata: ResponseMetadata } & Record<string, unknown>;
type ExceptionClass = new (options: ExceptionOptions) => BedrockRuntimeServiceException;

/** The runtime's modeled exceptions: the classes the SDK itself throws (bedrock-protocol.md §4.2). */
const MODELED: Readonly<Record<string, ExceptionClass>> = {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  ModelErrorException,
  ModelNotReadyException,
  ModelStreamErrorException,
  ModelTimeoutException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
};

/** Members beyond `message` that the runtime's exceptions model (copied from the body). */
const MODELED_MEMBERS = ['originalStatusCode', 'resourceName', 'originalMessage'] as const;

/** In-stream exception members each streaming operation models (bedrock-protocol.md §3.5). */
const STREAM_EXCEPTIONS = {
  InvokeModelWithResponseStream: new Set([
    'internalServerException',
    'modelStreamErrorException',
    'validationException',
    'throttlingException',
    'modelTimeoutException',
    'serviceUnavailableException',
  ]),
  ConverseStream: new Set([
    'internalServerException',
    'modelStreamErrorException',
    'validationException',
    'throttlingException',
    'serviceUnavailableException',
  ]),
} as const;

export interface HttpAnswer {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
}

export function requestIdOf(headers: Readonly<Record<string, string | undefined>>): string | undefined {
  return headers['x-amzn-requestid'] ?? headers['x-amzn-request-id'] ?? headers['x-amz-request-id'];
}

/** `$metadata` as the SDK fills it for one attempt of a client with `maxAttempts: 1`. */
function metadataOf(answer: HttpAnswer): ResponseMetadata {
  // Absent headers stay as undefined keys, as in the SDK's own metadata.
  return {
    httpStatusCode: answer.statusCode,
    requestId: requestIdOf(answer.headers),
    extendedRequestId: answer.headers['x-amz-id-2'],
    cfId: answer.headers['x-amz-cf-id'],
    attempts: 1,
    totalRetryDelay: 0,
  } as ResponseMetadata;
}

/**
 * A non-2xx runtime answer as the error the SDK would throw for it: the error code from
 * `x-amzn-errortype`, else the body's `code`/`__type`, cut at `,`/`:` and after `#`; the modeled
 * class when there is one, else the service's base exception named after the code; `$response`
 * attached (hidden) so Retry-After headers stay readable.
 */
export function httpErrorOf(answer: HttpAnswer, bodyText: string): Error {
  let data: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(bodyText) as unknown;
    if (typeof parsed === 'object' && parsed !== null) data = parsed as Record<string, unknown>;
  } catch {
    // A proxy's HTML page: the status and headers still classify it.
  }
  const name = errorCodeOf(answer.headers, data) ?? 'Unknown';
  const $metadata = metadataOf(answer);
  const message = stringOr(data['message'], stringOr(data['Message'], 'UnknownError'));
  const Modeled = MODELED[name];
  let error: BedrockRuntimeServiceException;
  if (Modeled !== undefined) {
    const members = Object.fromEntries(
      MODELED_MEMBERS.filter((member) => data[member] !== undefined).map((member) => [member, data[member]]),
    );
    error = new Modeled({ message, $metadata, ...members });
  } else {
    error = decorateServiceException(
      new BedrockRuntimeServiceException({
        name,
        $fault: answer.statusCode < 500 ? 'client' : 'server',
        $metadata,
        message,
      }),
      data,
    );
  }
  Object.defineProperty(error, '$response', {
    value: { statusCode: answer.statusCode, headers: answer.headers, body: bodyText },
    enumerable: false,
  });
  return error;
}

/** An in-stream `exception` or `error` message as the error the SDK's unmarshaller throws. */
export function streamErrorOf(
  operation: keyof typeof STREAM_EXCEPTIONS,
  message: Message,
): Error | undefined {
  const messageType = message.headers[':message-type']?.value;
  if (messageType === 'error') {
    const error = new Error(String(message.headers[':error-message']?.value ?? 'UnknownError'));
    error.name = String(message.headers[':error-code']?.value);
    return error;
  }
  if (messageType !== 'exception') return undefined;
  const type = String(message.headers[':exception-type']?.value);
  const text = toUtf8(message.body);
  const Modeled = MODELED[type.charAt(0).toUpperCase() + type.slice(1)];
  if (!STREAM_EXCEPTIONS[operation].has(type) || Modeled === undefined) {
    const error = new Error(text);
    error.name = type;
    return error;
  }
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Keep the class; the message falls back below.
  }
  const members = Object.fromEntries(
    MODELED_MEMBERS.filter((member) => data[member] !== undefined).map((member) => [member, data[member]]),
  );
  return new Modeled({ message: stringOr(data['message'], 'UnknownError'), $metadata: {}, ...members });
}

function errorCodeOf(
  headers: Readonly<Record<string, string | undefined>>,
  data: Record<string, unknown>,
): string | undefined {
  const raw =
    headers['x-amzn-errortype'] ??
    stringOr(data['code'], undefined) ??
    stringOr(data['Code'], undefined) ??
    stringOr(data['__type'], undefined);
  if (raw === undefined) return undefined;
  let code = raw.split(',')[0] ?? raw;
  code = code.split(':')[0] ?? code;
  const hash = code.indexOf('#');
  return hash >= 0 ? code.slice(hash + 1) : code;
}

function stringOr<T extends string | undefined>(value: unknown, fallback: T): string | T {
  return typeof value === 'string' ? value : fallback;
}
