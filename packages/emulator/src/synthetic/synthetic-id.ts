import { createSeededRandom } from './seeded-random.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A deterministic base62 identifier for a seed, e.g. the tail of `msg_bdrk_01…` or `tooluse_…`.
 * Real Bedrock IDs are random; here they are a function of the request like everything else.
 */
export function syntheticId(seed: string, length: number): string {
  const random = createSeededRandom(`id:${seed}`);
  let id = '';
  for (let index = 0; index < length; index++) id += BASE62.charAt(Math.floor(random.next() * BASE62.length));
  return id;
}
