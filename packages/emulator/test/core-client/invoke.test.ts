import { QuarryError, ValidationError, type StreamEvent } from '@quarry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, RUNTIME_PATHS, startHarness, type Harness } from './quarry-harness.js';

describe.each(RUNTIME_PATHS)('%s runtime path', (runtimePath) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ client: { runtimePath } });
  });
  afterAll(async () => {
    await harness.close();
  });

  const hello = { messages: [{ role: 'user' as const, content: 'Say hello to the harbor.' }], maxTokens: 64 };

  const TEXT_MODELS = [
    'anthropic.claude-3-haiku-20240307-v1:0',
    'us.anthropic.claude-3-5-haiku-20241022-v1:0',
    'amazon.titan-text-express-v1',
    'amazon.nova-lite-v1:0',
    'meta.llama3-8b-instruct-v1:0',
    'meta.llama2-13b-chat-v1',
    'mistral.mistral-7b-instruct-v0:2',
    'us.mistral.pixtral-large-2502-v1:0',
    'cohere.command-r-v1:0',
    'ai21.jamba-1-5-mini-v1:0',
  ];

  describe('QuarryClient.invoke against the emulator', () => {
    it.each(TEXT_MODELS)('returns text, usage, cost, latency and a request id for %s', async (modelId) => {
      const result = await harness.quarry.invoke(modelId, hello);
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.usage.inputTokens).toBeGreaterThan(0);
      expect(result.usage.outputTokens).toBeGreaterThan(0);
      expect(result.usage.totalTokens).toBe(result.usage.inputTokens + result.usage.outputTokens);
      expect(result.cost.priced).toBe(true);
      expect(result.cost.totalUsd).toBeGreaterThan(0);
      expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(result.attempts).toBe(1);
      expect(result.modelId).toBe(modelId);
    });

    it('is deterministic for the same request', async () => {
      const first = await harness.quarry.invoke('anthropic.claude-3-haiku-20240307-v1:0', hello);
      const second = await harness.quarry.invoke('anthropic.claude-3-haiku-20240307-v1:0', hello);
      expect(second.text).toBe(first.text);
      expect(second.usage).toEqual(first.usage);
    });

    it('stops at maxTokens with stopReason max_tokens', async () => {
      const result = await harness.quarry.invoke('anthropic.claude-3-haiku-20240307-v1:0', {
        ...hello,
        maxTokens: 3,
      });
      expect(result.stopReason).toBe('max_tokens');
      expect(result.usage.outputTokens).toBe(3);
    });

    it('honours stop sequences', async () => {
      const full = await harness.quarry.invoke('anthropic.claude-3-haiku-20240307-v1:0', {
        ...hello,
        maxTokens: 200,
      });
      const word = full.text.split(' ')[4] ?? '';
      const cut = await harness.quarry.invoke('anthropic.claude-3-haiku-20240307-v1:0', {
        ...hello,
        maxTokens: 200,
        stopSequences: [word],
      });
      expect(cut.stopReason).toBe('stop_sequence');
      expect(cut.text.length).toBeLessThan(full.text.length);
      expect(full.text.startsWith(cut.text.trimEnd())).toBe(true);
    });

    it('prices inference-profile IDs like their base model', async () => {
      const viaProfile = await harness.quarry.invoke('us.anthropic.claude-3-haiku-20240307-v1:0', hello);
      expect(viaProfile.baseModelId).toBe('anthropic.claude-3-haiku-20240307-v1:0');
      const expected =
        (viaProfile.usage.inputTokens * 0.00025 + viaProfile.usage.outputTokens * 0.00125) / 1000;
      expect(viaProfile.cost.totalUsd).toBeCloseTo(expected, 9);
    });

    it('returns tool calls with parsed input when tools are offered', async () => {
      const result = await harness.quarry.invoke('anthropic.claude-3-haiku-20240307-v1:0', {
        messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
        tools: [
          {
            name: 'get_weather',
            description: 'Weather for a city',
            inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        ],
        toolChoice: { type: 'any' },
      });
      expect(result.stopReason).toBe('tool_use');
      expect(result.toolCalls[0]?.name).toBe('get_weather');
      expect(result.toolCalls[0]?.input).toEqual(
        expect.objectContaining({ city: expect.any(String) as string }),
      );
    });

    it('refuses maxTokens above the model limit before any upstream call', async () => {
      const before = harness.emulator.stats.snapshot().requests;
      const error = await harness.quarry
        .invoke('anthropic.claude-3-haiku-20240307-v1:0', { ...hello, maxTokens: 100_000 })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain('4096');
      expect(harness.emulator.stats.snapshot().requests).toBe(before);
    });

    it('suggests close matches for an unknown model', async () => {
      const error = await harness.quarry
        .invoke('anthropic.claude-3-haiku', hello)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'MODEL_NOT_FOUND' });
      expect((error as QuarryError).message).toContain('anthropic.claude-3-haiku-20240307-v1:0');
    });

    it('tells the caller to use embed for an embedding model', async () => {
      const error = await harness.quarry
        .invoke('amazon.titan-embed-text-v2:0', hello)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toContain('use embed');
    });

    it('passes a native body through invokeRaw and reads usage from the headers', async () => {
      const raw = await harness.quarry.invokeRaw('meta.llama3-8b-instruct-v1:0', {
        prompt: 'Hello there',
        max_gen_len: 20,
      });
      expect(raw.body).toEqual(expect.objectContaining({ generation: expect.any(String) as string }));
      expect(raw.usage.outputTokens).toBeGreaterThan(0);
      expect(raw.usage.inputTokens).toBeGreaterThan(0);
    });

    it('refuses a native body that is not a JSON object before calling Bedrock', async () => {
      const before = harness.emulator.stats.snapshot().requests;
      await expect(harness.quarry.invokeRaw('meta.llama3-8b-instruct-v1:0', [1, 2])).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'body',
      });
      expect(harness.emulator.stats.snapshot().requests).toBe(before);
    });

    it('surfaces Bedrock validation of a bad native body as BAD_USER_INPUT', async () => {
      const error = await harness.quarry
        .invokeRaw('anthropic.claude-3-haiku-20240307-v1:0', { nonsense: true })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', exception: 'ValidationException' });
    });
  });

  describe('QuarryClient.converse against the emulator', () => {
    it('converses with a system prompt and history', async () => {
      const result = await harness.quarry.converse('amazon.nova-pro-v1:0', {
        system: 'Be brief.',
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: 'Hello!' },
          { role: 'user', content: 'Tell me about rivers.' },
        ],
        maxTokens: 50,
      });
      expect(result.text.length).toBeGreaterThan(0);
      expect(result.usage.outputTokens).toBeLessThanOrEqual(50);
      expect(result.cost.totalUsd).toBeGreaterThan(0);
    });

    it('streams through ConverseStream with the same event union', async () => {
      const events = await collect(
        harness.quarry.converseStream('anthropic.claude-3-haiku-20240307-v1:0', hello),
      );
      expectWellFormed(events);
      const end = events.at(-1);
      if (end?.type !== 'stream-end') throw new Error('no stream-end');
      expect(end.cost.priced).toBe(true);
      expect(end.cost.totalUsd).toBeGreaterThan(0);
      expect(end.attempts).toBe(1);
    });
  });

  describe('QuarryClient.stream against the emulator', () => {
    it.each(TEXT_MODELS)('streams typed events for %s', async (modelId) => {
      const events = await collect(harness.quarry.stream(modelId, hello));
      expectWellFormed(events);
      const text = events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');
      const whole = await harness.quarry.invoke(modelId, hello);
      expect(text).toBe(whole.text);
      const end = events.at(-1);
      expect(end?.type === 'stream-end' && end.usage.outputTokens).toBe(whole.usage.outputTokens);
    });

    it.each(TEXT_MODELS)(
      'ends %s with the call totals: request id, latency, attempts and cost',
      async (modelId) => {
        const events = await collect(harness.quarry.stream(modelId, hello));
        const start = events[0];
        const end = events.at(-1);
        if (end?.type !== 'stream-end' || start?.type !== 'stream-start') throw new Error('malformed stream');
        expect(end.requestId).toBe(start.requestId);
        expect(end.attempts).toBe(1);
        expect(end.latencyMs).toBeGreaterThanOrEqual(0);
        const whole = await harness.quarry.invoke(modelId, hello);
        expect(end.cost).toEqual(whole.cost);
        expect(end.cost.totalUsd).toBeGreaterThan(0);
      },
    );

    it('assembles tool-use deltas into the complete JSON input', async () => {
      const events = await collect(
        harness.quarry.stream('anthropic.claude-3-haiku-20240307-v1:0', {
          messages: [{ role: 'user', content: 'Weather in Oslo?' }],
          tools: [
            {
              name: 'get_weather',
              inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
            },
          ],
          toolChoice: { type: 'tool', name: 'get_weather' },
        }),
      );
      const json = events.map((event) => (event.type === 'tool-use-delta' ? event.inputJson : '')).join('');
      expect(JSON.parse(json)).toEqual(expect.objectContaining({ city: expect.any(String) as string }));
      expect(events.at(-1)).toMatchObject({ type: 'stream-end', stopReason: 'tool_use' });
    });

    it.each(['stream', 'converseStream'] as const)(
      '%s: stream-end carries the assembled tool calls, as invoke returns them',
      async (method) => {
        const request = {
          messages: [{ role: 'user' as const, content: 'Weather in Oslo?' }],
          tools: [
            {
              name: 'get_weather',
              inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
            },
          ],
          toolChoice: { type: 'tool' as const, name: 'get_weather' },
        };
        const model = 'anthropic.claude-3-haiku-20240307-v1:0';
        const events = await collect(harness.quarry[method](model, request));
        const end = events.at(-1);
        if (end?.type !== 'stream-end') throw new Error('no stream-end');
        const whole = await harness.quarry.invoke(model, request);
        expect(end.toolCalls).toHaveLength(1);
        expect(end.toolCalls[0]).toMatchObject({
          name: 'get_weather',
          input: { city: expect.any(String) as string },
        });
        expect(end.toolCalls.map(({ name, input }) => ({ name, input }))).toEqual(
          whole.toolCalls.map(({ name, input }) => ({ name, input })),
        );
        const plain = (await collect(harness.quarry[method](model, hello))).at(-1);
        expect(plain?.type === 'stream-end' && plain.toolCalls).toEqual([]);
      },
    );

    it('reports invocation metrics on stream-end', async () => {
      const events = await collect(harness.quarry.stream('amazon.titan-text-express-v1', hello));
      const end = events.at(-1);
      expect(end?.type === 'stream-end' && end.metrics?.invocationLatencyMs).toBeGreaterThanOrEqual(0);
    });
  });

  function expectWellFormed(events: readonly StreamEvent[]): void {
    expect(events[0]?.type).toBe('stream-start');
    expect(events.filter((event) => event.type === 'stream-end')).toHaveLength(1);
    expect(events.at(-1)?.type).toBe('stream-end');
    expect(events.some((event) => event.type === 'text-delta')).toBe(true);
    const start = events[0];
    expect(start?.type === 'stream-start' && start.requestId).toMatch(/^[0-9a-f-]{36}$/);
  }
});
