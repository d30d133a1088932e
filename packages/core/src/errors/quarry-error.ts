import type { ErrorCode } from './error-codes.js';

export interface QuarryErrorOptions {
  readonly retryable?: boolean;
  readonly cause?: unknown;
  /** The Bedrock exception name behind this error (`ThrottlingException`), when there is one. */
  readonly exception?: string;
  /** Upstream request id, for support tickets and log correlation. */
  readonly requestId?: string;
  /** The server's back-off hint (`retry-after` / `x-amz-retry-after`), for any retryable failure. */
  readonly retryAfterMs?: number | undefined;
}

/** Every failure Quarry reports. `code` is stable and public; `message` says what to do. */
export class QuarryError extends Error {
  override name = 'QuarryError';
  readonly retryable: boolean;
  readonly exception: string | undefined;
  readonly requestId: string | undefined;
  /** How long the server asked us to wait before retrying; undefined when it gave no hint. */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: QuarryErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable ?? false;
    this.exception = options.exception;
    this.requestId = options.requestId;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Throttled by Bedrock; carries the server's back-off hint when it gave one. */
export class ThrottledError extends QuarryError {
  override name = 'ThrottledError';
  constructor(
    message: string,
    /** From `retry-after` / `x-amz-retry-after`; undefined when the server gave no hint. */
    retryAfterMs: number | undefined,
    options: QuarryErrorOptions = {},
  ) {
    super('THROTTLED', message, { ...options, retryAfterMs });
  }
}

/** A request Quarry refuses before calling Bedrock. `field` names the offending input. */
export class ValidationError extends QuarryError {
  override name = 'ValidationError';
  constructor(
    readonly field: string,
    message: string,
    options: QuarryErrorOptions = {},
  ) {
    super('BAD_USER_INPUT', message, options);
  }
}

/** An unknown model ID; `suggestions` lists the closest catalog IDs. */
export class ModelNotFoundError extends QuarryError {
  override name = 'ModelNotFoundError';
  constructor(
    readonly modelId: string,
    readonly suggestions: readonly string[],
    message: string,
    options: QuarryErrorOptions = {},
  ) {
    super('MODEL_NOT_FOUND', message, options);
  }
}

/** What a ConfigurationError asks the caller to set. */
export type ConfigurationSetting = 'region' | 'credentials' | 'endpoint';

/**
 * A setup mistake that no retry fixes: no region, no credentials the SDK could find, an endpoint
 * that is not a URL. `setting` names what to set; the message says how.
 */
export class ConfigurationError extends QuarryError {
  override name = 'ConfigurationError';
  constructor(
    readonly setting: ConfigurationSetting,
    message: string,
    options: QuarryErrorOptions = {},
  ) {
    super('CONFIGURATION', message, options);
  }
}

/** A body or stream chunk from Bedrock that does not have the family's shape. */
export class CodecError extends QuarryError {
  override name = 'CodecError';
  constructor(message: string, options: QuarryErrorOptions = {}) {
    super('UPSTREAM_UNAVAILABLE', message, options);
  }
}

export function isQuarryError(value: unknown): value is QuarryError {
  return value instanceof QuarryError;
}
