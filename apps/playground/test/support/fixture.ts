import type { LatencyOption } from '@quarry/emulator';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser';
import { startTestGateway, type TestGateway } from './gateway';

export interface Fixture {
  readonly gateway: TestGateway;
  readonly browser: TestBrowser;
}

/** One gateway process and one browser for a test file, both stopped after it (even when one failed to start). */
export function useGatewayAndBrowser(latency: LatencyOption): () => Fixture {
  let fixture: Fixture | undefined;
  const stops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    const [gateway, browser] = await Promise.allSettled([startTestGateway(latency), launchBrowser()]);
    if (gateway.status === 'fulfilled') stops.push(() => gateway.value.stop());
    if (browser.status === 'fulfilled') stops.push(() => browser.value.close());
    if (gateway.status === 'rejected') throw gateway.reason;
    if (browser.status === 'rejected') throw browser.reason;
    fixture = { gateway: gateway.value, browser: browser.value };
  });
  afterAll(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });
  return () => {
    if (fixture === undefined) throw new Error('the gateway or the browser did not start');
    return fixture;
  };
}
