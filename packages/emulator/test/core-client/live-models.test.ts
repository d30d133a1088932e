import { ModelNotFoundError } from '@quarry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, startHarness, type Harness } from './quarry-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
});

const GPT_OSS = 'openai.gpt-oss-20b-1:0'; // listed by the emulator, unknown to core's catalog
const hello = { messages: [{ role: 'user' as const, content: 'Hello' }] };
const operations = () => harness.emulator.stats.snapshot().byOperation;

describe('models only the live list knows', () => {
  it('are not in the catalog', () => {
    expect(harness.quarry.catalog.get(GPT_OSS)).toBeUndefined();
  });

  it('invoke and converse go through Converse, looking the list up once per client', async () => {
    const before = operations();
    const invoked = await harness.quarry.invoke(GPT_OSS, hello);
    const conversed = await harness.quarry.converse('qwen.qwen3-32b-v1:0', hello);
    const after = operations();
    expect(invoked.text.length).toBeGreaterThan(0);
    expect(invoked).toMatchObject({ modelId: GPT_OSS, baseModelId: GPT_OSS, attempts: 1 });
    // No catalog price: reported as unpriced rather than guessed.
    expect(invoked.cost.priced).toBe(false);
    expect(conversed.text.length).toBeGreaterThan(0);
    expect((after['Converse'] ?? 0) - (before['Converse'] ?? 0)).toBe(2);
    expect((after['InvokeModel'] ?? 0) - (before['InvokeModel'] ?? 0)).toBe(0);
    expect((after['ListFoundationModels'] ?? 0) - (before['ListFoundationModels'] ?? 0)).toBeLessThanOrEqual(
      1,
    );
    await harness.quarry.invoke(GPT_OSS, hello);
    expect(operations()['ListFoundationModels']).toBe(after['ListFoundationModels']);
  });

  it.each(['stream', 'converseStream'] as const)('%s streams through ConverseStream', async (method) => {
    const before = operations()['ConverseStream'] ?? 0;
    const events = await collect(harness.quarry[method](GPT_OSS, hello));
    expect(events[0]?.type).toBe('stream-start');
    expect(events.some((event) => event.type === 'text-delta')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'stream-end', stopReason: 'end_turn', toolCalls: [] });
    expect((operations()['ConverseStream'] ?? 0) - before).toBe(1);
  });

  it('one caller abandoning the shared list lookup does not fail the others', async () => {
    const fresh = await startHarness();
    try {
      const reason = new Error('gave up');
      const abandoned = fresh.quarry.invoke(GPT_OSS, hello, { signal: AbortSignal.abort(reason) });
      const patient = fresh.quarry.invoke(GPT_OSS, hello);
      await expect(abandoned).rejects.toBe(reason);
      expect((await patient).text.length).toBeGreaterThan(0);
    } finally {
      await fresh.close();
    }
  });

  it('validateChat accepts them and still refuses what every family refuses', async () => {
    await expect(harness.quarry.validateChat(GPT_OSS, hello)).resolves.toBeUndefined();
    await expect(
      harness.quarry.validateChat(GPT_OSS, { messages: [{ role: 'user', content: '  ' }] }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'messages[0].content' });
  });

  it('a model neither the catalog nor the list knows is still MODEL_NOT_FOUND with suggestions', async () => {
    const error: unknown = await harness.quarry
      .invoke('openai.gpt-oss-9000-1:0', hello)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect((error as Error).message).toContain('listModels()');
  });
});
