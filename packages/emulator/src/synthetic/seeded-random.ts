import { createHash } from 'node:crypto';

/** A small deterministic PRNG (xorshift32) seeded from any string, so output is a function of the request. */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

function seedFrom(text: string): number {
  const digest = createHash('sha256').update(text).digest();
  // xorshift32 must never be seeded with 0.
  return digest.readUInt32LE(0) || 0x9e3779b9;
}

export function createSeededRandom(seed: string | number): SeededRandom {
  let state = typeof seed === 'number' ? seed >>> 0 || 0x9e3779b9 : seedFrom(seed);
  const next = (): number => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick() from an empty list');
      return item;
    },
  };
}
