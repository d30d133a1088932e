import {
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  ValidationException,
  type ConverseStreamOutput,
  type CountTokensInput,
  type Message,
  type Tool,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '../src/index.js';
import { runtimeClient } from './support/clients.js';
import { http1Request } from './support/raw-requests.js';
import { body, decodeBody } from './support/sdk-helpers.js';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const WEATHER_TOOL: Tool = {
  toolSpec: {
    name: 'get_weather',
    description: 'Current weather for a city',
    inputSchema: {
      json: {
        type: 'object',
        properties: {
          city: { type: 'string' },
          unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
          days: { type: 'integer', minimum: 1, maximum: 7 },
        },
        required: ['city'],
      },
    },
  },
};
const CLOCK_TOOL: Tool = {
  toolSpec: {
    name: 'get_time',
    description: 'Current time in a timezone',
    inputSchema: { json: { type: 'object', properties: { zone: { type: 'string' } } } },
  },
};

let emulator: Emulator;
const client = () => runtimeClient(emulator.url);
beforeAll(async () => {
  emulator = await startEmulator({ latency: 'zero' });
});
afterAll(async () => {
  await emulator.close();
});

const user = (text: string): Message => ({ role: 'user', content: [{ text }] });

describe('Converse', () => {
  it('answers with text, usage and metrics, deterministically', async () => {
    const runtime = client();
    const request = {
      modelId: HAIKU,
      system: [{ text: 'Be terse.' }],
      messages: [user('Tell me about rivers')],
    };
    const first = await runtime.send(new ConverseCommand(request));
    const second = await runtime.send(new ConverseCommand(request));
    expect(first.stopReason).toBe('end_turn');
    expect(first.output?.message?.role).toBe('assistant');
    const text = first.output?.message?.content?.[0]?.text;
    expect(text).toMatch(/\w+/);
    expect(second.output).toEqual(first.output);
    expect(first.usage).toEqual({
      inputTokens: expect.any(Number),
      outputTokens: expect.any(Number),
      totalTokens: (first.usage?.inputTokens ?? 0) + (first.usage?.outputTokens ?? 0),
    });
    expect(first.metrics?.latencyMs).toBeGreaterThanOrEqual(0);
    const other = await runtime.send(
      new ConverseCommand({ ...request, messages: [user('Tell me about mountains')] }),
    );
    expect(other.output?.message?.content?.[0]?.text).not.toBe(text);
    runtime.destroy();
  });

  it('says the same thing through Converse and the native InvokeModel body', async () => {
    const runtime = client();
    const converse = await runtime.send(
      new ConverseCommand({
        modelId: HAIKU,
        system: [{ text: 'Be terse.' }],
        messages: [user('Hello Claude')],
      }),
    );
    const invoked = decodeBody(
      (
        await runtime.send(
          new InvokeModelCommand({
            modelId: HAIKU,
            body: body({
              anthropic_version: 'bedrock-2023-05-31',
              max_tokens: 4096,
              system: 'Be terse.',
              messages: [{ role: 'user', content: 'Hello Claude' }],
            }),
          }),
        )
      ).body,
    ) as { content: { text: string }[]; usage: { input_tokens: number } };
    expect(converse.output?.message?.content?.[0]?.text).toBe(invoked.content[0]?.text);
    expect(converse.usage?.inputTokens).toBe(invoked.usage.input_tokens);
    runtime.destroy();
  });

  it('stops at maxTokens with max_tokens and at a stop sequence with stop_sequence', async () => {
    const runtime = client();
    const capped = await runtime.send(
      new ConverseCommand({ modelId: HAIKU, messages: [user('Hello')], inferenceConfig: { maxTokens: 5 } }),
    );
    expect(capped.stopReason).toBe('max_tokens');
    expect(capped.usage?.outputTokens).toBe(5);
    const full = await runtime.send(new ConverseCommand({ modelId: HAIKU, messages: [user('Hello')] }));
    const text = full.output?.message?.content?.[0]?.text ?? '';
    const stop = text.split(' ')[6] ?? '';
    const stopped = await runtime.send(
      new ConverseCommand({
        modelId: HAIKU,
        messages: [user('Hello')],
        inferenceConfig: { stopSequences: [stop] },
        additionalModelResponseFieldPaths: ['/stop_sequence'],
      }),
    );
    expect(stopped.stopReason).toBe('stop_sequence');
    expect(text.startsWith(stopped.output?.message?.content?.[0]?.text ?? 'x')).toBe(true);
    expect(stopped.output?.message?.content?.[0]?.text).not.toContain(stop);
    expect(stopped.additionalModelResponseFields).toEqual({ stop_sequence: stop });
    runtime.destroy();
  });

  it('calls the tool that matches the request, then answers the tool result with text', async () => {
    const runtime = client();
    const toolConfig = { tools: [CLOCK_TOOL, WEATHER_TOOL] };
    const question = user('What is the weather in Paris?');
    const first = await runtime.send(
      new ConverseCommand({ modelId: HAIKU, messages: [question], toolConfig }),
    );
    expect(first.stopReason).toBe('tool_use');
    const toolUse = first.output?.message?.content?.find((block) => block.toolUse !== undefined)?.toolUse;
    expect(toolUse?.name).toBe('get_weather');
    expect(toolUse?.toolUseId).toMatch(/^tooluse_/);
    const input = toolUse?.input as { city: string; unit: string; days: number };
    expect(typeof input.city).toBe('string');
    expect(['celsius', 'fahrenheit']).toContain(input.unit);
    expect(input.days).toBeGreaterThanOrEqual(1);
    expect(input.days).toBeLessThanOrEqual(7);

    const answer = await runtime.send(
      new ConverseCommand({
        modelId: HAIKU,
        toolConfig,
        messages: [
          question,
          { role: 'assistant', content: first.output?.message?.content ?? [] },
          {
            role: 'user',
            content: [{ toolResult: { toolUseId: toolUse?.toolUseId, content: [{ json: { tempC: 21 } }] } }],
          },
        ],
      }),
    );
    expect(answer.stopReason).toBe('end_turn');
    expect(answer.output?.message?.content?.[0]?.text).toMatch(/\w+/);
    runtime.destroy();
  });

  it('honours toolChoice tool and any even after a tool result', async () => {
    const runtime = client();
    const named = await runtime.send(
      new ConverseCommand({
        modelId: HAIKU,
        messages: [user('What is the weather?')],
        toolConfig: { tools: [WEATHER_TOOL, CLOCK_TOOL], toolChoice: { tool: { name: 'get_time' } } },
      }),
    );
    expect(named.output?.message?.content?.[0]?.toolUse?.name).toBe('get_time');
    const forced = await runtime.send(
      new ConverseCommand({
        modelId: 'amazon.nova-lite-v1:0',
        messages: [user('Hi')],
        toolConfig: { tools: [WEATHER_TOOL], toolChoice: { any: {} } },
      }),
    );
    expect(forced.stopReason).toBe('tool_use');
    runtime.destroy();
  });

  it('refuses what Bedrock refuses, with its messages', async () => {
    const runtime = client();
    const cases: [Message[], string, string?][] = [
      [[{ role: 'assistant', content: [{ text: 'hi' }] }], 'A conversation must start with a user message'],
      [[user('a'), user('b')], 'A conversation must alternate between user and assistant roles'],
      [[user('  ')], 'is blank'],
      [
        [{ role: 'user', content: [{ toolResult: { toolUseId: 'x', content: [{ text: 'y' }] } }] }],
        'The toolConfig field must be defined',
      ],
      [
        [user('hi')],
        "This action doesn't support the model that you provided",
        'amazon.titan-embed-text-v2:0',
      ],
    ];
    for (const [messages, message, modelId] of cases) {
      const error = await runtime
        .send(new ConverseCommand({ modelId: modelId ?? HAIKU, messages }))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationException);
      expect((error as Error).message).toContain(message);
    }
    const system = await runtime
      .send(
        new ConverseCommand({
          modelId: 'amazon.titan-text-express-v1',
          system: [{ text: 'x' }],
          messages: [user('hi')],
        }),
      )
      .catch((caught: unknown) => caught);
    expect((system as Error).message).toBe("This model doesn't support system messages.");
    const tools = await runtime
      .send(
        new ConverseCommand({
          modelId: 'amazon.titan-text-express-v1',
          messages: [user('hi')],
          toolConfig: { tools: [WEATHER_TOOL] },
        }),
      )
      .catch((caught: unknown) => caught);
    expect((tools as Error).message).toBe("This model doesn't support tool use.");
    const tooMany = await runtime
      .send(
        new ConverseCommand({
          modelId: HAIKU,
          messages: [user('hi')],
          inferenceConfig: { maxTokens: 100_000 },
        }),
      )
      .catch((caught: unknown) => caught);
    expect((tooMany as Error).message).toContain('exceeds the model limit of 4096');
    runtime.destroy();
  });
});

describe('ConverseStream', () => {
  const events = async (output: {
    stream?: AsyncIterable<ConverseStreamOutput> | undefined;
  }): Promise<ConverseStreamOutput[]> => {
    const collected: ConverseStreamOutput[] = [];
    for await (const event of output.stream ?? []) collected.push(event);
    return collected;
  };

  it('streams the Converse answer as messageStart, deltas, stops and metadata', async () => {
    const runtime = client();
    const messages = [
      user('Tell me about bridges'),
      { role: 'assistant', content: [{ text: 'Sure.' }] } as Message,
      user('More, please'),
    ];
    const whole = await runtime.send(new ConverseCommand({ modelId: 'amazon.nova-pro-v1:0', messages }));
    const streamed = await events(
      await runtime.send(new ConverseStreamCommand({ modelId: 'amazon.nova-pro-v1:0', messages })),
    );
    expect(streamed[0]?.messageStart?.role).toBe('assistant');
    const text = streamed.map((event) => event.contentBlockDelta?.delta?.text ?? '').join('');
    expect(text).toBe(whole.output?.message?.content?.[0]?.text);
    expect(streamed.at(-2)?.messageStop?.stopReason).toBe('end_turn');
    const metadata = streamed.at(-1)?.metadata;
    expect(metadata?.usage).toEqual(whole.usage);
    expect(metadata?.metrics?.latencyMs).toBeGreaterThanOrEqual(0);
    runtime.destroy();
  });

  it('streams tool use as a contentBlockStart and JSON fragments that parse to the Converse input', async () => {
    const runtime = client();
    const request = {
      modelId: HAIKU,
      messages: [user('Weather in Oslo?')],
      toolConfig: { tools: [WEATHER_TOOL] },
    };
    const whole = await runtime.send(new ConverseCommand(request));
    const streamed = await events(await runtime.send(new ConverseStreamCommand(request)));
    const start = streamed.find((event) => event.contentBlockStart !== undefined)?.contentBlockStart;
    expect(start?.start?.toolUse?.name).toBe('get_weather');
    const json = streamed.map((event) => event.contentBlockDelta?.delta?.toolUse?.input ?? '').join('');
    expect(JSON.parse(json)).toEqual(whole.output?.message?.content?.[0]?.toolUse?.input);
    expect(streamed.find((event) => event.messageStop !== undefined)?.messageStop.stopReason).toBe(
      'tool_use',
    );
    runtime.destroy();
  });

  it('refuses embedding models like every non-streaming model', async () => {
    const runtime = client();
    const error = await runtime
      .send(new ConverseStreamCommand({ modelId: 'cohere.embed-english-v3', messages: [user('hi')] }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe('The model is unsupported for streaming.');
    runtime.destroy();
  });
});

describe('CountTokens', () => {
  it('counts what Converse and InvokeModel would bill', async () => {
    const runtime = client();
    const messages = [user('How many tokens is this sentence exactly?')];
    const converse = await runtime.send(new ConverseCommand({ modelId: HAIKU, messages }));
    const counted = await runtime.send(
      new CountTokensCommand({ modelId: HAIKU, input: { converse: { messages } } }),
    );
    expect(counted.inputTokens).toBe(converse.usage?.inputTokens);
    const native = body({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'How many tokens is this sentence exactly?' }],
    });
    const invokeCount = await runtime.send(
      new CountTokensCommand({ modelId: HAIKU, input: { invokeModel: { body: native } } }),
    );
    expect(invokeCount.inputTokens).toBe(converse.usage?.inputTokens);
    runtime.destroy();
  });

  it('names the member at fault in its ValidationException', async () => {
    const runtime = client();
    const count = (input: unknown) =>
      runtime
        .send(new CountTokensCommand({ modelId: HAIKU, input: input as CountTokensInput }))
        .catch((caught: unknown) => caught);
    const emptyBlock = await count({ converse: { messages: [{ role: 'user', content: [{}] }] } });
    expect(emptyBlock).toBeInstanceOf(ValidationException);
    expect((emptyBlock as Error).message).toMatch(
      /^1 validation error detected: Value at 'input\.converse\.messages\.1\.member\.content\.1\.member' failed to satisfy constraint: exactly one of \[text, /,
    );
    const noRole = await count({ converse: { messages: [{ content: [{ text: 'hi' }] }] } });
    expect((noRole as Error).message).toBe(
      "1 validation error detected: Value null at 'input.converse.messages.1.member.role' failed to satisfy constraint: Member must not be null",
    );
    const unknownTool = await count({
      converse: {
        messages: [user('What time is it?')],
        toolConfig: { tools: [WEATHER_TOOL], toolChoice: { tool: { name: 'get_time' } } },
      },
    });
    expect((unknownTool as Error).message).toContain(
      "Value at 'input.converse.toolConfig.toolChoice.tool.name'",
    );
    runtime.destroy();
  });

  it('wants exactly one of invokeModel and converse in input', async () => {
    // The SDK's types allow only one member, so these bodies go out as raw requests.
    const countRaw = async (requestBody: unknown) => {
      const response = await http1Request(emulator.url, {
        method: 'POST',
        path: `/model/${HAIKU}/count-tokens`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(requestBody),
      });
      return { status: response.status, body: JSON.parse(response.body) as { message?: string } };
    };
    const native = Buffer.from(
      JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    ).toString('base64');
    const both = await countRaw({
      input: { invokeModel: { body: native }, converse: { messages: [user('Hi')] } },
    });
    expect(both.status).toBe(400);
    expect(both.body.message).toBe(
      "1 validation error detected: Value at 'input' failed to satisfy constraint: exactly one of [invokeModel, converse] must be set, found [invokeModel, converse]",
    );
    const neither = await countRaw({ input: {} });
    expect(neither.body.message).toBe(
      "1 validation error detected: Value at 'input' failed to satisfy constraint: exactly one of [invokeModel, converse] must be set, found none",
    );
    const missing = await countRaw({});
    expect(missing.body.message).toBe(
      "1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null",
    );
    expect((await countRaw({ input: { invokeModel: { body: native } } })).status).toBe(200);
  });
});
