import { ConfigurationError, QuarryError, ThrottledError, ValidationError } from '@quarry/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_RATE_LIMITED_RETRY_AFTER_MS,
  DEFAULT_THROTTLED_RETRY_AFTER_MS,
  formatError,
  publicError,
} from './format-error.js';
import { GatewayError } from './gateway-error.js';

const options = (production: boolean) => ({ production, onInternalError: vi.fn() });
const formatted = (message: string, code?: string) => ({
  message,
  ...(code !== undefined && { extensions: { code } }),
});

describe('formatError', () => {
  it('keeps a QuarryError message and adds its code and extras', () => {
    const error = new ThrottledError('slow down', 1500, { retryable: true });
    expect(formatError(formatted('x'), error, options(true))).toEqual({
      message: 'slow down',
      extensions: { code: 'THROTTLED', retryable: true, retryAfterMs: 1500 },
    });
    expect(
      formatError(formatted('x'), new ValidationError('maxTokens', 'too many'), options(true)).extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'maxTokens',
    });
  });

  it('shows a CONFIGURATION error with what to set, and tells the operator', () => {
    const error = new ConfigurationError('credentials', 'No AWS credentials found: set AWS_PROFILE');
    const opts = options(true);
    expect(formatError(formatted('x'), error, opts)).toEqual({
      message: 'No AWS credentials found: set AWS_PROFILE',
      extensions: { code: 'CONFIGURATION', retryable: false, setting: 'credentials' },
    });
    expect(opts.onInternalError).toHaveBeenCalledWith(error);
  });

  it('suggests a default retryAfterMs for THROTTLED when the upstream gave no hint', () => {
    const hintless = new ThrottledError('slow down', undefined, { retryable: true });
    expect(formatError(formatted('x'), hintless, options(true)).extensions).toEqual({
      code: 'THROTTLED',
      retryable: true,
      retryAfterMs: DEFAULT_THROTTLED_RETRY_AFTER_MS,
    });
    // A quota throttle is THROTTLED too, even as a plain QuarryError.
    const quota = new QuarryError('THROTTLED', 'quota exceeded');
    expect(formatError(formatted('x'), quota, options(true)).extensions?.['retryAfterMs']).toBe(
      DEFAULT_THROTTLED_RETRY_AFTER_MS,
    );
  });

  it('masks core INTERNAL_SERVER_ERROR in production and logs it', () => {
    const prod = options(true);
    const error = new QuarryError(
      'INTERNAL_SERVER_ERROR',
      'Unexpected failure calling Bedrock: secret detail',
    );
    expect(formatError(formatted('x'), error, prod)).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(prod.onInternalError).toHaveBeenCalledWith(error);
    expect(formatError(formatted('x'), error, options(false)).message).toContain('secret detail');
  });

  it('masks unknown errors and shows details only outside production', () => {
    const prod = options(true);
    expect(formatError(formatted('boom'), new TypeError('at /srv/app.js'), prod)).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(prod.onInternalError).toHaveBeenCalledTimes(1);
    expect(formatError(formatted('boom'), new TypeError('at /srv/app.js'), options(false)).message).toContain(
      '/srv/app.js',
    );
  });

  it('passes gateway codes and framework codes through', () => {
    expect(formatError(formatted('x'), new GatewayError('RATE_LIMITED', 'too many'), options(true))).toEqual({
      message: 'too many',
      extensions: { code: 'RATE_LIMITED', retryAfterMs: DEFAULT_RATE_LIMITED_RETRY_AFTER_MS },
    });
    expect(formatError(formatted('Syntax Error', 'GRAPHQL_PARSE_FAILED'), undefined, options(true))).toEqual(
      formatted('Syntax Error', 'GRAPHQL_PARSE_FAILED'),
    );
  });

  it('codes a bare graphql-js error (refused variables) as BAD_USER_INPUT', () => {
    const bare = new GraphQLError('Variable "$input" got invalid value');
    expect(formatError(bare.toJSON(), bare, options(true)).extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('strips field suggestions in production only', () => {
    const message = 'Cannot query field "modelNam" on type "FoundationModel". Did you mean "modelName"?';
    expect(
      formatError(formatted(message, 'GRAPHQL_VALIDATION_FAILED'), undefined, options(true)).message,
    ).toBe('Cannot query field "modelNam" on type "FoundationModel".');
    expect(
      formatError(formatted(message, 'GRAPHQL_VALIDATION_FAILED'), undefined, options(false)).message,
    ).toBe(message);
  });
});

describe('publicError', () => {
  it('keeps known codes and masks internal ones', () => {
    expect(publicError(new QuarryError('MODEL_TIMEOUT', 'slow'), options(true))).toEqual({
      code: 'MODEL_TIMEOUT',
      message: 'slow',
      retryAfterMs: null,
    });
    expect(publicError(new QuarryError('INTERNAL_SERVER_ERROR', 'raw'), options(true))).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error',
      retryAfterMs: null,
    });
  });

  it('gives a per-item THROTTLED the same retryAfterMs as a top-level one', () => {
    expect(publicError(new QuarryError('THROTTLED', 'slow down'), options(true)).retryAfterMs).toBe(
      DEFAULT_THROTTLED_RETRY_AFTER_MS,
    );
    expect(
      publicError(new QuarryError('THROTTLED', 'slow down', { retryAfterMs: 250 }), options(true))
        .retryAfterMs,
    ).toBe(250);
  });
});
