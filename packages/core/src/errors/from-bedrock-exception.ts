import type { ErrorCode } from './error-codes.js';
import { parseRetryAfterMs } from './retry-after.js';
import { ConfigurationError, QuarryError, ThrottledError } from './quarry-error.js';

/** What the caller was doing, so messages can name the model, region and IAM action. */
export interface ExceptionContext {
  readonly modelId?: string;
  readonly region?: string;
  /** `InvokeModel`, `InvokeModelWithResponseStream`, `Converse`, … */
  readonly operation?: string;
}

/**
 * Bedrock exception name → [code, retryable]. Classification is data (as in smithy's retry
 * classifiers); STYLE.md fixes the table. Exception names arrive either PascalCase (HTTP errors)
 * or lower-camel (`:exception-type` of an in-stream exception the SDK did not model).
 */
const BY_EXCEPTION = {
  ValidationException: ['BAD_USER_INPUT', false],
  ConflictException: ['BAD_USER_INPUT', false],
  AccessDeniedException: ['MODEL_ACCESS_DENIED', false],
  ResourceNotFoundException: ['MODEL_NOT_FOUND', false],
  ThrottlingException: ['THROTTLED', true],
  ServiceQuotaExceededException: ['THROTTLED', false],
  ModelNotReadyException: ['MODEL_NOT_READY', true],
  ModelTimeoutException: ['MODEL_TIMEOUT', true],
  ModelErrorException: ['UPSTREAM_UNAVAILABLE', false],
  ModelStreamErrorException: ['UPSTREAM_UNAVAILABLE', false],
  ServiceUnavailableException: ['UPSTREAM_UNAVAILABLE', true],
  InternalServerException: ['UPSTREAM_UNAVAILABLE', true],
  DependencyFailedException: ['UPSTREAM_UNAVAILABLE', false],
  BadGatewayException: ['UPSTREAM_UNAVAILABLE', true],
} as const satisfies Record<string, readonly [ErrorCode, boolean]>;

type BedrockExceptionName = keyof typeof BY_EXCEPTION;

/** Runtime operations that run a model; their AccessDenied usually means model access is not enabled. */
const INVOKE_OPERATIONS = new Set([
  'InvokeModel',
  'InvokeModelWithResponseStream',
  'Converse',
  'ConverseStream',
  'CountTokens',
]);

/**
 * Throttling by another name (smithy's THROTTLING classifier list): proxies and older services
 * use these, and any 429 counts as throttling too (bedrock-protocol.md §4.4).
 */
const THROTTLING_NAMES = new Set([
  'ThrottledException',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'Throttling',
  'LimitExceededException',
  'ProvisionedThroughputExceededException',
  'SlowDown',
  'RequestLimitExceeded',
]);

/** Node and HTTP/2 transport failures that are worth another attempt (smithy's TRANSIENT set). */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_HTTP2_INVALID_SESSION',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);

/** Turns anything the AWS SDK (or the network below it) throws into a QuarryError with an actionable message. */
export function fromBedrockException(error: unknown, context: ExceptionContext = {}): QuarryError {
  if (error instanceof QuarryError) return error;
  if (!(error instanceof Error)) {
    return new QuarryError('INTERNAL_SERVER_ERROR', 'Unexpected failure calling Bedrock', { cause: error });
  }
  const name = canonicalName(error.name);
  const requestId = requestIdOf(error);
  const upstream = error.message.trim() === '' ? error.name : error.message.trim();
  if (name !== undefined && Object.hasOwn(BY_EXCEPTION, name)) {
    const exception = name as BedrockExceptionName;
    const [code, retryable] = BY_EXCEPTION[exception];
    const options = {
      retryable,
      cause: error,
      exception,
      ...(requestId !== undefined && { requestId }),
      ...(retryable && { retryAfterMs: retryAfterOf(error) }),
    };
    const message = describe(exception, upstream, context, error);
    if (code === 'THROTTLED') {
      return new ThrottledError(message, retryAfterOf(error), options);
    }
    return new QuarryError(code, message, options);
  }
  if (error.name === 'CredentialsProviderError') return missingCredentials(error, context);
  if (error.name === 'AbortError') {
    return new QuarryError('UPSTREAM_UNAVAILABLE', 'The request was cancelled before Bedrock answered.', {
      cause: error,
      exception: 'AbortError',
    });
  }
  const networkCode = networkCodeOf(error);
  if (
    error.name === 'TimeoutError' ||
    (networkCode !== undefined && TRANSIENT_NETWORK_CODES.has(networkCode))
  ) {
    return new QuarryError(
      'UPSTREAM_UNAVAILABLE',
      // The socket-level detail (addresses, ports) stays in `cause` for logs, out of client messages.
      `Could not reach Bedrock (${networkCode ?? error.name}). Quarry retries this automatically; if it persists, check the endpoint and network.`,
      { retryable: true, cause: error, exception: networkCode ?? error.name },
    );
  }
  const status = statusOf(error);
  if (status === 429 || (name !== undefined && THROTTLING_NAMES.has(name))) {
    return new ThrottledError(
      `The upstream throttled the request (HTTP ${status ?? 429}, ${error.name}). Quarry retries this with backoff; lower the request rate if it persists.`,
      retryAfterOf(error),
      { retryable: true, cause: error, exception: error.name, ...(requestId !== undefined && { requestId }) },
    );
  }
  if (status !== undefined && status >= 500) {
    return new QuarryError(
      'UPSTREAM_UNAVAILABLE',
      `Bedrock answered HTTP ${status} (${upstream}). Quarry retries this automatically.`,
      {
        retryable: true,
        cause: error,
        retryAfterMs: retryAfterOf(error),
        ...(requestId !== undefined && { requestId }),
      },
    );
  }
  return new QuarryError('INTERNAL_SERVER_ERROR', `Unexpected failure calling Bedrock: ${upstream}`, {
    cause: error,
    ...(requestId !== undefined && { requestId }),
  });
}

/**
 * The SDK's credential chain found nothing (its CredentialsProviderError): a setup mistake, not an
 * upstream failure, so it says what to set instead of "Unexpected failure".
 */
function missingCredentials(error: Error, context: ExceptionContext): ConfigurationError {
  const region = context.region === undefined ? '' : ` for ${context.region}`;
  return new ConfigurationError(
    'credentials',
    `No AWS credentials found${region} (${error.message.trim() || error.name}). Set AWS_ACCESS_KEY_ID and ` +
      'AWS_SECRET_ACCESS_KEY (plus AWS_SESSION_TOKEN for temporary keys), or AWS_PROFILE naming a profile in ' +
      '~/.aws/config, or run where an IAM role is available (ECS, EC2, Lambda); or pass `credentials` when ' +
      'connecting the client.',
    { cause: error, exception: error.name },
  );
}

/** `throttlingException` (an unmodeled in-stream exception) → `ThrottlingException`. */
function canonicalName(name: string): string | undefined {
  const first = name[0];
  return first === undefined ? undefined : first.toUpperCase() + name.slice(1);
}

function describe(
  exception: BedrockExceptionName,
  upstream: string,
  context: ExceptionContext,
  error: Error,
): string {
  const model = context.modelId ?? 'the requested model';
  const region = context.region === undefined ? '' : ` in ${context.region}`;
  switch (exception) {
    case 'AccessDeniedException': {
      const operation = context.operation ?? 'InvokeModel';
      // Reads (List*, Get*) are plain IAM questions; anything that runs or builds on a model
      // (invocations, batch jobs, customization, provisioned throughput) may also lack model access.
      if (/^(List|Get)[A-Z]/.test(operation)) {
        return `Access denied to ${operation}${region}: ${upstream} Make sure the caller's IAM policy allows bedrock:${operation}.`;
      }
      const action =
        operation === 'InvokeModelWithResponseStream' || operation === 'ConverseStream'
          ? 'bedrock:InvokeModelWithResponseStream'
          : INVOKE_OPERATIONS.has(operation)
            ? 'bedrock:InvokeModel'
            : `bedrock:${operation}`;
      return (
        `Access denied to ${model}${region}: ${upstream} ` +
        `Enable access to this model on the Bedrock console's "Model access" page for this region, accept its ` +
        `agreement offer if it has one (createAgreement(), i.e. CreateFoundationModelAgreement), and make ` +
        `sure the caller's IAM policy allows ${action} on it.`
      );
    }
    case 'ResourceNotFoundException':
      // Control-plane reads (jobs, profiles, throughput) name no model: say what was looked up.
      if (context.modelId === undefined && context.operation !== undefined) {
        return `${context.operation} found nothing${region}: ${upstream} Check the ID or ARN you passed.`;
      }
      return `${model} was not found${region}: ${upstream} Check the ID against the model catalog; retired models answer this too.`;
    case 'ThrottlingException': {
      const after = retryAfterOf(error);
      const wait = after === undefined ? 'Back off and retry' : `Retry after ${after} ms`;
      return `Bedrock throttled the request: ${upstream} ${wait}, lower the request rate, or request a quota increase / provisioned throughput.`;
    }
    case 'ServiceQuotaExceededException':
      return `A Bedrock service quota was exceeded: ${upstream} Retrying will not help; request a quota increase in Service Quotas.`;
    case 'ModelNotReadyException':
      return `${model} is not ready to serve yet: ${upstream} Quarry retries this automatically with backoff; try again shortly if retries ran out.`;
    case 'ModelTimeoutException':
      return `${model} timed out processing the request: ${upstream} Retry, shorten the prompt or lower maxTokens, or stream the response.`;
    case 'ModelErrorException':
    case 'ModelStreamErrorException': {
      const original = (error as { originalStatusCode?: unknown }).originalStatusCode;
      const suffix = typeof original === 'number' ? ` (model status ${original})` : '';
      return `${model} failed while generating${suffix}: ${upstream}`;
    }
    case 'ServiceUnavailableException':
    case 'InternalServerException':
    case 'BadGatewayException':
      return `Bedrock could not process the request right now: ${upstream} Quarry retries this automatically.`;
    case 'DependencyFailedException':
      return `A resource Bedrock depends on failed: ${upstream}`;
    case 'ValidationException':
    case 'ConflictException':
      return `Bedrock rejected the request: ${upstream}`;
  }
}

interface SdkErrorShape {
  readonly $metadata?: { readonly requestId?: string; readonly httpStatusCode?: number };
  readonly $response?: {
    readonly statusCode?: number;
    readonly headers?: Record<string, string | undefined>;
  };
  readonly code?: unknown;
}

function requestIdOf(error: Error): string | undefined {
  return (error as SdkErrorShape).$metadata?.requestId;
}

function statusOf(error: Error): number | undefined {
  const shaped = error as SdkErrorShape;
  return shaped.$metadata?.httpStatusCode ?? shaped.$response?.statusCode;
}

function retryAfterOf(error: Error): number | undefined {
  const headers = (error as SdkErrorShape).$response?.headers;
  return headers === undefined ? undefined : parseRetryAfterMs(headers);
}

function networkCodeOf(error: Error): string | undefined {
  let current: unknown = error;
  // Transport errors are often wrapped: the code sits on a cause.
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as SdkErrorShape).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}
