import { ConfigurationError, ModelNotFoundError, QuarryError, ValidationError } from '@quarry/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ClientGoneError } from './client-gone-error.js';
import { GatewayError } from './gateway-error.js';

/** Codes graphql-js and Apollo produce themselves; they are safe to show and pass through. */
const FRAMEWORK_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const MASKED = 'Internal server error';

/**
 * `retryAfterMs` for a THROTTLED error whose upstream gave no hint (throttles inside an event
 * stream never carry headers; many 429s carry none either). SPEC promises the field on every
 * THROTTLED error, so clients can always back off without guessing. One second is as long as
 * core's last default back-off step (throttleBaseDelayMs 500 doubled), so a client that follows it
 * does not repeat at once what core's own retries just failed to get through.
 */
export const DEFAULT_THROTTLED_RETRY_AFTER_MS = 1_000;

/**
 * `retryAfterMs` for the gateway's own RATE_LIMITED (stream or subscription caps): a slot frees
 * as soon as any stream ends, and most streams last a few seconds, so a short pause usually finds one.
 */
export const DEFAULT_RATE_LIMITED_RETRY_AFTER_MS = 1_000;

// graphql-js "Did you mean …?" hints reveal schema names; production hides them on both transports.
const SUGGESTION = / ?Did you mean .+\?$/;

export interface FormatOptions {
  /** Masks unexpected errors, hides field suggestions. */
  readonly production: boolean;
  /** Hears every unexpected error once, with its stack. */
  readonly onInternalError: (error: unknown) => void;
}

/**
 * The one place errors become GraphQL errors, for Apollo (HTTP) and graphql-ws alike: known
 * errors keep their message and get a stable `extensions.code`; anything else is logged and
 * masked as INTERNAL_SERVER_ERROR. Classification is by class, never by message text.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  original: unknown,
  options: FormatOptions,
): GraphQLFormattedError {
  const base = {
    ...(formatted.locations !== undefined && { locations: formatted.locations }),
    ...(formatted.path !== undefined && { path: formatted.path }),
  };
  if (original instanceof QuarryError) {
    const { message } = publicError(original, options);
    return { ...base, message, extensions: quarryExtensions(original) };
  }
  if (original instanceof GatewayError) {
    return { ...base, message: original.message, extensions: gatewayExtensions(original) };
  }
  // The client left (or completed the operation): nobody reads this answer, and it is no fault of
  // the gateway's. The transports log one info line for it instead.
  if (original instanceof ClientGoneError || causeIsClientGone(original)) {
    return { ...base, message: CLIENT_GONE, extensions: { code: 'UPSTREAM_UNAVAILABLE', retryable: false } };
  }
  const code = formatted.extensions?.['code'];
  const message = options.production ? formatted.message.replace(SUGGESTION, '') : formatted.message;
  if (typeof code === 'string' && FRAMEWORK_CODES.has(code)) return { ...formatted, message };
  // Parse and validation errors get their codes where they are raised; a GraphQL error with no
  // cause and no code left is graphql-js refusing the variables — including those it only checks
  // while executing, such as a null `$flag` (declared `Boolean = true`) in `@include(if: $flag)`,
  // which Apollo labels INTERNAL_SERVER_ERROR.
  if (original === undefined || (original instanceof GraphQLError && original.originalError === undefined)) {
    const known = typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR';
    return {
      ...formatted,
      message,
      extensions: { ...formatted.extensions, code: known ? code : 'BAD_USER_INPUT' },
    };
  }
  options.onInternalError(original);
  return {
    ...base,
    message: options.production ? MASKED : `${MASKED}: ${messageOf(original)}`,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Core speaks of its own API (listModels(), createAgreement()); a gateway caller needs the GraphQL way. */
const GATEWAY_HINTS: Partial<Record<string, string>> = {
  MODEL_NOT_FOUND: 'Through this gateway: the `models` query lists them.',
  MODEL_ACCESS_DENIED: 'Through this gateway: accept an agreement offer with the acceptAgreement mutation.',
};

/**
 * Code and message a client may see for a QuarryError. Core's INTERNAL_SERVER_ERROR wraps
 * something unexpected (its message carries raw upstream text), so it is logged and masked
 * like any other internal failure.
 */
export function publicError(
  error: QuarryError,
  options: FormatOptions,
): { code: string; message: string; retryAfterMs: number | null } {
  const retryAfterMs = retryAfterOf(error) ?? null;
  // The operator's mistake, not the caller's: logged for them, shown as is (it names no secret).
  if (error.code === 'CONFIGURATION') options.onInternalError(error);
  if (error.code !== 'INTERNAL_SERVER_ERROR') {
    const hint = GATEWAY_HINTS[error.code];
    return {
      code: error.code,
      message: hint === undefined ? error.message : `${error.message} ${hint}`,
      retryAfterMs,
    };
  }
  options.onInternalError(error);
  return {
    code: error.code,
    message: options.production ? MASKED : `${MASKED}: ${error.message}`,
    retryAfterMs,
  };
}

/** The upstream's hint, else the default suggestion for THROTTLED (which always carries one). */
function retryAfterOf(error: QuarryError): number | undefined {
  return error.retryAfterMs ?? (error.code === 'THROTTLED' ? DEFAULT_THROTTLED_RETRY_AFTER_MS : undefined);
}

function quarryExtensions(error: QuarryError): Record<string, unknown> {
  const retryAfterMs = retryAfterOf(error);
  return {
    code: error.code,
    retryable: error.retryable,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    ...(error instanceof ValidationError && { field: error.field }),
    ...(error instanceof ModelNotFoundError && { suggestions: error.suggestions }),
    ...(error instanceof ConfigurationError && { setting: error.setting }),
    ...(error.requestId !== undefined && { upstreamRequestId: error.requestId }),
  };
}

function gatewayExtensions(error: GatewayError): Record<string, unknown> {
  return {
    ...error.details,
    code: error.code,
    ...(error.code === 'RATE_LIMITED' && {
      retryAfterMs: error.details.retryAfterMs ?? DEFAULT_RATE_LIMITED_RETRY_AFTER_MS,
    }),
  };
}

const CLIENT_GONE = 'The client went away before the answer was ready.';

/** Core rethrows the abort reason it was given, or wraps it as the cause of its own error. */
function causeIsClientGone(error: unknown): boolean {
  return error instanceof Error && error.cause instanceof ClientGoneError;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
