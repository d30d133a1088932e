import type { CallOptions } from '@quarry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, fault, startHarness, type Harness } from './quarry-harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
});

const CHAT = 'anthropic.claude-3-haiku-20240307-v1:0';
const hello = { messages: [{ role: 'user' as const, content: 'Hello' }] };

/** Every client call that takes a signal, as one shape: the test only cares how it ends. */
const CALLS: Readonly<Record<string, (options: CallOptions) => Promise<unknown>>> = {
  invoke: (options) => harness.quarry.invoke(CHAT, hello, options),
  stream: (options) => collect(harness.quarry.stream(CHAT, hello, options)),
  converse: (options) => harness.quarry.converse(CHAT, hello, options),
  converseStream: (options) => collect(harness.quarry.converseStream(CHAT, hello, options)),
  embed: (options) =>
    harness.quarry.embed('amazon.titan-embed-text-v2:0', { texts: ['a', 'b', 'c'] }, options),
  generateImage: (options) =>
    harness.quarry.generateImage('amazon.titan-image-generator-v2:0', { prompt: 'a lighthouse' }, options),
};

/** Resolves once the emulator has picked a fault for a request: the call is in flight upstream. */
async function inFlight(before: number): Promise<void> {
  while (harness.emulator.stats.snapshot().faultsInjected === before) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('an aborted call rejects with the signal’s reason, everywhere', () => {
  for (const [name, call] of Object.entries(CALLS)) {
    it(`${name}: aborted before it starts`, async () => {
      const reason = new Error(`caller gave up on ${name}`);
      const before = harness.emulator.stats.snapshot().requests;
      await expect(call({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
      expect(harness.emulator.stats.snapshot().requests).toBe(before);
    });

    it(`${name}: aborted while Bedrock is answering, with the default AbortError reason`, async () => {
      const controller = new AbortController();
      const before = harness.emulator.stats.snapshot().faultsInjected;
      // The emulator holds the answer for a minute: only the abort can end the call in time.
      const pending = call({ ...fault('internal;delay-ms=60000'), signal: controller.signal });
      const settled = pending.then(
        () => 'resolved',
        (error: unknown) => error,
      );
      await inFlight(before);
      controller.abort();
      const outcome = await settled;
      expect(outcome).toBe(controller.signal.reason);
      expect(outcome).toBeInstanceOf(DOMException);
      expect((outcome as DOMException).name).toBe('AbortError');
    });
  }

  it('stream: aborted after content arrived', async () => {
    const controller = new AbortController();
    const reason = new Error('enough');
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of harness.quarry.stream(CHAT, hello, {
        ...fault('stall;after=3'),
        signal: controller.signal,
      })) {
        seen.push(event.type);
        if (event.type === 'text-delta') controller.abort(reason);
      }
    })();
    await expect(reading).rejects.toBe(reason);
    expect(seen).not.toContain('stream-end');
  });
});
