import {
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ValidationException,
  type ContentBlock,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '../src/index.js';
import { runtimeClient } from './support/clients.js';
import { http1Request } from './support/raw-requests.js';
import { body, decodeBody } from './support/sdk-helpers.js';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const NOVA = 'amazon.nova-micro-v1:0';
const IMAGE_BYTES = Buffer.from('not really a png, but base64 all the same').toString('base64');
const CONTENT_MEMBERS =
  'text, image, document, video, audio, toolUse, toolResult, reasoningContent, cachePoint, guardContent, citationsContent, searchResult, toolAddition, toolRemoval';
const WEATHER = {
  toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: {} } } },
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ latency: 'zero' });
});
afterAll(async () => {
  await emulator.close();
});

/** Sends a Converse body exactly as given (the SDK's types would not let most of these through). */
async function converseRaw(
  request: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await http1Request(emulator.url, {
    method: 'POST',
    path: `/model/${HAIKU}/converse`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

const user = (...content: unknown[]) => ({ role: 'user', content });

describe('Converse unions', () => {
  it('refuses an empty content block through the real SDK instead of billing 0 input tokens', async () => {
    const client = runtimeClient(emulator.url);
    const error = await client
      .send(
        new ConverseCommand({ modelId: HAIKU, messages: [{ role: 'user', content: [{} as ContentBlock] }] }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe(
      `1 validation error detected: Value at 'messages.1.member.content.1.member' failed to satisfy constraint: exactly one of [${CONTENT_MEMBERS}] must be set, found none`,
    );
    client.destroy();
  });

  it('wants exactly one known member in every union, naming the path', async () => {
    const image = { format: 'png', source: { bytes: IMAGE_BYTES } };
    const cases: [Record<string, unknown>, string][] = [
      [{ messages: [user({ text: 'a', image })] }, "'messages.1.member.content.1.member'"],
      [{ messages: [user({ text: 'a' }, { sparkle: 'b' })] }, "'messages.1.member.content.2.member'"],
      [{ system: [{}], messages: [user({ text: 'a' })] }, "'system.1.member'"],
      [
        {
          messages: [user({ toolResult: { toolUseId: 't', content: [{ text: 'ok' }, {}] } })],
          toolConfig: { tools: [WEATHER] },
        },
        "'messages.1.member.content.1.member.toolResult.content.2.member'",
      ],
      [
        { messages: [user({ text: 'a' })], toolConfig: { tools: [WEATHER, {}] } },
        "'toolConfig.tools.2.member'",
      ],
      [
        { messages: [user({ text: 'a' })], toolConfig: { tools: [WEATHER], toolChoice: {} } },
        "'toolConfig.toolChoice'",
      ],
      [
        {
          messages: [user({ text: 'a' })],
          toolConfig: { tools: [WEATHER], toolChoice: { auto: {}, any: {} } },
        },
        "'toolConfig.toolChoice'",
      ],
      [
        {
          messages: [user({ text: 'a' })],
          toolConfig: { tools: [{ toolSpec: { name: 'x', inputSchema: {} } }] },
        },
        "'toolConfig.tools.1.member.toolSpec.inputSchema'",
      ],
      [
        { messages: [user({ image: { format: 'png', source: {} } })] },
        "'messages.1.member.content.1.member.image.source'",
      ],
    ];
    for (const [request, path] of cases) {
      const response = await converseRaw(request);
      expect(response.status, path).toBe(400);
      expect(response.body['message'], path).toMatch(
        new RegExp(
          `^1 validation error detected: Value at ${path} failed to satisfy constraint: exactly one of \\[`,
        ),
      );
    }
    expect((await converseRaw({ messages: [user({ text: 'a', image })] })).body['message']).toContain(
      'found [text, image]',
    );
    expect((await converseRaw({ messages: [user({ sparkle: 'b' })] })).body['message']).toContain(
      'found [sparkle]',
    );
  });

  it('checks image formats and that image bytes are standard base64', async () => {
    const image = (format: string, bytes: string) => ({
      messages: [user({ text: 'What is this?' }, { image: { format, source: { bytes } } })],
    });
    const bmp = await converseRaw(image('bmp', IMAGE_BYTES));
    expect(bmp.status).toBe(400);
    expect(bmp.body['message']).toBe(
      "1 validation error detected: Value at 'messages.1.member.content.2.member.image.format' failed to satisfy constraint: Member must satisfy enum value set: [png, jpeg, gif, webp]",
    );
    const noFormat = await converseRaw({ messages: [user({ image: { source: { bytes: IMAGE_BYTES } } })] });
    expect(noFormat.body['message']).toBe(
      "1 validation error detected: Value null at 'messages.1.member.content.1.member.image.format' failed to satisfy constraint: Member must not be null",
    );
    for (const bytes of ['!!!', 'abc', 'YWJj\nZGVm', 'YW-_']) {
      const bad = await converseRaw(image('png', bytes));
      expect(bad.status, bytes).toBe(400);
      expect(bad.body['message'], bytes).toContain(
        "Value at 'messages.1.member.content.2.member.image.source.bytes' failed to satisfy constraint: the value is not valid standard base64",
      );
    }
    const bytesInToolResult = await converseRaw({
      messages: [
        user({
          toolResult: {
            toolUseId: 't',
            content: [{ image: { format: 'tiff', source: { bytes: IMAGE_BYTES } } }],
          },
        }),
      ],
      toolConfig: { tools: [WEATHER] },
    });
    expect(bytesInToolResult.body['message']).toContain(
      "'messages.1.member.content.1.member.toolResult.content.1.member.image.format'",
    );
    for (const format of ['png', 'jpeg', 'gif', 'webp']) {
      const good = await converseRaw(image(format, IMAGE_BYTES));
      expect(good.status, format).toBe(200);
      expect((good.body['usage'] as { inputTokens: number }).inputTokens).toBeGreaterThan(85);
    }
  });

  it('still accepts every member the SDK models, including the ones the emulator does not read', async () => {
    const response = await converseRaw({
      system: [{ text: 'Be brief.' }, { cachePoint: { type: 'default' } }],
      messages: [
        user(
          { text: 'Summarise.' },
          { document: { name: 'd', format: 'txt', source: { text: 'lighthouse notes' } } },
          { cachePoint: { type: 'default' } },
        ),
      ],
      toolConfig: { tools: [WEATHER, { cachePoint: { type: 'default' } }], toolChoice: { auto: {} } },
    });
    expect(response.status).toBe(200);
  });
});

describe('native image blocks', () => {
  const claudeWithImage = (source: Record<string, unknown>) =>
    body({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 50,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image', source },
          ],
        },
      ],
    });

  it('refuses an Anthropic image with an unsupported media type or bytes that are not base64', async () => {
    const client = runtimeClient(emulator.url);
    const error = await client
      .send(
        new InvokeModelCommand({
          modelId: HAIKU,
          body: claudeWithImage({ type: 'base64', media_type: 'image/bmp', data: '!!!' }),
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe(
      'Malformed input request: #/messages/0/content/1/source/media_type: "image/bmp" is not a valid enum value' +
        '#/messages/0/content/1/source/data: the value is not valid standard base64 (A-Z, a-z, 0-9, +, / and = padding)' +
        ', please reformat your input and try again.',
    );
    const missing = await client
      .send(
        new InvokeModelCommand({
          modelId: HAIKU,
          body: claudeWithImage({ type: 'base64', data: IMAGE_BYTES }),
        }),
      )
      .catch((caught: unknown) => caught);
    expect((missing as Error).message).toContain(
      '#/messages/0/content/1/source: required key [media_type] not found',
    );
    for (const mediaType of ['image/jpeg', 'image/png', 'image/gif', 'image/webp']) {
      const output = await client.send(
        new InvokeModelCommand({
          modelId: HAIKU,
          body: claudeWithImage({ type: 'base64', media_type: mediaType, data: IMAGE_BYTES }),
        }),
      );
      expect(decodeBody(output.body)['stop_reason'], mediaType).toBe('end_turn');
    }
    client.destroy();
  });

  it('holds Nova native bodies to the Converse unions and image formats', async () => {
    const client = runtimeClient(emulator.url);
    const nova = (content: unknown[]) =>
      client
        .send(
          new InvokeModelCommand({
            modelId: NOVA,
            body: body({ schemaVersion: 'messages-v1', messages: [{ role: 'user', content }] }),
          }),
        )
        .catch((caught: unknown) => caught);
    expect(((await nova([{}])) as Error).message).toContain(
      `#/messages/0/content/0: exactly one of [${CONTENT_MEMBERS}] must be set, found none`,
    );
    expect(
      ((await nova([{ text: 'hi' }, { image: { format: 'bmp', source: { bytes: IMAGE_BYTES } } }])) as Error)
        .message,
    ).toContain('#/messages/0/content/1/image/format: "bmp" is not a valid enum value');
    expect(
      ((await nova([{ text: 'hi' }, { image: { format: 'png', source: { bytes: '!!!' } } }])) as Error)
        .message,
    ).toContain('#/messages/0/content/1/image/source/bytes: the value is not valid standard base64');
    client.destroy();
  });
});

describe('tool choice', () => {
  it('refuses a Converse toolChoice naming a tool the request does not define', async () => {
    const client = runtimeClient(emulator.url);
    const request = {
      modelId: HAIKU,
      messages: [{ role: 'user' as const, content: [{ text: 'What time is it?' }] }],
      toolConfig: { tools: [WEATHER], toolChoice: { tool: { name: 'get_time' } } },
    };
    const calls: [string, () => Promise<unknown>][] = [
      ['Converse', () => client.send(new ConverseCommand(request))],
      ['ConverseStream', () => client.send(new ConverseStreamCommand(request))],
    ];
    for (const [operation, call] of calls) {
      const error = await call().catch((caught: unknown) => caught);
      expect(error, operation).toBeInstanceOf(ValidationException);
      expect((error as Error).message, operation).toBe(
        `1 validation error detected: Value at 'toolConfig.toolChoice.tool.name' failed to satisfy constraint: Member must name a tool defined in toolConfig.tools, found "get_time"`,
      );
    }
    const named = await client.send(
      new ConverseCommand({
        ...request,
        toolConfig: { tools: [WEATHER], toolChoice: { tool: { name: 'get_weather' } } },
      }),
    );
    expect(named.output?.message?.content?.[0]?.toolUse?.name).toBe('get_weather');
    client.destroy();
  });

  it('refuses an Anthropic tool_choice naming an undefined tool, or none', async () => {
    const client = runtimeClient(emulator.url);
    const claude = (toolChoice: Record<string, unknown>) =>
      body({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 100,
        messages: [{ role: 'user', content: 'What time is it?' }],
        tools: [{ name: 'get_weather', input_schema: { type: 'object', properties: {} } }],
        tool_choice: toolChoice,
      });
    const unknown = await client
      .send(new InvokeModelCommand({ modelId: HAIKU, body: claude({ type: 'tool', name: 'get_time' }) }))
      .catch((caught: unknown) => caught);
    expect(unknown).toBeInstanceOf(ValidationException);
    expect((unknown as Error).message).toBe(
      'tool_choice.name: the tool "get_time" is not one of the tools provided in tools.',
    );
    const streamed = await client
      .send(
        new InvokeModelWithResponseStreamCommand({
          modelId: HAIKU,
          body: claude({ type: 'tool', name: 'get_time' }),
        }),
      )
      .catch((caught: unknown) => caught);
    expect(streamed).toBeInstanceOf(ValidationException);
    const nameless = await client
      .send(new InvokeModelCommand({ modelId: HAIKU, body: claude({ type: 'tool' }) }))
      .catch((caught: unknown) => caught);
    expect(nameless).toBeInstanceOf(ValidationException);
    expect((nameless as Error).message).toBe(
      'Malformed input request: #/tool_choice: required key [name] not found, please reformat your input and try again.',
    );
    const named = await client.send(
      new InvokeModelCommand({ modelId: HAIKU, body: claude({ type: 'tool', name: 'get_weather' }) }),
    );
    expect(decodeBody(named.body)).toMatchObject({
      stop_reason: 'tool_use',
      content: [{ type: 'tool_use', name: 'get_weather' }],
    });
    client.destroy();
  });

  it('refuses an OpenAI-style tool_choice naming an undefined function', async () => {
    const client = runtimeClient(emulator.url);
    const error = await client
      .send(
        new InvokeModelCommand({
          modelId: 'ai21.jamba-1-5-mini-v1:0',
          body: body({
            messages: [{ role: 'user', content: 'What time is it?' }],
            tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object' } } }],
            tool_choice: { type: 'function', function: { name: 'get_time' } },
          }),
        }),
      )
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toBe(
      'Malformed input request: #/tool_choice/function/name: "get_time" is not the name of a function in #/tools, please reformat your input and try again.',
    );
    client.destroy();
  });
});
