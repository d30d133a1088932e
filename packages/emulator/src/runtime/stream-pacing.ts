import type { CatalogModel } from '@quarry/core/catalog';

import type { Latency } from '../latency.js';
import { createStreamSleep } from './stream-sleep.js';

/**
 * Waits before one stream event; resolves false when the client went away meanwhile. `opening`
 * marks a content-free start event (Anthropic `message_start`, Converse `messageStart`, …).
 */
export type StreamPacer = (opening: boolean, outputTokens: number) => Promise<boolean>;

/**
 * Paces one stream like a model: opening events go out at once, because the SDK's `send()` only
 * resolves once the first frame has arrived (bedrock-protocol.md §3.6 point 1, §9.4 point 6), so a
 * held start frame would look like a slow `send()`. The time to first token is spent before the
 * first event with content; every later event waits for its tokens at the model's speed.
 */
export function createStreamPacer(latency: Latency, model: CatalogModel, signal: AbortSignal): StreamPacer {
  if (latency.zero) return () => Promise.resolve(true);
  const profile = latency.profileFor(model);
  const sleep = createStreamSleep(signal);
  let contentStarted = false;
  return (opening, outputTokens) => {
    if (opening && !contentStarted) return Promise.resolve(true);
    const ms = contentStarted ? (outputTokens * 1000) / profile.tokensPerSecond : profile.firstTokenMs;
    contentStarted = true;
    return sleep(ms);
  };
}
