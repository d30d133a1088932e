import {
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import { MODEL_FAMILIES } from '@quarry/core/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '../src/index.js';
import { runtimeClient, type Transport } from './support/clients.js';
import { FAMILY_CASES } from './support/family-cases.js';
import { readPng } from './support/png.js';
import { body, captureHeaders, collectChunks, decodeBody, type LooseJson } from './support/sdk-helpers.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ latency: 'zero' });
});
afterAll(async () => {
  await emulator.close();
});

describe('InvokeModel', () => {
  it('has a case for every catalog family', () => {
    expect(new Set(FAMILY_CASES.map((entry) => entry.family))).toEqual(new Set(MODEL_FAMILIES));
  });

  for (const transport of ['http2', 'http1'] as const satisfies readonly Transport[]) {
    describe(`over ${transport}`, () => {
      for (const entry of FAMILY_CASES) {
        it(`answers ${entry.family} (${entry.modelId}) with its native body and the Bedrock headers`, async () => {
          const client = runtimeClient(emulator.url, { region: entry.region, transport });
          const headers = captureHeaders(client);
          try {
            // No contentType: the SDK sends application/octet-stream, which Bedrock accepts (§1.4).
            const output = await client.send(
              new InvokeModelCommand({ modelId: entry.modelId, body: body(entry.body) }),
            );
            expect(output.contentType).toBe('application/json');
            expect(output.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
            const response = decodeBody(output.body);
            const raw = headers();
            expect(Number(raw['x-amzn-bedrock-invocation-latency'])).toBeGreaterThanOrEqual(0);
            expect(raw['date']).toBeDefined();
            const inputTokens = Number(raw['x-amzn-bedrock-input-token-count']);
            const outputTokens = Number(raw['x-amzn-bedrock-output-token-count']);
            expect(inputTokens).toBeGreaterThan(0);
            checkBody(entry.family, response, inputTokens, outputTokens);
          } finally {
            client.destroy();
          }
        });
      }
    });
  }
});

describe('InvokeModelWithResponseStream', () => {
  for (const entry of FAMILY_CASES.filter((candidate) => candidate.kind === 'chat')) {
    it(`streams ${entry.family} chunks that spell the InvokeModel text and end with invocation metrics`, async () => {
      const client = runtimeClient(emulator.url, { region: entry.region });
      try {
        const invoked = await client.send(
          new InvokeModelCommand({
            modelId: entry.modelId,
            body: body(entry.body),
            contentType: 'application/json',
          }),
        );
        const streamed = await client.send(
          new InvokeModelWithResponseStreamCommand({
            modelId: entry.modelId,
            body: body(entry.body),
            accept: 'application/json',
          }),
        );
        expect(streamed.contentType).toBe('application/json');
        const chunks = await collectChunks(streamed);
        expect(chunks.length).toBeGreaterThan(2);
        expect(entry.streamTextOf?.(chunks)).toBe(entry.textOf?.(decodeBody(invoked.body)));
        const last = chunks.at(-1) ?? {};
        const metrics = last['amazon-bedrock-invocationMetrics'] as Record<string, number>;
        expect(metrics).toMatchObject({
          inputTokenCount: expect.any(Number),
          outputTokenCount: expect.any(Number),
        });
        expect(metrics['invocationLatency']).toBeGreaterThanOrEqual(metrics['firstByteLatency'] ?? 0);
        expect(chunks.slice(0, -1).every((chunk) => !('amazon-bedrock-invocationMetrics' in chunk))).toBe(
          true,
        );
      } finally {
        client.destroy();
      }
    });
  }

  for (const entry of FAMILY_CASES.filter((candidate) => candidate.kind === 'chat')) {
    it(`reports the InvokeModel token counts in the ${entry.family} stream metrics`, async () => {
      const client = runtimeClient(emulator.url, { region: entry.region });
      const headers = captureHeaders(client);
      try {
        const invoked = await client.send(
          new InvokeModelCommand({ modelId: entry.modelId, body: body(entry.body) }),
        );
        const inputTokens = Number(headers()['x-amzn-bedrock-input-token-count']);
        const outputTokens = Number(headers()['x-amzn-bedrock-output-token-count']);
        // The body's own usage fields agree with the headers (per family, as in checkBody).
        checkBody(entry.family, decodeBody(invoked.body), inputTokens, outputTokens);
        const chunks = await collectChunks(
          await client.send(
            new InvokeModelWithResponseStreamCommand({ modelId: entry.modelId, body: body(entry.body) }),
          ),
        );
        expect(chunks.at(-1)?.['amazon-bedrock-invocationMetrics']).toMatchObject({
          inputTokenCount: inputTokens,
          outputTokenCount: outputTokens,
        });
        expect(outputTokens).toBeGreaterThan(0);
      } finally {
        client.destroy();
      }
    });
  }

  it('streams over HTTP/1.1 chunked responses too', async () => {
    const client = runtimeClient(emulator.url, { transport: 'http1' });
    try {
      const output = await client.send(
        new InvokeModelWithResponseStreamCommand({
          modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
          body: body({
            anthropic_version: 'bedrock-2023-05-31',
            max_tokens: 50,
            messages: [{ role: 'user', content: 'Hi' }],
          }),
        }),
      );
      const chunks = await collectChunks(output);
      expect(chunks[0]?.['type']).toBe('message_start');
      expect(chunks.at(-1)?.['type']).toBe('message_stop');
    } finally {
      client.destroy();
    }
  });

  for (const entry of FAMILY_CASES.filter((candidate) => candidate.kind !== 'chat')) {
    it(`refuses to stream ${entry.family} like Bedrock refuses non-streaming models`, async () => {
      const client = runtimeClient(emulator.url, { region: entry.region });
      try {
        const error = await client
          .send(new InvokeModelWithResponseStreamCommand({ modelId: entry.modelId, body: body(entry.body) }))
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ValidationException);
        expect((error as Error).message).toBe('The model is unsupported for streaming.');
      } finally {
        client.destroy();
      }
    });
  }
});

function checkBody(
  family: string,
  response: Record<string, unknown>,
  inputTokens: number,
  outputTokens: number,
): void {
  const r = response as LooseJson;
  switch (family) {
    case 'anthropic-messages':
      expect(r['id']).toMatch(/^msg_bdrk_01/);
      expect(r['model']).toBe('claude-3-haiku-20240307');
      expect(r['stop_reason']).toBe('end_turn');
      expect(r['usage']).toMatchObject({ input_tokens: inputTokens, output_tokens: outputTokens });
      break;
    case 'titan-text':
      expect(r['inputTextTokenCount']).toBe(inputTokens);
      expect(r['results'][0]).toMatchObject({ tokenCount: outputTokens, completionReason: 'FINISH' });
      break;
    case 'nova':
      expect(r['stopReason']).toBe('end_turn');
      expect(r['usage']).toMatchObject({
        inputTokens,
        outputTokens,
        totalTokens: inputTokens + outputTokens,
      });
      break;
    case 'llama2':
    case 'llama3':
      expect(r).toMatchObject({
        prompt_token_count: inputTokens,
        generation_token_count: outputTokens,
        stop_reason: 'stop',
      });
      break;
    case 'mistral-text':
      expect(r['outputs'][0]['stop_reason']).toBe('stop');
      break;
    case 'mistral-chat':
      expect(r['choices'][0]).toMatchObject({
        index: 0,
        stop_reason: 'stop',
        message: { role: 'assistant' },
      });
      break;
    case 'cohere-command-r':
      expect(r['finish_reason']).toBe('COMPLETE');
      expect(r['meta']['billed_units']).toEqual({ input_tokens: inputTokens, output_tokens: outputTokens });
      break;
    case 'ai21-jamba':
      expect(r['choices'][0]['finish_reason']).toBe('stop');
      expect(r['usage']).toEqual({
        prompt_tokens: inputTokens,
        completion_tokens: outputTokens,
        total_tokens: inputTokens + outputTokens,
      });
      break;
    case 'titan-embed-v1':
      expect(r['embedding']).toHaveLength(1536);
      expect(r['inputTextTokenCount']).toBe(inputTokens);
      break;
    case 'titan-embed-v2':
      expect(r['embedding']).toHaveLength(256);
      expect(r['embeddingsByType']['float']).toEqual(r['embedding']);
      break;
    case 'titan-embed-image':
      expect(r['embedding']).toHaveLength(384);
      expect(r['message']).toBeNull();
      break;
    case 'cohere-embed':
      expect(r['response_type']).toBe('embeddings_floats');
      expect(r['embeddings']).toHaveLength(2);
      expect(r['texts']).toEqual(['hello', 'world']);
      break;
    case 'titan-image':
      expect(r['images']).toHaveLength(2);
      expect(readPng(r['images'][0])).toEqual({ width: 384, height: 576 });
      expect(r['images'][0]).not.toBe(r['images'][1]);
      break;
    case 'stability-sdxl':
      expect(r['result']).toBe('success');
      expect(r['artifacts'][0]).toMatchObject({ seed: 7, finishReason: 'SUCCESS' });
      expect(readPng(r['artifacts'][0]['base64'])).toEqual({ width: 1536, height: 640 });
      break;
    case 'stability-sd3':
      expect(r['seeds']).toEqual([3]);
      expect(r['finish_reasons']).toEqual([null]);
      expect(readPng(r['images'][0])).toEqual({ width: 1536, height: 640 });
      break;
    default:
      throw new Error(`no check for ${family}`);
  }
  if (
    ![
      'titan-embed-v1',
      'titan-embed-v2',
      'titan-embed-image',
      'cohere-embed',
      'titan-image',
      'stability-sdxl',
      'stability-sd3',
    ].includes(family)
  ) {
    expect(outputTokens).toBeGreaterThan(0);
  }
}

describe('InvokeModel input length', () => {
  it('refuses a prompt longer than the model context window as Bedrock does', async () => {
    const client = runtimeClient(emulator.url);
    try {
      // Titan Text Lite has a 4K-token context window.
      const error = await client
        .send(
          new InvokeModelCommand({
            modelId: 'amazon.titan-text-lite-v1',
            body: body({ inputText: 'river delta sediment '.repeat(5_000) }),
          }),
        )
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationException);
      expect((error as Error).message).toBe('Input is too long for requested model.');
      const fits = await client.send(
        new InvokeModelCommand({
          modelId: 'amazon.titan-text-lite-v1',
          body: body({ inputText: 'river delta' }),
        }),
      );
      expect(fits.body.length).toBeGreaterThan(0);
    } finally {
      client.destroy();
    }
  });
});
