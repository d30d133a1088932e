/**
 * A feature-hashed embedding: words, word bigrams and character trigrams are hashed into
 * `dimensions` signed buckets. Identical texts give identical vectors; texts sharing words or word
 * pieces point in similar directions, so cosine similarity orders "similar" above "unrelated" the
 * way tests (and retrieval demos) expect. One extra feature hashes the exact text, so any two
 * different texts differ.
 */
export function synthesizeEmbedding(text: string, dimensions: number, normalize: boolean): number[] {
  const vector = new Float64Array(dimensions);
  const add = (feature: string, weight: number): void => {
    const hash = fnv1a(feature);
    // The low bits pick the bucket, an independent mix of the hash picks the sign.
    const sign = (mix(hash) & 1) === 0 ? 1 : -1;
    vector[hash % dimensions] = (vector[hash % dimensions] ?? 0) + sign * weight;
  };
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    add(`w:${word}`, 1);
    if (index > 0) add(`b:${words[index - 1] ?? ''} ${word}`, 0.5);
    const padded = `#${word}#`;
    for (let start = 0; start + 3 <= padded.length; start++) add(`t:${padded.slice(start, start + 3)}`, 0.35);
  }
  for (let copy = 0; copy < 4; copy++) add(`x${copy}:${text}`, 0.15);

  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  const scale = normalize && norm > 0 ? 1 / norm : 1;
  // Seven decimals keep JSON small; a unit vector stays unit length to within ~1e-6.
  return Array.from(vector, (value) => Math.round(value * scale * 1e7) / 1e7);
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    const x = a[index] ?? 0;
    const y = b[index] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mix(hash: number): number {
  let value = hash ^ (hash >>> 16);
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  return value >>> 0;
}
