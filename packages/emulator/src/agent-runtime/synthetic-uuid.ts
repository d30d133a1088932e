import { createHash } from 'node:crypto';

/** A UUID-shaped ID that is a function of `seed` (session and trace IDs), where Bedrock's are random. */
export function syntheticUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
