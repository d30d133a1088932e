import { describe, expect, it } from 'vitest';
import { float32ToNumbers } from './float32-numbers.js';

describe('float32ToNumbers', () => {
  it('returns the float32 values as plain numbers, in order', () => {
    const vector = Float32Array.from([0.1, -2.5, 3.4028234663852886e38, 0]);
    const numbers = float32ToNumbers(vector);
    expect(Array.isArray(numbers)).toBe(true);
    expect(numbers).toEqual(Array.from(vector));
  });

  it('reads only the view of a shared buffer', () => {
    const shared = Float32Array.from([9, 1, 2, 9]);
    expect(float32ToNumbers(shared.subarray(1, 3))).toEqual([1, 2]);
  });
});
