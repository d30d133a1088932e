import { describe, expect, it } from 'vitest';
import { createJsonBytes } from './json-bytes.js';

/** What the answer must equal: Apollo's `JSON.stringify(value) + '\n'` as UTF-8. */
const reference = (value: unknown, suffix = '\n'): Buffer => Buffer.from(`${JSON.stringify(value)}${suffix}`);

/** A GraphQL-shaped result: graphql-js builds its objects with a null prototype. */
function nullProto(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.assign(Object.create(null) as Record<string, unknown>, entries);
}

/** Deterministic pseudo-random numbers, so a failure replays. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const base64Of = (length: number, seed: number): string => {
  const next = random(seed);
  return Buffer.from(Float32Array.from({ length }, () => next() * 2 - 1).buffer).toString('base64');
};

describe('createJsonBytes', () => {
  it('writes a base64 embedding answer byte for byte as JSON.stringify', () => {
    const json = createJsonBytes();
    const answer = {
      errors: undefined,
      data: nullProto({
        embed: nullProto({
          embeddings: Array.from({ length: 96 }, (_, index) =>
            nullProto({ index, base64: base64Of(1_024, index + 1) }),
          ),
        }),
      }),
      extensions: undefined,
    };
    expect(json.encode(answer, '\n').equals(reference(answer))).toBe(true);
  });

  it('escapes long strings as JSON.stringify does wherever the character needing it sits', () => {
    const json = createJsonBytes();
    const safe = 'abcdefghij'.repeat(120); // 1,200 characters, each copied as it is
    for (const special of [
      '"',
      '\\',
      '\n',
      '\u0000',
      '\u001f',
      '\u007f',
      'é',
      '€',
      '😀',
      '\ud800',
      '\udfff',
    ]) {
      // At the start, in a word and in the unaligned tail, so every branch of the check sees one.
      for (const at of [0, 1, 2, 3, 4, 601, 602, 603, 1_197, 1_198, 1_199]) {
        const text = safe.slice(0, at) + special + safe.slice(at + 1);
        // Behind an odd-length prefix too, so the string starts at every alignment in the buffer.
        for (const value of [{ text }, { p: 'x', text }, { pp: 'xy', text }, { ppp: 'xyz', text }]) {
          expect(json.encode(value, '').toString('utf8')).toBe(JSON.stringify(value));
          expect(json.encode(value, '').equals(reference(value, ''))).toBe(true);
        }
      }
    }
  });

  it('leaves out and nulls exactly what JSON.stringify does, and uses toJSON', () => {
    const json = createJsonBytes();
    const long = 'y'.repeat(1_100);
    const values: unknown[] = [
      nullProto({
        a: undefined,
        b: () => 1,
        c: Symbol('s'),
        d: 1,
        e: [undefined, () => 1, Symbol('t'), long],
      }),
      { only: undefined, nested: { long } },
      // eslint-disable-next-line no-sparse-arrays -- a hole, which JSON.stringify writes as null
      [{ long }, , undefined, null, { long }],
      { when: new Date(0), custom: { toJSON: () => ({ long }) }, gone: { toJSON: () => undefined }, long },
      [
        { toJSON: () => undefined, long },
        { long, n: [Number.NaN, -0, Infinity, 1e21, 5e-7] },
      ],
      { 2: 'b', 1: 'a', z: { long }, [Symbol('hidden')]: 1, '\u2028"key"\\': { long } },
      [{ boxed: Object('text'), number: Object(3), long }],
      Object.create({ inherited: 1 }, { own: { value: { long }, enumerable: true }, hidden: { value: 1 } }),
      [[{ long }], [], {}, [1, 'two', null]],
      { deep: nest(40, { long }) },
    ];
    for (const value of values)
      expect(json.encode(value, '\n').toString('utf8')).toBe(`${JSON.stringify(value)}\n`);
  });

  it('throws where JSON.stringify throws (a cycle, a BigInt)', () => {
    const json = createJsonBytes();
    const cyclic: Record<string, unknown> = { list: [{ long: 'z'.repeat(1_100) }] };
    (cyclic['list'] as Record<string, unknown>[])[0]!['back'] = cyclic;
    expect(() => JSON.stringify(cyclic)).toThrow(TypeError);
    expect(() => json.encode(cyclic, '\n')).toThrow(TypeError);
    expect(() => json.encode({ list: [{ big: 1n }] }, '\n')).toThrow(TypeError);
    // And it still answers afterwards.
    expect(json.encode({ ok: [{ a: 1 }] }, '\n').toString('utf8')).toBe('{"ok":[{"a":1}]}\n');
  });

  it('matches JSON.stringify on random trees of objects, lists and strings', () => {
    const json = createJsonBytes();
    const next = random(7);
    const alphabet = [
      'a',
      'Z',
      '0',
      '+',
      '/',
      '=',
      ' ',
      '"',
      '\\',
      '\n',
      '\t',
      '\u0001',
      'é',
      '😀',
      '\ud83d',
    ];
    const text = (): string => {
      const length = next() < 0.5 ? Math.floor(next() * 20) : 900 + Math.floor(next() * 1_500);
      // Mostly safe characters, so long strings take the copy-and-check path and sometimes fail it.
      const risky = next() < 0.5;
      let result = '';
      for (let index = 0; index < length; index++)
        result +=
          (risky && next() < 0.002 ? alphabet[Math.floor(next() * alphabet.length)] : alphabet[index % 6]) ??
          '';
      return result;
    };
    const tree = (depth: number): unknown => {
      const pick = next();
      if (depth > 4 || pick < 0.3) return next() < 0.5 ? text() : Math.floor(next() * 1_000) / 7;
      if (pick < 0.6) return Array.from({ length: Math.floor(next() * 6) }, () => tree(depth + 1));
      const object: Record<string, unknown> = next() < 0.5 ? {} : nullProto({});
      for (let key = 0; key < Math.floor(next() * 5); key++) object[`k${key}`] = tree(depth + 1);
      return object;
    };
    for (let round = 0; round < 300; round++) {
      const value = { data: tree(0) };
      expect(json.encode(value, '\n').equals(reference(value))).toBe(true);
    }
  });

  it('returns a copy: a later answer (larger than its scratch buffer) leaves an earlier one intact', () => {
    const json = createJsonBytes();
    const first = json.encode({ list: [{ long: 'a'.repeat(2_000) }] }, '\n');
    const firstText = first.toString('utf8');
    const big = {
      list: Array.from({ length: 300 }, (_, index) => ({ index, base64: base64Of(2_048, index) })),
    };
    expect(json.encode(big, '\n').equals(reference(big))).toBe(true);
    expect(first.toString('utf8')).toBe(firstText);
    // After an answer beyond what it keeps (8 MB), it starts small again and still answers right.
    const huge = {
      list: Array.from({ length: 800 }, (_, index) => ({ index, base64: base64Of(2_900, index) })),
    };
    expect(json.encode(huge, '\n').equals(reference(huge))).toBe(true);
    expect(json.encode(big, '\n').equals(reference(big))).toBe(true);
  });
});

function nest(depth: number, leaf: unknown): unknown {
  return depth === 0 ? leaf : { child: [nest(depth - 1, leaf)] };
}
