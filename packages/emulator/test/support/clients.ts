import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** Dummy static credentials: the emulator accepts any signature. */
export const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

export type Transport = 'http2' | 'http1';

export interface RuntimeClientOptions {
  readonly region?: string;
  /** @default 1, so tests see every fault instead of the SDK's retries */
  readonly maxAttempts?: number;
  /** `http2` is the SDK default (h2c prior knowledge); `http1` uses NodeHttpHandler. */
  readonly transport?: Transport;
}

/** A real BedrockRuntimeClient pointed at the emulator. */
export function runtimeClient(url: string, options: RuntimeClientOptions = {}): BedrockRuntimeClient {
  return new BedrockRuntimeClient({
    endpoint: url,
    region: options.region ?? 'us-east-1',
    credentials: CREDENTIALS,
    maxAttempts: options.maxAttempts ?? 1,
    ...(options.transport === 'http1' && { requestHandler: new NodeHttpHandler() }),
  });
}

/** A real BedrockClient (control plane, HTTP/1.1 keep-alive by default). */
export function controlClient(url: string, region = 'us-east-1'): BedrockClient {
  return new BedrockClient({ endpoint: url, region, credentials: CREDENTIALS, maxAttempts: 1 });
}

/** A real BedrockAgentRuntimeClient (HTTP/2, its default), one attempt per call. */
export function agentRuntimeClient(url: string, region = 'us-east-1'): BedrockAgentRuntimeClient {
  return new BedrockAgentRuntimeClient({ endpoint: url, region, credentials: CREDENTIALS, maxAttempts: 1 });
}
