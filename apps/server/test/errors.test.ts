import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLED_RETRY_AFTER_MS } from '../src/errors/format-error.js';
import { startGateway, subscribeAll, type GatewayHarness } from './support/gateway-harness.js';

let gateway: GatewayHarness;
beforeAll(async () => {
  gateway = await startGateway({ emulator: { strictAccess: true } });
});
afterEach(() => {
  gateway.emulator.faults.clear();
});
afterAll(async () => {
  await gateway.close();
});

const INVOKE = `mutation ($input: InvokeInput!) { invoke(input: $input) { text } }`;
const STREAM = `subscription ($input: InvokeInput!) {
  invokeStream(input: $input) { __typename ... on TextDelta { text } ... on StreamEnd { stopReason } }
}`;
const TITAN = 'amazon.titan-text-express-v1'; // needs no agreement, so strict access lets it through

function firstError(body: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) {
  expect(body.errors, 'expected an error').toBeDefined();
  return body.errors?.[0];
}

describe('gateway error codes', () => {
  it('answers THROTTLED with retryAfterMs once retries run out', async () => {
    gateway.emulator.faults.add({ modelId: TITAN, fault: 'throttle;retry-after-ms=40' });
    const { body } = await gateway.gql(INVOKE, { input: { modelId: TITAN, prompt: 'hi' } });
    expect(firstError(body)?.extensions).toMatchObject({
      code: 'THROTTLED',
      retryable: true,
      retryAfterMs: 40,
    });
  });

  it('gives a throttled embedding item its own THROTTLED error with retryAfterMs', async () => {
    const model = 'amazon.titan-embed-text-v2:0'; // one upstream call per text
    gateway.emulator.faults.add({ modelId: model, fault: 'throttle;retry-after-ms=30' });
    const { body } = await gateway.gql<{
      embed: { embeddings: { error: { code: string; retryAfterMs: number | null } | null }[] };
    }>(
      `mutation ($input: EmbedInput!) { embed(input: $input) { embeddings { error { code retryAfterMs } } } }`,
      { input: { modelId: model, texts: ['one', 'two'] } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.embed.embeddings.map((item) => item.error)).toEqual([
      { code: 'THROTTLED', retryAfterMs: 30 },
      { code: 'THROTTLED', retryAfterMs: 30 },
    ]);
  });

  it('answers MODEL_NOT_READY with a message that says it retries', async () => {
    gateway.emulator.faults.add({ modelId: TITAN, fault: 'model-not-ready' });
    const { body } = await gateway.gql(INVOKE, { input: { modelId: TITAN, prompt: 'hi' } });
    const error = firstError(body);
    expect(error?.extensions?.['code']).toBe('MODEL_NOT_READY');
    expect(error?.message).toContain('retries this automatically');
  });

  it('answers MODEL_TIMEOUT and UPSTREAM_UNAVAILABLE for upstream failures', async () => {
    gateway.emulator.faults.add({ modelId: TITAN, fault: 'timeout' });
    expect(
      firstError((await gateway.gql(INVOKE, { input: { modelId: TITAN, prompt: 'hi' } })).body)?.extensions?.[
        'code'
      ],
    ).toBe('MODEL_TIMEOUT');
    gateway.emulator.faults.clear();
    gateway.emulator.faults.add({ modelId: TITAN, fault: 'unavailable' });
    expect(
      firstError((await gateway.gql(INVOKE, { input: { modelId: TITAN, prompt: 'hi' } })).body)?.extensions?.[
        'code'
      ],
    ).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('answers MODEL_ACCESS_DENIED with how to get access', async () => {
    const { body } = await gateway.gql(INVOKE, {
      input: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', prompt: 'hi' },
    });
    const error = firstError(body);
    expect(error?.extensions?.['code']).toBe('MODEL_ACCESS_DENIED');
    expect(error?.message).toContain('acceptAgreement');
  });

  it('answers MODEL_NOT_FOUND with suggestions for an unknown model', async () => {
    const { body } = await gateway.gql(INVOKE, {
      input: { modelId: 'amazon.titan-text-expres', prompt: 'hi' },
    });
    const error = firstError(body);
    expect(error?.extensions?.['code']).toBe('MODEL_NOT_FOUND');
    expect(error?.extensions?.['suggestions']).toContain('amazon.titan-text-express-v1');
  });

  it('answers BAD_USER_INPUT naming the real limit before any upstream call', async () => {
    const before = gateway.emulator.stats.snapshot().requests;
    const { body } = await gateway.gql(INVOKE, {
      input: { modelId: TITAN, prompt: 'hi', maxTokens: 50_000 },
    });
    const error = firstError(body);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.maxTokens' });
    expect(error?.message).toContain('8192');
    expect(gateway.emulator.stats.snapshot().requests).toBe(before);
  });

  it('names the GraphQL input path the caller sent in extensions.field', async () => {
    const before = gateway.emulator.stats.snapshot().requests;
    const image = { format: 'PNG', base64: 'iVBORw0KGgo=' };
    const messages = [
      { role: 'USER', content: 'First' },
      { role: 'ASSISTANT', content: 'Reply' },
      // Core sees this turn's parts as [image, image, text]: the bad one is its second part.
      { role: 'USER', content: 'Look', images: [image, { format: 'PNG', base64: 'not base64!' }] },
    ];
    const invoked = await gateway.gql(INVOKE, {
      input: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages },
    });
    expect(firstError(invoked.body)?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.messages[2].images[1].base64',
    });
    const streamed = await subscribeAll(gateway.ws(), STREAM, {
      input: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages },
    });
    expect((streamed.errors as { extensions?: unknown }[] | undefined)?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.messages[2].images[1].base64',
    });
    const textOnly = await gateway.gql(INVOKE, {
      input: { modelId: TITAN, messages: [{ role: 'USER', content: 'hi', images: [image] }] },
    });
    expect(firstError(textOnly.body)?.extensions).toMatchObject({ field: 'input.messages[0].images[0]' });
    expect(gateway.emulator.stats.snapshot().requests).toBe(before);
  });

  it('refuses a profile-only model by its base ID, naming the region and the profile to use', async () => {
    const before = gateway.emulator.stats.snapshot().requests;
    const { body } = await gateway.gql(INVOKE, {
      input: { modelId: 'anthropic.claude-sonnet-4-20250514-v1:0', prompt: 'hi' },
    });
    const error = firstError(body);
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.modelId' });
    expect(error?.message).toContain('us-east-1');
    expect(error?.message).toContain('us.anthropic.claude-sonnet-4-20250514-v1:0');
    expect(gateway.emulator.stats.snapshot().requests).toBe(before);
  });

  it('refuses a prompt of only whitespace like an empty one, before any upstream call', async () => {
    const before = gateway.emulator.stats.snapshot().requests;
    for (const prompt of ['', '   \n\t']) {
      const { body } = await gateway.gql(INVOKE, { input: { modelId: TITAN, prompt } });
      const error = firstError(body);
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.prompt' });
      expect(error?.message).toContain('empty or only whitespace');
    }
    const messages = [{ role: 'USER', content: '  ' }];
    const { body } = await gateway.gql(INVOKE, { input: { modelId: TITAN, messages } });
    expect(firstError(body)?.extensions).toMatchObject({ field: 'input.messages[0].content' });
    expect(gateway.emulator.stats.snapshot().requests).toBe(before);
  });

  it('answers GraphQL validation failures with their standard code', async () => {
    const { status, body } = await gateway.gql(`{ models { nonexistentField } }`);
    expect(status).toBe(400);
    expect(firstError(body)?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('subscription errors', () => {
  it('refuses invalid input before opening the stream', async () => {
    const client = gateway.ws();
    const { results, errors } = await subscribeAll(client, STREAM, {
      input: { modelId: TITAN, prompt: 'x', maxTokens: 999_999 },
    });
    expect(results).toEqual([]);
    expect(JSON.stringify(errors)).toContain('BAD_USER_INPUT');
  });

  it('delivers an in-stream error with its code after the first tokens', async () => {
    gateway.emulator.faults.add({
      modelId: TITAN,
      fault: 'stream-error;after=3;exception=modelStreamErrorException',
    });
    const client = gateway.ws();
    const { results, errors } = await subscribeAll<{ invokeStream: { __typename: string } }>(client, STREAM, {
      input: { modelId: TITAN, prompt: 'tell me a story', maxTokens: 60 },
    });
    expect(results.some((result) => result.invokeStream.__typename === 'TextDelta')).toBe(true);
    expect(results.some((result) => result.invokeStream.__typename === 'StreamEnd')).toBe(false);
    const [error] = errors as { extensions?: { code?: string } }[];
    expect(error?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });

  it('delivers THROTTLED with retryAfterMs when opening the stream keeps failing', async () => {
    gateway.emulator.faults.add({ modelId: TITAN, fault: 'throttle;retry-after-ms=25' });
    const { errors } = await subscribeAll(gateway.ws(), STREAM, { input: { modelId: TITAN, prompt: 'x' } });
    const [error] = errors as { extensions?: Record<string, unknown> }[];
    expect(error?.extensions).toMatchObject({ code: 'THROTTLED', retryAfterMs: 25 });
  });

  it('delivers THROTTLED with the default retryAfterMs for a throttle inside the stream', async () => {
    // An in-stream exception is an event-stream frame: no headers, so no upstream hint.
    gateway.emulator.faults.add({
      modelId: TITAN,
      fault: 'stream-error;after=2;exception=throttlingException',
    });
    const { results, errors } = await subscribeAll<{ invokeStream: { __typename: string } }>(
      gateway.ws(),
      STREAM,
      { input: { modelId: TITAN, prompt: 'tell me a story', maxTokens: 60 } },
    );
    expect(results.some((result) => result.invokeStream.__typename === 'TextDelta')).toBe(true);
    const [error] = errors as { extensions?: Record<string, unknown> }[];
    expect(error?.extensions).toMatchObject({
      code: 'THROTTLED',
      retryAfterMs: DEFAULT_THROTTLED_RETRY_AFTER_MS,
    });
    expect(typeof error?.extensions?.['retryAfterMs']).toBe('number');
  });
});

describe('masking', () => {
  it('masks unexpected errors in production and keeps known ones', async () => {
    const production = await startGateway({ server: { production: true } });
    try {
      // An upstream body the codec cannot read is known (UPSTREAM_UNAVAILABLE); an introspection
      // query is refused in production.
      const { body } = await production.gql(`{ __schema { types { name } } }`);
      expect(firstError(body)?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
      const known = await production.gql(INVOKE, { input: { modelId: 'nope.nope', prompt: 'x' } });
      expect(firstError(known.body)?.extensions?.['code']).toBe('MODEL_NOT_FOUND');
    } finally {
      await production.close();
    }
  });
});
