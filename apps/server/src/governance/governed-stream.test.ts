import type { CallStreamEvent, CallTokenStream } from '@quarry/core';
import { describe, expect, it } from 'vitest';
import { governedStream } from './governed-stream.js';
import type { CallOutcome } from './policy.js';

const start = { type: 'stream-start', modelId: 'm', requestId: 'r' } as unknown as CallStreamEvent;
const delta = { type: 'text-delta', index: 0, text: 'hi' } as unknown as CallStreamEvent;
const end = {
  type: 'stream-end',
  usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
  cost: { totalUsd: 0.5 },
  requestId: 'r',
  attempts: 1,
} as unknown as CallStreamEvent;

/** A recording admission and a source whose events and failure the test decides. */
function harness(events: readonly CallStreamEvent[], failAfter?: Error) {
  const settlements: CallOutcome[] = [];
  let opened = 0;
  let closed = 0;
  const admission = {
    settle: (outcome: CallOutcome) => {
      settlements.push(outcome);
      return Promise.resolve();
    },
  };
  const open = (): CallTokenStream => ({
    [Symbol.asyncIterator]() {
      opened += 1;
      let index = 0;
      return {
        next: () => {
          if (index < events.length) {
            const event = events[index++] as CallStreamEvent;
            return Promise.resolve({ done: false as const, value: event });
          }
          if (failAfter !== undefined) return Promise.reject(failAfter);
          return Promise.resolve({ done: true as const, value: undefined });
        },
        return: () => {
          closed += 1;
          return Promise.resolve({ done: true as const, value: undefined });
        },
      };
    },
  });
  const failureOf = (error: unknown): CallOutcome => ({ error });
  return {
    settlements,
    opened: () => opened,
    closed: () => closed,
    stream: (admit: () => Promise<typeof admission> = () => Promise.resolve(admission)) =>
      governedStream(admit, open, failureOf),
  };
}

async function collect(stream: CallTokenStream): Promise<CallStreamEvent[]> {
  const seen: CallStreamEvent[] = [];
  for await (const event of stream) seen.push(event);
  return seen;
}

describe('governedStream', () => {
  it('settles once with the usage of stream-end, before stream-end is delivered', async () => {
    const h = harness([start, delta, end]);
    const seen: string[] = [];
    for await (const event of h.stream()) seen.push(`${event.type}@${h.settlements.length}`);
    expect(seen).toEqual(['stream-start@0', 'text-delta@0', 'stream-end@1']);
    expect(h.settlements).toEqual([
      {
        usage: { inputTokens: 3, outputTokens: 2, totalTokens: 5 },
        costUsd: 0.5,
        upstreamRequestId: 'r',
        attempts: 1,
      },
    ]);
  });

  it('settles with the failure that ended the stream and rethrows it', async () => {
    const failure = new Error('cut');
    const h = harness([start, delta], failure);
    await expect(collect(h.stream())).rejects.toBe(failure);
    expect(h.settlements).toEqual([{ error: failure }]);
  });

  it('settles as cancelled when the consumer stops early, and closes the source', async () => {
    const h = harness([start, delta, end]);
    for await (const event of h.stream()) if (event.type === 'text-delta') break;
    expect(h.settlements).toEqual([{ cancelled: true }]);
    expect(h.closed()).toBe(1);
  });

  it('settles as cancelled when the source ends without stream-end', async () => {
    const h = harness([start, delta]);
    expect(await collect(h.stream())).toHaveLength(2);
    expect(h.settlements).toEqual([{ cancelled: true }]);
  });

  it('opens nothing when the policy refuses, and settles nothing', async () => {
    const refused = new Error('refused');
    const h = harness([start, end]);
    await expect(collect(h.stream(() => Promise.reject(refused)))).rejects.toBe(refused);
    expect(h.opened()).toBe(0);
    expect(h.settlements).toEqual([]);
  });

  it('opens nothing when the consumer stops while the policy step runs, and settles the admission', async () => {
    const h = harness([start, end]);
    let admitted!: () => void;
    const admission = {
      settle: (outcome: CallOutcome) => {
        h.settlements.push(outcome);
        return Promise.resolve();
      },
    };
    const iterator = h
      .stream(() => new Promise((resolve) => (admitted = () => resolve(admission))))
      [Symbol.asyncIterator]();
    const first = iterator.next();
    const closing = iterator.return?.();
    admitted();
    expect(await first).toEqual({ done: true, value: undefined });
    await closing;
    expect(h.opened()).toBe(0);
    expect(h.settlements).toEqual([{ cancelled: true }]);
  });
});
