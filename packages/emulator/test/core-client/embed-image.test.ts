import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fault, startHarness, type Harness } from './quarry-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
});

function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let index = 0; index < a.length; index++) {
    const x = a[index] ?? 0;
    const y = b[index] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return dot / Math.sqrt(na * nb);
}

describe('QuarryClient.embed against the emulator', () => {
  it('fans Titan texts out one per call and keeps input order', async () => {
    const texts = Array.from({ length: 20 }, (_, index) => `document number ${index} about rivers`);
    const before = harness.emulator.stats.snapshot().byOperation['InvokeModel'] ?? 0;
    const response = await harness.quarry.embed('amazon.titan-embed-text-v2:0', { texts, dimensions: 256 });
    expect(response.items).toHaveLength(20);
    response.items.forEach((item, index) => {
      expect(item.index).toBe(index);
      expect(item.ok && item.dimensions).toBe(256);
    });
    expect((harness.emulator.stats.snapshot().byOperation['InvokeModel'] ?? 0) - before).toBe(20);
    // Twenty batches, none retried: one attempt, like any call that worked first time.
    expect(response.attempts).toBe(1);
    expect(response.usage.inputTokens).toBeGreaterThan(0);
    expect(response.cost.totalUsd).toBeGreaterThan(0);
  });

  it('returns identical vectors for identical texts and unit vectors when normalised', async () => {
    const response = await harness.quarry.embed('amazon.titan-embed-text-v2:0', {
      texts: ['the same text', 'the same text'],
      normalize: true,
    });
    const [first, second] = response.items;
    if (first?.ok !== true || second?.ok !== true) throw new Error('embedding failed');
    expect(second.vector).toEqual(first.vector);
    expect(Math.hypot(...first.vector)).toBeCloseTo(1, 5);
  });

  it('batches Cohere texts up to 96 per call', async () => {
    const texts = Array.from({ length: 150 }, (_, index) => `text ${index}`);
    const before = harness.emulator.stats.snapshot().byOperation['InvokeModel'] ?? 0;
    const response = await harness.quarry.embed('cohere.embed-english-v3', {
      texts,
      inputType: 'search_query',
    });
    expect(response.items.every((item) => item.ok)).toBe(true);
    expect((harness.emulator.stats.snapshot().byOperation['InvokeModel'] ?? 0) - before).toBe(2);
    expect(response.usage.inputTokens).toBeGreaterThan(0);
  });

  it('returns Float32Array vectors on request, normalised client-side for Titan v1', async () => {
    const response = await harness.quarry.embed(
      'amazon.titan-embed-text-v1',
      { texts: ['rivers and bridges', 'rivers and a bridge', 'quarterly tax returns'], normalize: true },
      { format: 'float32' },
    );
    const vectors = response.items.map((item) => {
      if (!item.ok) throw item.error;
      return item.vector;
    });
    expect(vectors[0]).toBeInstanceOf(Float32Array);
    expect(vectors[0]).toHaveLength(1536);
    expect(Math.hypot(...(vectors[0] ?? []))).toBeCloseTo(1, 4);
    expect(cosine(vectors[0] ?? [], vectors[1] ?? [])).toBeGreaterThan(
      cosine(vectors[0] ?? [], vectors[2] ?? []),
    );
  });

  it('reports a bad text as its own failed item and embeds the rest', async () => {
    const response = await harness.quarry.embed('amazon.titan-embed-text-v2:0', {
      texts: ['fine', '', 'also fine'],
    });
    expect(response.items.map((item) => item.ok)).toEqual([true, false, true]);
    const bad = response.items[1];
    expect(bad?.ok === false && bad.error.code).toBe('BAD_USER_INPUT');
  });

  it('reports an upstream failure on one batch per item without failing the others', async () => {
    const response = await harness.quarry.embed(
      'amazon.titan-embed-text-v2:0',
      { texts: ['a', 'b', 'c'] },
      fault('model-error;count=1'),
    );
    expect(response.items.filter((item) => !item.ok)).toHaveLength(1);
    expect(response.items.filter((item) => item.ok)).toHaveLength(2);
  });

  it('refuses dimensions the model does not offer for the whole call', async () => {
    await expect(
      harness.quarry.embed('amazon.titan-embed-text-v2:0', { texts: ['a'], dimensions: 300 }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'dimensions',
    });
  });
});

describe('QuarryClient.generateImage against the emulator', () => {
  it.each([
    ['amazon.titan-image-generator-v2:0', { width: 512, height: 512 }],
    ['amazon.nova-canvas-v1:0', { width: 512, height: 512 }],
    ['stability.stable-diffusion-xl-v1', { width: 1024, height: 1024 }],
  ] as const)('returns valid PNGs of the requested size from %s', async (modelId, size) => {
    const response = await harness.quarry.generateImage(modelId, {
      prompt: 'a lighthouse at dusk',
      seed: 7,
      ...size,
    });
    const png = Buffer.from(response.images[0]?.base64 ?? '', 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(size.width);
    expect(png.readUInt32BE(20)).toBe(size.height);
    expect(response.cost.totalUsd).toBeGreaterThan(0);
    // The prompt's token count comes from Bedrock's headers; images produce no output tokens.
    expect(response.usage.inputTokens).toBeGreaterThan(0);
    expect(response.usage).toMatchObject({ outputTokens: 0, totalTokens: response.usage.inputTokens });
  });

  it('maps a 16:9 size onto SD3.5 Large in a region that serves it', async () => {
    const west = await startHarness({ region: 'us-west-2' });
    try {
      const response = await west.quarry.generateImage('stability.sd3-5-large-v1:0', {
        prompt: 'a harbor',
        width: 1920,
        height: 1080,
      });
      const png = Buffer.from(response.images[0]?.base64 ?? '', 'base64');
      expect(png.readUInt32BE(16) / png.readUInt32BE(20)).toBeCloseTo(16 / 9, 1);
    } finally {
      await west.close();
    }
  });

  it('tells the caller the supported sizes when the size is wrong', async () => {
    await expect(
      harness.quarry.generateImage('amazon.titan-image-generator-v2:0', {
        prompt: 'x',
        width: 333,
        height: 333,
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('QuarryClient.embed attempts', () => {
  it('counts retries, not batches', async () => {
    const texts = ['one', 'two', 'three', 'four'];
    // The fault hits one request of the four batches once: one retry in all, so 2 attempts, not 5.
    const response = await harness.quarry.embed(
      'amazon.titan-embed-text-v2:0',
      { texts },
      fault('internal;count=1'),
    );
    expect(response.items.every((item) => item.ok)).toBe(true);
    expect(response.attempts).toBe(2);
  });
});
