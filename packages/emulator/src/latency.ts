import { setTimeout as delay } from 'node:timers/promises';

import { FAMILY_KIND, type CatalogModel } from '@quarry/core/catalog';

/** How fast a synthetic model answers. */
export interface LatencyProfile {
  /** Time to first token (for image models: time per generated batch; embeddings: whole call). */
  readonly firstTokenMs: number;
  /** Output speed after the first token. */
  readonly tokensPerSecond: number;
}

/**
 * `zero` answers at once and never arms a timer (tests, benchmarks); `realistic` uses a per-model
 * table; a profile applies the same timing to every model.
 */
export type LatencyOption = 'zero' | 'realistic' | LatencyProfile;

export interface Latency {
  /** True in zero mode: callers skip waiting altogether instead of sleeping 0 ms. */
  readonly zero: boolean;
  profileFor(model: CatalogModel): LatencyProfile;
  /** Milliseconds a non-streaming call of `outputTokens` tokens takes. */
  totalMs(model: CatalogModel, outputTokens: number): number;
}

// Ballpark figures from public Bedrock latency benchmarks (late 2025), first match wins. They make
// streams look and feel real; nothing should assert on them.
const MODEL_PROFILES: readonly (readonly [RegExp, LatencyProfile])[] = [
  [/opus/, { firstTokenMs: 1400, tokensPerSecond: 30 }],
  [/sonnet|claude-v2|claude-3-5-sonnet/, { firstTokenMs: 800, tokensPerSecond: 65 }],
  [/haiku|claude-instant/, { firstTokenMs: 450, tokensPerSecond: 110 }],
  [/nova-micro/, { firstTokenMs: 250, tokensPerSecond: 190 }],
  [/nova-lite|nova-2-lite/, { firstTokenMs: 300, tokensPerSecond: 150 }],
  [/nova-pro/, { firstTokenMs: 450, tokensPerSecond: 90 }],
  [/nova-premier/, { firstTokenMs: 900, tokensPerSecond: 60 }],
  [/titan-text-lite/, { firstTokenMs: 300, tokensPerSecond: 90 }],
  [/titan-text/, { firstTokenMs: 450, tokensPerSecond: 60 }],
  [
    /405b|90b|mistral-large|pixtral-large|jamba-1-5-large|command-r-plus/,
    { firstTokenMs: 800, tokensPerSecond: 35 },
  ],
  [/70b|8x7b|maverick|13b|command-r/, { firstTokenMs: 450, tokensPerSecond: 70 }],
  [/embed/, { firstTokenMs: 60, tokensPerSecond: Number.POSITIVE_INFINITY }],
  [
    /stable-image-ultra|sd3-large|sd3-5-large/,
    { firstTokenMs: 9000, tokensPerSecond: Number.POSITIVE_INFINITY },
  ],
];
const CHAT_DEFAULT: LatencyProfile = { firstTokenMs: 300, tokensPerSecond: 120 };
const EMBED_DEFAULT: LatencyProfile = { firstTokenMs: 60, tokensPerSecond: Number.POSITIVE_INFINITY };
const IMAGE_DEFAULT: LatencyProfile = { firstTokenMs: 4500, tokensPerSecond: Number.POSITIVE_INFINITY };
const ZERO: LatencyProfile = { firstTokenMs: 0, tokensPerSecond: Number.POSITIVE_INFINITY };

/** Builds the timing model of one emulator instance. Throws RangeError for a negative or NaN profile. */
export function createLatency(option: LatencyOption): Latency {
  if (option === 'zero') return { zero: true, profileFor: () => ZERO, totalMs: () => 0 };
  if (option !== 'realistic') checkProfile(option);
  const cache = new Map<string, LatencyProfile>();
  const profileFor = (model: CatalogModel): LatencyProfile => {
    if (option !== 'realistic') return option;
    let profile = cache.get(model.modelId);
    if (profile === undefined) {
      profile = tableProfile(model);
      cache.set(model.modelId, profile);
    }
    return profile;
  };
  return {
    zero: false,
    profileFor,
    totalMs: (model, outputTokens) => {
      const profile = profileFor(model);
      return profile.firstTokenMs + (outputTokens * 1000) / profile.tokensPerSecond;
    },
  };
}

function tableProfile(model: CatalogModel): LatencyProfile {
  for (const [pattern, profile] of MODEL_PROFILES) if (pattern.test(model.modelId)) return profile;
  const kind = FAMILY_KIND[model.family];
  return kind === 'chat' ? CHAT_DEFAULT : kind === 'embed' ? EMBED_DEFAULT : IMAGE_DEFAULT;
}

function checkProfile(profile: LatencyProfile): void {
  if (!(profile.firstTokenMs >= 0) || !(profile.tokensPerSecond > 0)) {
    throw new RangeError(
      `latency needs firstTokenMs >= 0 and tokensPerSecond > 0, got ${JSON.stringify(profile)}`,
    );
  }
}

/** Waits `ms`, or less if `signal` aborts first; never rejects. Callers check `signal.aborted`. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return;
  try {
    await delay(ms, undefined, { signal });
  } catch {
    // Aborted: the caller sees signal.aborted.
  }
}
