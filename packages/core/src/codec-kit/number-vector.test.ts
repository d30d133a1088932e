import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { NumberVector } from './number-vector.js';

/** The schema NumberVector stands in for. */
const ZodVector = z.array(z.number()).min(1);

describe('NumberVector', () => {
  const cases: readonly unknown[] = [
    [0.5, -1, 0, 3e38],
    [1],
    Array.from({ length: 1_024 }, (_, index) => index / 7),
    [],
    [1, '2'],
    [1, null],
    [Number.NaN],
    [1, Number.POSITIVE_INFINITY],
    // eslint-disable-next-line no-sparse-arrays -- a hole is not a number
    [1, , 3],
    [[1]],
    '1,2',
    { 0: 1, length: 1 },
    null,
    undefined,
    new Float32Array([1, 2]),
  ];

  it('accepts and refuses exactly what z.array(z.number()).min(1) does', () => {
    for (const value of cases) {
      expect(NumberVector.safeParse(value).success, JSON.stringify(value)).toBe(
        ZodVector.safeParse(value).success,
      );
    }
  });

  it('returns the array it was given', () => {
    const vector = [0.25, -0.5];
    expect(NumberVector.parse(vector)).toBe(vector);
  });

  it('reports the issues z.array(z.number()).min(1) reports, under the parent path', () => {
    const body = { embeddings: [[1], [2, 'x', null], []] };
    const issues = z.object({ embeddings: z.array(NumberVector) }).safeParse(body).error?.issues;
    const exact = z.object({ embeddings: z.array(ZodVector) }).safeParse(body).error?.issues;
    expect(issues?.map((issue) => [issue.path, issue.code, issue.message])).toEqual(
      exact?.map((issue) => [issue.path, issue.code, issue.message]),
    );
    expect(issues?.map((issue) => issue.path)).toEqual([
      ['embeddings', 1, 1],
      ['embeddings', 1, 2],
      ['embeddings', 2],
    ]);
  });
});
