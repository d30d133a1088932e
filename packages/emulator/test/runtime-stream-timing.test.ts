import {
  ConverseStreamCommand,
  InvokeModelWithResponseStreamCommand,
  type BedrockRuntimeClient,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '../src/index.js';
import { runtimeClient } from './support/clients.js';
import { body, decodeBody } from './support/sdk-helpers.js';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const TITAN = 'amazon.titan-text-express-v1';
const TIME_TO_FIRST_TOKEN_MS = 1_500;
// Asserted as gaps between events, not as absolute times: a busy CI machine delays everything,
// but a held start frame would put the whole wait before send() resolves and none after it.
const MIN_WAIT_AFTER_SEND_MS = TIME_TO_FIRST_TOKEN_MS / 2;

let emulator: Emulator;
let client: BedrockRuntimeClient;
beforeAll(async () => {
  emulator = await startEmulator({
    latency: { firstTokenMs: TIME_TO_FIRST_TOKEN_MS, tokensPerSecond: 1000 },
  });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  client = runtimeClient(emulator.url);
});
afterEach(() => {
  client.destroy();
});

describe('stream timing', () => {
  // The SDK's send() resolves only once the first frame arrives (bedrock-protocol.md §3.6 point 1),
  // so the start frame must not wait for the model.
  it('resolves send() at once with message_start and spends the time to first token before the text', async () => {
    const started = performance.now();
    const output = await client.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: HAIKU,
        body: body({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 50,
          messages: [{ role: 'user', content: 'Hello' }],
        }),
      }),
    );
    const sentAt = performance.now() - started;
    const arrivals: { type: unknown; at: number; chunk: Record<string, unknown> }[] = [];
    for await (const event of output.body ?? []) {
      if (event.chunk?.bytes === undefined) continue;
      const chunk = decodeBody(event.chunk.bytes);
      arrivals.push({ type: chunk['type'], at: performance.now() - started, chunk });
    }
    expect(arrivals[0]?.type).toBe('message_start');
    const firstText = arrivals.find((arrival) => arrival.type === 'content_block_delta');
    expect(firstText?.at).toBeGreaterThanOrEqual(TIME_TO_FIRST_TOKEN_MS);
    expect((firstText?.at ?? 0) - sentAt).toBeGreaterThanOrEqual(MIN_WAIT_AFTER_SEND_MS);
    // The metric keeps meaning time to first token, not time to the start frame.
    const metrics = arrivals.at(-1)?.chunk['amazon-bedrock-invocationMetrics'] as Record<string, number>;
    expect(metrics['firstByteLatency']).toBeGreaterThanOrEqual(TIME_TO_FIRST_TOKEN_MS);
  });

  it('resolves ConverseStream send() at once with messageStart and streams the text after the time to first token', async () => {
    const started = performance.now();
    const output = await client.send(
      new ConverseStreamCommand({
        modelId: HAIKU,
        messages: [{ role: 'user', content: [{ text: 'Hello' }] }],
      }),
    );
    const sentAt = performance.now() - started;
    const arrivals: { event: string; at: number }[] = [];
    for await (const event of output.stream ?? []) {
      arrivals.push({ event: Object.keys(event)[0] ?? '', at: performance.now() - started });
    }
    expect(arrivals[0]?.event).toBe('messageStart');
    const firstText = arrivals.find((arrival) => arrival.event === 'contentBlockDelta');
    expect(firstText?.at).toBeGreaterThanOrEqual(TIME_TO_FIRST_TOKEN_MS);
    expect((firstText?.at ?? 0) - sentAt).toBeGreaterThanOrEqual(MIN_WAIT_AFTER_SEND_MS);
  });

  it('waits the time to first token before the first chunk of a family whose first chunk carries text', async () => {
    const started = performance.now();
    const output = await client.send(
      new InvokeModelWithResponseStreamCommand({
        modelId: TITAN,
        body: body({ inputText: 'Hello', textGenerationConfig: { maxTokenCount: 20 } }),
      }),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(TIME_TO_FIRST_TOKEN_MS);
    let first: Record<string, unknown> | undefined;
    for await (const event of output.body ?? []) {
      if (event.chunk?.bytes !== undefined) first ??= decodeBody(event.chunk.bytes);
    }
    expect(first?.['outputText']).toMatch(/\w/);
  });
});
