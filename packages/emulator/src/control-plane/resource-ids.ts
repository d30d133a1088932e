import { createHash } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Issues resource IDs (12 lower-case letters and digits, like Bedrock's). */
export interface ResourceIds {
  next(kind: string): string;
}

/**
 * Deterministic per instance: the n-th ID of a kind is the same in every run, so tests and recorded
 * fixtures can rely on it, while IDs of one instance never repeat.
 */
export function createResourceIds(seed = 'quarry'): ResourceIds {
  let sequence = 0;
  return {
    next(kind) {
      sequence++;
      const digest = createHash('sha256').update(`${seed}:${kind}:${sequence}`).digest();
      let id = '';
      for (const byte of digest.subarray(0, 12)) id += ALPHABET.charAt(byte % ALPHABET.length);
      return id;
    },
  };
}
