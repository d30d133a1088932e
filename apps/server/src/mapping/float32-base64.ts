import { endianness } from 'node:os';

/**
 * Base64 of `vector` as little-endian float32, the wire format SPEC fixes for `Embedding.base64`.
 * A Float32Array holds floats in the host's byte order: on little-endian hosts (x64, arm64) its
 * own bytes are encoded without a copy, the cheap path for big batches; big-endian hosts (s390x,
 * AIX) get a byte-swapped copy through a DataView. `hostIsLittleEndian` is for tests.
 */
export function float32ToBase64LE(vector: Float32Array, hostIsLittleEndian = endianness() === 'LE'): string {
  if (hostIsLittleEndian) {
    return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
  }
  const bytes = Buffer.allocUnsafe(vector.byteLength);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let index = 0; index < vector.length; index++) {
    view.setFloat32(index * 4, vector[index] ?? 0, true);
  }
  return bytes.toString('base64');
}
