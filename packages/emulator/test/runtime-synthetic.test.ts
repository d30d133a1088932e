import {
  InvokeModelCommand,
  ValidationException,
  type BedrockRuntimeClient,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator } from '../src/index.js';
import { keywords } from '../src/synthetic/keywords.js';
import { cosineSimilarity } from '../src/synthetic/synthetic-embedding.js';
import { runtimeClient } from './support/clients.js';
import { readPng } from './support/png.js';
import { body, captureHeaders, decodeBody, extraHeaders, type LooseJson } from './support/sdk-helpers.js';

let emulator: Emulator;
let east: BedrockRuntimeClient;
let west: BedrockRuntimeClient;
beforeAll(async () => {
  emulator = await startEmulator({ latency: 'zero' });
  east = runtimeClient(emulator.url);
  west = runtimeClient(emulator.url, { region: 'us-west-2' });
});
afterAll(async () => {
  east.destroy();
  west.destroy();
  await emulator.close();
});

async function invoke(modelId: string, payload: unknown, client = east): Promise<LooseJson> {
  return decodeBody((await client.send(new InvokeModelCommand({ modelId, body: body(payload) }))).body);
}
const norm = (vector: readonly number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
const titanV2 = async (inputText: string, extra: Record<string, unknown> = {}) =>
  (await invoke('amazon.titan-embed-text-v2:0', { inputText, ...extra }))['embedding'] as number[];

describe('synthetic embeddings', () => {
  it('returns the requested dimensions, unit length by default for Titan v2', async () => {
    for (const dimensions of [1024, 512, 256]) {
      const vector = await titanV2('hello world', dimensions === 1024 ? {} : { dimensions });
      expect(vector).toHaveLength(dimensions);
      expect(norm(vector)).toBeCloseTo(1, 5);
    }
    expect(norm(await titanV2('hello world', { normalize: false }))).not.toBeCloseTo(1, 2);
    await expect(
      east.send(
        new InvokeModelCommand({
          modelId: 'amazon.titan-embed-text-v2:0',
          body: body({ inputText: 'x', dimensions: 300 }),
        }),
      ),
    ).rejects.toBeInstanceOf(ValidationException);
  });

  it('embeds identical texts identically and similar texts closer than unrelated ones', async () => {
    const cat = await titanV2('The cat sat on the mat.');
    expect(await titanV2('The cat sat on the mat.')).toEqual(cat);
    const similar = await titanV2('A cat was sitting on a mat');
    const unrelated = await titanV2('Quarterly revenue grew in European markets');
    expect(cosineSimilarity(cat, similar)).toBeGreaterThan(cosineSimilarity(cat, unrelated) + 0.2);
    expect(await titanV2('the cat sat on the mat')).not.toEqual(cat);
  });

  it('adds the binary type when asked', async () => {
    const response = await invoke('amazon.titan-embed-text-v2:0', {
      inputText: 'bits',
      dimensions: 256,
      embeddingTypes: ['float', 'binary'],
    });
    expect(response['embeddingsByType']['binary']).toHaveLength(256);
    expect(new Set(response['embeddingsByType']['binary'] as number[])).toEqual(new Set([0, 1]));
  });

  it('embeds Cohere batches, with quantised types on request', async () => {
    const texts = ['search engines rank pages', 'web search ranks pages', 'bake bread at home'];
    const floats = (await invoke('cohere.embed-english-v3', { texts, input_type: 'search_document' }))[
      'embeddings'
    ] as number[][];
    expect(floats.map((vector) => vector.length)).toEqual([1024, 1024, 1024]);
    expect(norm(floats[0] ?? [])).toBeCloseTo(1, 5);
    expect(cosineSimilarity(floats[0] ?? [], floats[1] ?? [])).toBeGreaterThan(
      cosineSimilarity(floats[0] ?? [], floats[2] ?? []),
    );
    const typed = await invoke('cohere.embed-english-v3', {
      texts,
      input_type: 'search_query',
      embedding_types: ['int8', 'ubinary'],
    });
    expect(typed['response_type']).toBe('embeddings_by_type');
    expect(typed['embeddings']['int8'][0]).toHaveLength(1024);
    expect(typed['embeddings']['ubinary'][0]).toHaveLength(128);
    const tooMany = east.send(
      new InvokeModelCommand({
        modelId: 'cohere.embed-english-v3',
        body: body({ texts: Array.from({ length: 97 }, () => 'x'), input_type: 'clustering' }),
      }),
    );
    await expect(tooMany).rejects.toThrow('expected maximum item count: 96');
  });
});

describe('synthetic images', () => {
  it('paints valid PNGs of the requested size, deterministic per prompt and seed', async () => {
    const request = (seed: number) => ({
      taskType: 'TEXT_IMAGE',
      textToImageParams: { text: 'a red fox' },
      imageGenerationConfig: { width: 512, height: 320, seed },
    });
    const first = (await invoke('amazon.nova-canvas-v1:0', request(1)))['images'][0] as string;
    expect(readPng(first)).toEqual({ width: 512, height: 320 });
    expect((await invoke('amazon.nova-canvas-v1:0', request(1)))['images'][0]).toBe(first);
    expect((await invoke('amazon.nova-canvas-v1:0', request(2)))['images'][0]).not.toBe(first);
  });

  it('maps every SD3 aspect ratio to its output size', async () => {
    const sizes: Record<string, [number, number]> = {
      '1:1': [1024, 1024],
      '16:9': [1344, 768],
      '9:16': [768, 1344],
      '2:3': [832, 1216],
      '5:4': [1088, 896],
    };
    for (const [ratio, [width, height]] of Object.entries(sizes)) {
      const response = await invoke(
        'stability.stable-image-core-v1:1',
        { prompt: 'dunes', aspect_ratio: ratio },
        west,
      );
      expect(readPng(response['images'][0]), ratio).toEqual({ width, height });
    }
  });

  it('refuses SDXL sizes Bedrock does not render', async () => {
    const request = body({ text_prompts: [{ text: 'x' }], width: 1000, height: 1000 });
    await expect(
      east.send(new InvokeModelCommand({ modelId: 'stability.stable-diffusion-xl-v1', body: request })),
    ).rejects.toBeInstanceOf(ValidationException);
  });

  const imageRequest = (imageGenerationConfig: Record<string, unknown>) => ({
    taskType: 'TEXT_IMAGE',
    textToImageParams: { text: 'a lighthouse' },
    imageGenerationConfig,
  });
  const refusal = (modelId: string, config: Record<string, unknown>): Promise<unknown> =>
    east
      .send(new InvokeModelCommand({ modelId, body: body(imageRequest(config)) }))
      .then(() => undefined)
      .catch((caught: unknown) => caught);

  it('renders only the documented Titan Image sizes, on v1 and v2', async () => {
    for (const modelId of ['amazon.titan-image-generator-v1', 'amazon.titan-image-generator-v2:0']) {
      const accepted = await invoke(modelId, imageRequest({ width: 1173, height: 640 }));
      expect(readPng(accepted['images'][0]), modelId).toEqual({ width: 1173, height: 640 });
      // On Nova Canvas's grid, but not in Titan's list; the old 4096 cap let 4096x4096 through.
      for (const [width, height] of [
        [1000, 1000],
        [512, 768],
        [4096, 4096],
        [64, 64],
      ]) {
        const error = await refusal(modelId, { width, height });
        expect(error, `${modelId} ${width}x${height}`).toBeInstanceOf(ValidationException);
        expect((error as Error).message).toContain(
          `#/imageGenerationConfig: the size ${width}x${height} is not supported; use one of 1024x1024, 768x768`,
        );
      }
      // Only one side given: the other defaults to 1024, and 512x1024 is not on the list.
      expect(await refusal(modelId, { width: 512 })).toBeInstanceOf(ValidationException);
    }
  });

  it('holds Nova Canvas to its grid: 320-4096 in steps of 16, at most 4:1 and 4.2 megapixels', async () => {
    const canvas = 'amazon.nova-canvas-v1:0';
    const accepted = await invoke(canvas, imageRequest({ width: 1280, height: 320 }));
    expect(readPng(accepted['images'][0])).toEqual({ width: 1280, height: 320 });
    const cases: [Record<string, unknown>, string][] = [
      [{ width: 304, height: 512 }, '#/imageGenerationConfig/width: 304 is not greater or equal to 320'],
      [{ width: 512, height: 4112 }, '#/imageGenerationConfig/height: 4112 is not less or equal to 4096'],
      [{ width: 1000, height: 1024 }, '#/imageGenerationConfig/width: 1000 is not a multiple of 16'],
      [{ width: 1344, height: 320 }, '#/imageGenerationConfig: the aspect ratio of 1344x320 is beyond 4:1'],
      [
        { width: 4096, height: 2048 },
        '#/imageGenerationConfig: 4096x2048 has 8388608 pixels, more than 4194304',
      ],
      [
        { width: 512, height: 512, numberOfImages: 6 },
        '#/imageGenerationConfig/numberOfImages: 6 is not less',
      ],
      [
        { width: 512, height: 512, numberOfImages: 0 },
        '#/imageGenerationConfig/numberOfImages: 0 is not greater',
      ],
    ];
    for (const [config, message] of cases) {
      const error = await refusal(canvas, config);
      expect(error, JSON.stringify(config)).toBeInstanceOf(ValidationException);
      expect((error as Error).message).toContain(message);
    }
    // The largest square Nova Canvas allows, and as many images as it allows.
    const largest = await invoke(canvas, imageRequest({ width: 2048, height: 2048 }));
    expect(readPng(largest['images'][0])).toEqual({ width: 2048, height: 2048 });
    const most = await invoke(canvas, imageRequest({ width: 320, height: 320, numberOfImages: 5 }));
    expect(most['images']).toHaveLength(5);
  });
});

describe('keywords', () => {
  it('keeps lower-cased words of three or more letters and digits, as tool choice and ranking match them', () => {
    expect(keywords('Get the WEATHER in São-Paulo, on 2024-06-01 at 9am!')).toEqual([
      'get',
      'the',
      'weather',
      'paulo',
      '2024',
      '9am',
    ]);
    expect(keywords('a, b; of')).toEqual([]);
  });
});

describe('synthetic text', () => {
  const claude = (maxTokens: number, extra: Record<string, unknown> = {}) => ({
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: maxTokens,
    messages: [{ role: 'user', content: 'Write a long story' }],
    ...extra,
  });

  it('honours x-quarry-output-tokens, capped by max_tokens', async () => {
    const client = runtimeClient(emulator.url);
    const headers = captureHeaders(client);
    extraHeaders(client)['x-quarry-output-tokens'] = '300';
    const long = await invoke('anthropic.claude-3-haiku-20240307-v1:0', claude(1000), client);
    expect(long['usage']['output_tokens']).toBe(300);
    expect(long['stop_reason']).toBe('end_turn');
    expect(headers()['x-amzn-bedrock-output-token-count']).toBe('300');
    const capped = await invoke('anthropic.claude-3-haiku-20240307-v1:0', claude(50), client);
    expect(capped).toMatchObject({ stop_reason: 'max_tokens', usage: { output_tokens: 50 } });
    expect(String(long['content'][0]['text']).startsWith(String(capped['content'][0]['text']))).toBe(true);
    client.destroy();
  });

  it('cuts at the earliest stop sequence and reports it, per family', async () => {
    const full = (await invoke('anthropic.claude-3-haiku-20240307-v1:0', claude(500)))['content'][0][
      'text'
    ] as string;
    const stop = ` ${full.split(' ')[4] ?? ''}`;
    const stopped = await invoke(
      'anthropic.claude-3-haiku-20240307-v1:0',
      claude(500, { stop_sequences: ['ZZZ', stop] }),
    );
    expect(stopped).toMatchObject({ stop_reason: 'stop_sequence', stop_sequence: stop });
    expect(stopped['content'][0]['text']).toBe(full.slice(0, full.indexOf(stop)));

    const titan = { inputText: 'Tell me a story', textGenerationConfig: { maxTokenCount: 500 } };
    const titanText = (await invoke('amazon.titan-text-lite-v1', titan))['results'][0][
      'outputText'
    ] as string;
    const titanStop = await invoke('amazon.titan-text-lite-v1', {
      ...titan,
      textGenerationConfig: { maxTokenCount: 500, stopSequences: [titanText.split(' ')[3] ?? ''] },
    });
    expect(titanStop['results'][0]['completionReason']).toBe('STOP_CRITERIA_MET');
    const llama = await invoke('meta.llama3-70b-instruct-v1:0', {
      prompt: 'Tell me a story',
      max_gen_len: 3,
    });
    expect(llama).toMatchObject({ stop_reason: 'length', generation_token_count: 3 });
  });

  it('gives identical bytes for identical requests, across emulator instances', async () => {
    const other = await startEmulator({ latency: 'zero' });
    const client = runtimeClient(other.url);
    try {
      const payload = { messages: [{ role: 'user', content: 'Hi Jamba' }], max_tokens: 200 };
      const here = await invoke('ai21.jamba-1-5-large-v1:0', payload);
      const there = await invoke('ai21.jamba-1-5-large-v1:0', payload, client);
      expect(there).toEqual(here);
      const smaller = await invoke('ai21.jamba-1-5-mini-v1:0', payload);
      expect(smaller['choices'][0]['message']['content']).not.toBe(here['choices'][0]['message']['content']);
    } finally {
      client.destroy();
      await other.close();
    }
  });
});
