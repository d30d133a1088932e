import { describe, expect, it } from 'vitest';
import { float32ToBase64LE } from './float32-base64.js';

function decodeLE(base64: string): number[] {
  const bytes = Buffer.from(base64, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / 4 }, (_, index) => view.getFloat32(index * 4, true));
}

describe('float32ToBase64LE', () => {
  const values = [0.5, -1.25, 3.4028234663852886e38, 1e-45, 0];

  it('encodes little-endian floats on either host byte order', () => {
    const vector = Float32Array.from(values);
    expect(decodeLE(float32ToBase64LE(vector, true))).toEqual(Array.from(vector));
    expect(decodeLE(float32ToBase64LE(vector, false))).toEqual(Array.from(vector));
  });

  it('encodes only the view, not the rest of a shared buffer', () => {
    const shared = Float32Array.from([9, ...values, 9]);
    const vector = shared.subarray(1, 1 + values.length);
    expect(float32ToBase64LE(vector, false)).toBe(float32ToBase64LE(Float32Array.from(values), false));
    expect(decodeLE(float32ToBase64LE(vector))).toEqual(Array.from(vector));
  });
});
