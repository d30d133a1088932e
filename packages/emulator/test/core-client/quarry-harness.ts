import {
  connectQuarryClient,
  type BedrockClients,
  type BedrockTransport,
  type QuarryClient,
  type QuarryConnectionOptions,
} from '@quarry/core';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/index.js';
import { CREDENTIALS } from '../support/clients.js';

export interface Harness {
  readonly emulator: Emulator;
  readonly bedrock: BedrockClients;
  readonly quarry: QuarryClient;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly emulator?: EmulatorOptions;
  readonly transport?: BedrockTransport;
  /** @default 'us-east-1' */
  readonly region?: string;
  readonly maxSockets?: number;
  readonly maxStreamSockets?: number;
  readonly client?: Partial<QuarryConnectionOptions>;
}

/** The in-process emulator plus a Quarry client built exactly as an application would build one. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, latency: 'zero', ...options.emulator });
  const quarry = connectQuarryClient({
    region: options.region ?? 'us-east-1',
    endpoint: emulator.url,
    credentials: CREDENTIALS,
    transport: options.transport ?? 'http1',
    maxSockets: options.maxSockets,
    maxStreamSockets: options.maxStreamSockets,
    // Short real waits keep fault tests fast while still exercising the backoff path.
    retry: { baseDelayMs: 5, throttleBaseDelayMs: 10, maxDelayMs: 2_000 },
    streamIdleTimeoutMs: 2_000,
    ...options.client,
  });
  return {
    emulator,
    bedrock: quarry.bedrock,
    quarry,
    async close() {
      quarry.close();
      await emulator.close();
    },
  };
}

/** Both runtime paths, so the real-SDK suites hold for the direct path and the SDK reference alike. */
export const RUNTIME_PATHS = ['direct', 'sdk'] as const;

let faultKeys = 0;
/** An `x-quarry-fault` header whose counter no other test shares. */
export function fault(spec: string): { headers: Record<string, string> } {
  faultKeys += 1;
  return { headers: { 'x-quarry-fault': `${spec};key=t${faultKeys}-${Date.now()}` } };
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
