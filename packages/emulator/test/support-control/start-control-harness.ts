import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';

import { startEmulator } from '../../src/index.js';
import { createManualClock, type ManualClock } from './manual-clock.js';

export const ACCOUNT_ID = '123456789012';
export const JOB_DURATION_MS = 60_000;
export const PROVISIONING_DURATION_MS = 30_000;

const CREDENTIALS = { accessKeyId: 'x', secretAccessKey: 'x' };

export interface ControlHarnessOptions {
  readonly strictAccess?: boolean;
  /** @default JOB_DURATION_MS */
  readonly jobDurationMs?: number;
}

/** A zero-latency emulator whose clock the test moves, with real SDK clients pointed at it. */
export interface ControlHarness {
  readonly url: string;
  readonly clock: ManualClock;
  /** A control-plane client (HTTP/1.1, its default) signed for `region`. */
  bedrock(region?: string): BedrockClient;
  /** An S3 client (path-style) for the emulator's object store. */
  s3(region?: string): S3Client;
  /** A bedrock-agent (build-time) client: knowledge bases, data sources, ingestion jobs. */
  agent(region?: string): BedrockAgentClient;
  /** An agent-runtime client. */
  agentRuntime(region?: string): BedrockAgentRuntimeClient;
  /** Converse on `modelId`, to check what the runtime makes of control-plane resources. */
  converse(modelId: string, region?: string): Promise<ConverseCommandOutput>;
  close(): Promise<void>;
}

export async function startControlHarness(options: ControlHarnessOptions = {}): Promise<ControlHarness> {
  const clock = createManualClock();
  const internalErrors: unknown[] = [];
  const emulator = await startEmulator({
    latency: 'zero',
    strictAccess: options.strictAccess ?? false,
    jobDurationMs: options.jobDurationMs ?? JOB_DURATION_MS,
    provisioningDurationMs: PROVISIONING_DURATION_MS,
    now: clock.now,
    accountId: ACCOUNT_ID,
    onInternalError: (error) => internalErrors.push(error),
  });
  const clients: { destroy(): void }[] = [];
  const track = <Client extends { destroy(): void }>(client: Client): Client => {
    clients.push(client);
    return client;
  };
  // The runtime and agent-runtime clients default to HTTP/2; these tests are about the control plane
  // and agents, so they use HTTP/1.1 and leave the h2c transport to its own tests.
  const config = (region: string) => ({
    endpoint: emulator.url,
    region,
    credentials: CREDENTIALS,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler(),
  });
  return {
    url: emulator.url,
    clock,
    bedrock: (region = 'us-east-1') => track(new BedrockClient(config(region))),
    s3: (region = 'us-east-1') => track(new S3Client({ ...config(region), forcePathStyle: true })),
    agent: (region = 'us-east-1') => track(new BedrockAgentClient(config(region))),
    agentRuntime: (region = 'us-east-1') => track(new BedrockAgentRuntimeClient(config(region))),
    converse: (modelId, region = 'us-east-1') =>
      track(new BedrockRuntimeClient(config(region))).send(
        new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'Hello there' }] }] }),
      ),
    async close() {
      for (const client of clients) client.destroy();
      await emulator.close();
      // A handler bug is answered as a 500, which a test might not notice; fail loudly instead.
      if (internalErrors.length > 0)
        throw new AggregateError(internalErrors, 'the emulator hit internal errors');
    },
  };
}
