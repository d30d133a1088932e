import { ModelNotFoundError, QuarryError, ThrottledError, ValidationError } from '@quarry/core';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
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

export interface FormatOptions {
  /** Masks unexpected errors ("Internal server error") instead of showing their message. */
  readonly production: boolean;
  /** Hears every unexpected error once, with its stack. */
  readonly onInternalError: (error: unknown) => void;
}

/**
 * The one place errors become GraphQL errors, for Apollo (HTTP) and graphql-ws alike: known
 * errors keep their message and get a stable `extensions.code`; anything else is masked as
 * INTERNAL_SERVER_ERROR. Classification is by class, never by message text.
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
    return { ...base, message: original.message, extensions: quarryExtensions(original) };
  }
  if (original instanceof GatewayError) {
    return { ...base, message: original.message, extensions: { code: original.code } };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && FRAMEWORK_CODES.has(code)) return formatted;
  // graphql-js validation and coercion errors carry no original error and no code.
  if (original === undefined || (original instanceof GraphQLError && original.originalError === undefined)) {
    return {
      ...formatted,
      extensions: {
        ...formatted.extensions,
        code: typeof code === 'string' ? code : 'GRAPHQL_VALIDATION_FAILED',
      },
    };
  }
  options.onInternalError(original);
  return {
    ...base,
    message: options.production ? 'Internal server error' : `Internal server error: ${messageOf(original)}`,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function quarryExtensions(error: QuarryError): Record<string, unknown> {
  return {
    code: error.code,
    retryable: error.retryable,
    ...(error instanceof ThrottledError &&
      error.retryAfterMs !== undefined && { retryAfterMs: error.retryAfterMs }),
    ...(error instanceof ValidationError && { field: error.field }),
    ...(error instanceof ModelNotFoundError && { suggestions: error.suggestions }),
    ...(error.requestId !== undefined && { upstreamRequestId: error.requestId }),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
