import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, subscribeAll, type GatewayHarness } from './support/gateway-harness.js';

let gateway: GatewayHarness;
beforeAll(async () => {
  // Idle bounds that never fire: a silent upstream stream can then only end by being cancelled,
  // so the cancellation tests below need no clock.
  gateway = await startGateway({ client: { scheduleTimeout: () => () => undefined } });
});
afterAll(async () => {
  await gateway.close();
});

const STREAM = `subscription ($input: InvokeInput!) {
  invokeStream(input: $input) {
    __typename
    ... on StreamStart { modelId requestId }
    ... on TextDelta { index text }
    ... on ToolUseDelta { index toolUseId name inputJson }
    ... on StreamEnd {
      stopReason rawStopReason latencyMs
      usage { inputTokens outputTokens totalTokens }
      cost { totalUsd priced }
      toolCalls { toolUseId name input }
    }
  }
}`;

type Event = { __typename: string } & Record<string, unknown>;

/** Resolves once `condition` holds (the test's timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function stream(input: Record<string, unknown>): Promise<Event[]> {
  const { results, errors } = await subscribeAll<{ invokeStream: Event }>(gateway.ws(), STREAM, { input });
  expect(errors).toBeUndefined();
  return results.map((result) => result.invokeStream);
}

describe('Subscription.invokeStream', () => {
  it('streams a model only the upstream lists (not in the catalog) through ConverseStream', async () => {
    const before = gateway.emulator.stats.snapshot().byOperation['ConverseStream'] ?? 0;
    const events = await stream({ modelId: 'openai.gpt-oss-20b-1:0', prompt: 'Tell me about rivers.' });
    expect(events[0]).toMatchObject({ __typename: 'StreamStart', modelId: 'openai.gpt-oss-20b-1:0' });
    expect(events.filter((event) => event.__typename === 'TextDelta').length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({
      __typename: 'StreamEnd',
      stopReason: 'END_TURN',
      cost: { priced: false },
      toolCalls: [],
    });
    expect((gateway.emulator.stats.snapshot().byOperation['ConverseStream'] ?? 0) - before).toBe(1);
  });

  it.each([
    'anthropic.claude-3-haiku-20240307-v1:0',
    'amazon.titan-text-express-v1',
    'amazon.nova-lite-v1:0',
    'meta.llama3-8b-instruct-v1:0',
    'mistral.mistral-7b-instruct-v0:2',
    'cohere.command-r-v1:0',
    'ai21.jamba-1-5-mini-v1:0',
  ])('streams StreamStart, text deltas and one StreamEnd for %s', async (modelId) => {
    const events = await stream({ modelId, prompt: 'Tell me about bridges.', maxTokens: 40 });
    expect(events[0]).toMatchObject({ __typename: 'StreamStart', modelId });
    expect(events.filter((event) => event.__typename === 'TextDelta').length).toBeGreaterThan(1);
    expect(events.filter((event) => event.__typename === 'StreamEnd')).toHaveLength(1);
    const end = events.at(-1);
    expect(end).toMatchObject({ __typename: 'StreamEnd', cost: { priced: true } });
    expect(end?.['latencyMs']).toEqual(expect.any(Number));
    expect((end?.['cost'] as { totalUsd: number }).totalUsd).toBeGreaterThan(0);
    const text = events
      .map((event) => (event.__typename === 'TextDelta' ? String(event['text']) : ''))
      .join('');
    const invoked = await gateway.gql<{ invoke: { text: string } }>(
      `mutation ($input: InvokeInput!) { invoke(input: $input) { text } }`,
      { input: { modelId, prompt: 'Tell me about bridges.', maxTokens: 40 } },
    );
    expect(text).toBe(invoked.body.data?.invoke.text);
  });

  it('assembles tool-use deltas into complete parsed tool calls on StreamEnd', async () => {
    const events = await stream({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      prompt: 'Weather in Lisbon?',
      tools: [
        {
          name: 'get_weather',
          inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      ],
      toolChoice: { mode: 'ANY' },
    });
    const deltas = events.filter((event) => event.__typename === 'ToolUseDelta');
    expect(deltas.length).toBeGreaterThan(0);
    const end = events.at(-1) as Event & { toolCalls: { name: string; input: unknown; toolUseId: string }[] };
    expect(end['stopReason']).toBe('TOOL_USE');
    expect(end.toolCalls).toHaveLength(1);
    expect(end.toolCalls[0]?.name).toBe('get_weather');
    expect(end.toolCalls[0]?.toolUseId).toBe(deltas[0]?.['toolUseId']);
    expect(end.toolCalls[0]?.input).toEqual(
      JSON.parse(deltas.map((delta) => String(delta['inputJson'])).join('')),
    );
  });

  it('delivers tokens as they arrive instead of buffering the stream', async () => {
    const slow = await startGateway({ emulator: { latency: { firstTokenMs: 20, tokensPerSecond: 100 } } });
    try {
      const arrivals: { type: string; at: number }[] = [];
      const started = performance.now();
      for await (const result of slow.ws().iterate<{ invokeStream: Event }>({
        query: STREAM,
        variables: {
          input: { modelId: 'amazon.titan-text-express-v1', prompt: 'Tell me about rivers.', maxTokens: 40 },
        },
      })) {
        arrivals.push({ type: result.data?.invokeStream.__typename ?? '?', at: performance.now() - started });
      }
      const firstText = arrivals.find((arrival) => arrival.type === 'TextDelta');
      const end = arrivals.at(-1);
      expect(end?.type).toBe('StreamEnd');
      // 40 tokens at 100/s take ~400 ms; the first delta must come long before the end.
      expect((end?.at ?? 0) - (firstText?.at ?? 0)).toBeGreaterThan(200);
    } finally {
      await slow.close();
    }
  });

  it('streams from inference-profile IDs', async () => {
    const events = await stream({ modelId: 'us.amazon.nova-pro-v1:0', prompt: 'Hi', maxTokens: 10 });
    expect(events.at(-1)?.__typename).toBe('StreamEnd');
  });
});

describe('subscription cancellation', () => {
  it('releases the upstream stream when the client completes, even when the model is silent', async () => {
    // The model sends a few chunks and then goes silent for good.
    gateway.emulator.faults.add({ modelId: 'amazon.titan-text-lite-v1', fault: 'stall;after=2' });
    const client = gateway.ws();
    const active = () => gateway.emulator.stats.snapshot().activeStreams;
    const before = active();
    await new Promise<void>((resolve, reject) => {
      const unsubscribe = client.subscribe<{ invokeStream: Event }>(
        {
          query: STREAM,
          variables: { input: { modelId: 'amazon.titan-text-lite-v1', prompt: 'hello', maxTokens: 100 } },
        },
        {
          next: (result) => {
            if (result.data?.invokeStream.__typename !== 'TextDelta') return;
            unsubscribe();
            resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    // The idle bound never fires here and the stall never ends: only the cancellation can close it.
    await until(() => active() === before);
    expect(active()).toBe(before);
    gateway.emulator.faults.clear();
  });

  it('releases upstream streams when the socket disconnects', async () => {
    gateway.emulator.faults.add({ modelId: 'amazon.titan-text-lite-v1', fault: 'stall;after=2' });
    const client = gateway.ws();
    const before = gateway.emulator.stats.snapshot().activeStreams;
    await new Promise<void>((resolve) => {
      client.subscribe(
        {
          query: STREAM,
          variables: { input: { modelId: 'amazon.titan-text-lite-v1', prompt: 'bye', maxTokens: 100 } },
        },
        { next: () => resolve(), error: () => resolve(), complete: () => resolve() },
      );
    });
    await client.dispose();
    await until(() => gateway.emulator.stats.snapshot().activeStreams === before);
    expect(gateway.emulator.stats.snapshot().activeStreams).toBe(before);
    gateway.emulator.faults.clear();
  });
});
