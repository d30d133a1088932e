import { createSeededRandom } from './seeded-random.js';

const WORDS = [
  'the',
  'model',
  'answer',
  'bedrock',
  'request',
  'stream',
  'token',
  'region',
  'quarry',
  'gateway',
  'deterministic',
  'response',
  'latency',
  'throughput',
  'context',
  'window',
  'prompt',
  'system',
  'user',
  'assistant',
  'cloud',
  'service',
  'data',
  'value',
  'result',
  'example',
  'simple',
  'clear',
  'quick',
  'careful',
  'and',
  'of',
  'to',
  'in',
  'is',
  'for',
  'with',
  'as',
  'on',
  'that',
  'this',
  'it',
  'by',
  'from',
  'can',
  'will',
  'each',
  'every',
  'some',
  'many',
  'first',
  'next',
  'then',
  'later',
  'often',
  'always',
  'never',
  'rarely',
  'usually',
  'here',
  'river',
  'mountain',
  'lighthouse',
  'harbor',
  'forest',
  'garden',
  'library',
  'station',
  'bridge',
  'market',
  'builds',
  'reads',
  'writes',
  'sends',
  'returns',
  'streams',
  'counts',
  'checks',
  'keeps',
  'finds',
  'small',
  'large',
  'bright',
  'quiet',
  'steady',
  'useful',
  'plain',
  'honest',
  'modern',
  'local',
] as const;

/** The default length of a synthetic answer when nothing else bounds it: 24–120 tokens, fixed per seed. */
export function naturalLength(seed: string): number {
  return createSeededRandom(`length:${seed}`).int(24, 120);
}

/**
 * `count` tokens of plausible text, deterministic for a seed. Each token is one word with its
 * leading space (none for the first) and trailing punctuation, so joining the tokens gives the text
 * and the token count of the text is exactly `count`.
 */
export function synthesizeTokens(seed: string, count: number): string[] {
  const random = createSeededRandom(`text:${seed}`);
  const tokens: string[] = [];
  let sentenceLength = random.int(6, 14);
  let inSentence = 0;
  for (let index = 0; index < count; index++) {
    let word: string = random.pick(WORDS);
    if (inSentence === 0) word = word.charAt(0).toUpperCase() + word.slice(1);
    inSentence++;
    const last = index === count - 1;
    if (inSentence >= sentenceLength || last) {
      word += '.';
      inSentence = 0;
      sentenceLength = random.int(6, 14);
    }
    tokens.push(index === 0 ? word : ` ${word}`);
  }
  return tokens;
}

/** Convenience for callers that only want the text. */
export function synthesizeText(seed: string, count: number): string {
  return synthesizeTokens(seed, count).join('');
}

/**
 * Emulator token counting for prompts: one token per whitespace-separated word, and one per six
 * characters for long runs (base64, URLs) so a huge unbroken string is not "one token".
 */
export function countTokens(text: string): number {
  let tokens = 0;
  for (const word of text.split(/\s+/)) {
    if (word !== '') tokens += Math.max(1, Math.ceil(word.length / 12) * 2 - 1);
  }
  return tokens;
}
