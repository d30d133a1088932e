import type { QuarryError } from '@quarry/core';

/**
 * One embedding as resolvers see it. The vector stays a Float32Array until a client selects
 * `values` or `base64`, so a base64-only query never builds a boxed number array.
 */
export interface EmbeddingView {
  readonly index: number;
  readonly vector: Float32Array | undefined;
  readonly error: QuarryError | undefined;
}
