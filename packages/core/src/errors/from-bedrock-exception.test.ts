import {
  AccessDeniedException,
  ModelNotReadyException,
  ModelStreamErrorException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { fromBedrockException } from './from-bedrock-exception.js';
import { ConfigurationError, QuarryError, ThrottledError } from './quarry-error.js';

const metadata = { httpStatusCode: 429, requestId: 'req-123' };

function withHeaders<T extends Error>(error: T, headers: Record<string, string>): T {
  Object.defineProperty(error, '$response', { value: { statusCode: 429, headers }, enumerable: false });
  return error;
}

describe('fromBedrockException', () => {
  it('maps ThrottlingException to a retryable THROTTLED error with the Retry-After hint', () => {
    const sdk = withHeaders(new ThrottlingException({ message: 'Too many requests', $metadata: metadata }), {
      'retry-after': '2',
    });
    const error = fromBedrockException(sdk);
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({
      code: 'THROTTLED',
      retryable: true,
      retryAfterMs: 2000,
      requestId: 'req-123',
    });
    expect(error.message).toContain('Retry after 2000 ms');
  });

  it('prefers x-amz-retry-after milliseconds over retry-after', () => {
    const sdk = withHeaders(new ThrottlingException({ message: 'x', $metadata: metadata }), {
      'Retry-After': '9',
      'x-amz-retry-after': '350',
    });
    expect(fromBedrockException(sdk)).toMatchObject({ retryAfterMs: 350 });
  });

  it('explains how to get access when AccessDenied', () => {
    const sdk = new AccessDeniedException({
      message: "You don't have access to the model with the specified model ID.",
      $metadata: metadata,
    });
    const error = fromBedrockException(sdk, {
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      region: 'eu-west-1',
      operation: 'InvokeModelWithResponseStream',
    });
    expect(error.code).toBe('MODEL_ACCESS_DENIED');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('Model access');
    expect(error.message).toContain('bedrock:InvokeModelWithResponseStream');
    expect(error.message).toContain('eu-west-1');
  });

  it('names the IAM action, not model access, when a control-plane read is denied', () => {
    const sdk = new AccessDeniedException({ message: 'not authorized', $metadata: metadata });
    const error = fromBedrockException(sdk, { operation: 'ListFoundationModels', region: 'us-west-2' });
    expect(error.code).toBe('MODEL_ACCESS_DENIED');
    expect(error.message).toContain('bedrock:ListFoundationModels');
    expect(error.message).not.toContain('Model access');
  });

  it('keeps the model-access advice for control-plane writes that use a model', () => {
    const sdk = new AccessDeniedException({ message: 'no access', $metadata: metadata });
    const error = fromBedrockException(sdk, { operation: 'CreateModelInvocationJob' });
    expect(error.message).toContain('Model access');
    expect(error.message).toContain('bedrock:CreateModelInvocationJob');
  });

  it('keeps the Retry-After hint of any retryable exception, such as ModelNotReady', () => {
    const sdk = withHeaders(new ModelNotReadyException({ message: 'warming up', $metadata: metadata }), {
      'x-amz-retry-after': '250',
    });
    expect(fromBedrockException(sdk)).toMatchObject({ code: 'MODEL_NOT_READY', retryAfterMs: 250 });
  });

  it('marks ModelNotReady retryable and says it will retry', () => {
    const error = fromBedrockException(
      new ModelNotReadyException({ message: 'warming up', $metadata: metadata }),
    );
    expect(error).toMatchObject({ code: 'MODEL_NOT_READY', retryable: true });
    expect(error.message).toContain('retries this automatically');
  });

  it('maps ValidationException to BAD_USER_INPUT without retry', () => {
    const error = fromBedrockException(
      new ValidationException({ message: 'Malformed input request', $metadata: metadata }),
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      retryable: false,
      exception: 'ValidationException',
    });
  });

  it('keeps the model status of a ModelStreamErrorException', () => {
    const sdk = new ModelStreamErrorException({
      message: 'stream broke',
      originalStatusCode: 500,
      $metadata: {},
    });
    const error = fromBedrockException(sdk);
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.message).toContain('model status 500');
  });

  it('recognises lower-camel in-stream exception names the SDK did not model', () => {
    const raw = Object.assign(new Error('{"message":"slow"}'), { name: 'throttlingException' });
    expect(fromBedrockException(raw).code).toBe('THROTTLED');
  });

  it('treats connection resets as retryable upstream failures', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(fromBedrockException(reset)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
  });

  it('treats a bare 503 without a known name as retryable', () => {
    const odd = Object.assign(new Error('<html>'), { name: 'Unknown', $metadata: { httpStatusCode: 503 } });
    expect(fromBedrockException(odd)).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
  });

  it('returns QuarryErrors unchanged and wraps non-errors as INTERNAL_SERVER_ERROR', () => {
    const original = new QuarryError('MODEL_TIMEOUT', 'x');
    expect(fromBedrockException(original)).toBe(original);
    expect(fromBedrockException('weird').code).toBe('INTERNAL_SERVER_ERROR');
  });
});

describe('fromBedrockException throttling and lookups', () => {
  it('treats any 429 as retryable throttling, whatever the name', () => {
    const proxy = Object.assign(new SyntaxError('Unexpected token < in JSON'), {
      $metadata: { httpStatusCode: 429 },
    });
    expect(fromBedrockException(proxy)).toMatchObject({ code: 'THROTTLED', retryable: true });
    const named = Object.assign(new Error('slow down'), { name: 'TooManyRequestsException' });
    expect(fromBedrockException(named)).toBeInstanceOf(ThrottledError);
  });

  it('says what was not found for control-plane reads instead of blaming a model', () => {
    const sdk = Object.assign(new Error('No job named x'), { name: 'ResourceNotFoundException' });
    const error = fromBedrockException(sdk, { operation: 'GetModelCustomizationJob' });
    expect(error.code).toBe('MODEL_NOT_FOUND');
    expect(error.message).toContain('GetModelCustomizationJob found nothing');
    expect(error.message).not.toContain('model catalog');
  });
});

describe('fromBedrockException setup mistakes', () => {
  it('turns the SDK credential chain coming up empty into CONFIGURATION naming what to set', () => {
    const sdk = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    const error = fromBedrockException(sdk, { region: 'eu-west-1', operation: 'InvokeModel' });
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'CONFIGURATION', setting: 'credentials', retryable: false });
    expect(error.message).toContain('No AWS credentials found for eu-west-1');
    expect(error.message).toContain('AWS_PROFILE');
    expect(error.cause).toBe(sdk);
  });
});
