// Differential test of the two runtime paths (QuarryClientDeps.runtimePath): the same call through
// the direct path and through the SDK's commands must put the same bytes on the wire (headers in
// order, signature included), decode to the same result and fail with the same errors.
import {
  connectQuarryClient,
  QuarryError,
  type ChatRequest,
  type ConnectedQuarryClient,
  type RuntimePath,
} from '@quarry/core';
import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-bedrock-runtime';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEmulator, type Emulator } from '../../src/index.js';
import { CREDENTIALS } from '../support/clients.js';

const CLAUDE = 'anthropic.claude-3-haiku-20240307-v1:0';
const LLAMA = 'meta.llama3-8b-instruct-v1:0';
const INVOCATION_ID = '00000000-0000-4000-8000-000000000000';

interface WireRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly rawHeaders: readonly string[];
  readonly body: string;
}

/** Records every request byte for byte, then forwards it to the emulator unchanged. */
function startRecordingProxy(
  upstream: string,
): Promise<{ server: Server; url: string; seen: WireRequest[] }> {
  const seen: WireRequest[] = [];
  const target = new URL(upstream);
  const server = createServer((incoming: IncomingMessage, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({
        method: incoming.method,
        url: incoming.url,
        rawHeaders: incoming.rawHeaders,
        body: body.toString('utf8'),
      });
      const forwarded = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      forwarded.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}`, seen });
    });
  });
}

let emulator: Emulator;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
const clients = {} as Record<RuntimePath, ConnectedQuarryClient>;

function connect(runtimePath: RuntimePath): ConnectedQuarryClient {
  const client = connectQuarryClient({
    region: 'us-east-1',
    endpoint: proxy.url,
    credentials: CREDENTIALS,
    runtimePath,
    invocationId: () => INVOCATION_ID,
    retry: { maxAttempts: 1 },
    budget: false,
  });
  // The SDK draws its invocation id at random; pin it after its retry step, before signing.
  const pinInvocationId: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> =
    (next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['amz-sdk-invocation-id'] = INVOCATION_ID;
      return next(args);
    };
  for (const sdk of [client.bedrock.runtime, client.bedrock.streamingRuntime]) {
    sdk.middlewareStack.addRelativeTo(pinInvocationId, {
      relation: 'before',
      toMiddleware: 'httpSigningMiddleware',
      name: 'pinInvocationId',
    });
  }
  return client;
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, latency: 'zero' });
  proxy = await startRecordingProxy(emulator.url);
  clients.direct = connect('direct');
  clients.sdk = connect('sdk');
});
afterAll(async () => {
  clients.direct.close();
  clients.sdk.close();
  proxy.server.close();
  await emulator.close();
});
let frozenNow = 0;
beforeEach(() => {
  // Both paths sign with the same x-amz-date (a current clock, so there is no skew to correct).
  frozenNow = Math.floor(Date.now() / 1000) * 1000;
  vi.useFakeTimers({ toFake: ['Date'], now: frozenNow });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs `call` on each path and returns both outcomes plus the request each put on the wire. */
async function onBothPaths<T>(
  call: (client: ConnectedQuarryClient) => Promise<T>,
): Promise<Record<RuntimePath, { outcome: T | QuarryError; wire: WireRequest[] }>> {
  const outcomes = {} as Record<RuntimePath, { outcome: T | QuarryError; wire: WireRequest[] }>;
  for (const path of ['direct', 'sdk'] as const) {
    vi.setSystemTime(frozenNow);
    // Both SDK signers sample the clock from every answer's `date`; start each call unskewed.
    for (const client of Object.values(clients)) {
      for (const sdk of [client.bedrock.runtime, client.bedrock.streamingRuntime]) {
        (sdk.config as { systemClockOffset?: number }).systemClockOffset = 0;
      }
    }
    const before = proxy.seen.length;
    const outcome = await call(clients[path]).catch((error: unknown) => {
      if (error instanceof QuarryError) return error;
      throw error;
    });
    outcomes[path] = { outcome, wire: proxy.seen.slice(before) };
  }
  return outcomes;
}

/** What differs per call by nature: the emulator's request id and the latencies measured. */
const PER_CALL = new Set(['requestId', 'latencyMs', 'firstByteLatencyMs', 'invocationLatencyMs']);

function comparable(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, field: unknown) => (PER_CALL.has(key) ? undefined : field)),
  ) as unknown;
}

function errorFacts(error: QuarryError): unknown {
  const cause = error.cause as Record<string, unknown> & { $metadata?: Record<string, unknown> };
  return {
    code: error.code,
    message: error.message,
    retryable: error.retryable,
    retryAfterMs: (error as { retryAfterMs?: number }).retryAfterMs,
    exception: error.exception,
    requestIdKnown: error.requestId !== undefined,
    cause: {
      class: cause.constructor.name,
      name: cause['name'],
      message: cause['message'],
      fault: cause['$fault'],
      originalStatusCode: cause['originalStatusCode'],
      status: cause.$metadata?.['httpStatusCode'],
      attempts: cause.$metadata?.['attempts'],
    },
  };
}

async function drain<T>(events: AsyncIterable<T>): Promise<T[]> {
  const seen: T[] = [];
  for await (const event of events) seen.push(event);
  return seen;
}

const hello: ChatRequest = {
  system: 'Be terse.',
  messages: [{ role: 'user', content: 'Tell me about rivers (and deltas)!' }],
  maxTokens: 40,
  temperature: 0.5,
  stopSequences: ['###'],
};
const short: ChatRequest = { messages: [{ role: 'user', content: 'Hi there' }], maxTokens: 30 };
const withTools: ChatRequest = {
  messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
  maxTokens: 60,
  tools: [
    {
      name: 'get_weather',
      description: 'Current weather for a city',
      inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  ],
  toolChoice: { type: 'auto' },
};
const fault = (spec: string) => ({ headers: { 'x-quarry-fault': spec } });

describe('runtime paths: direct vs SDK', () => {
  const successes: [string, (client: ConnectedQuarryClient) => Promise<unknown>][] = [
    ['invoke', (client) => client.invoke(CLAUDE, hello)],
    ['invoke with tools', (client) => client.invoke(CLAUDE, withTools)],
    [
      'invoke through a profile ID with a per-call header',
      (client) => client.invoke(`us.${CLAUDE}`, hello, { headers: { 'x-trace': 'abc' } }),
    ],
    ['invokeRaw', (client) => client.invokeRaw(LLAMA, { prompt: 'Hi', max_gen_len: 20 })],
    ['embed', (client) => client.embed('amazon.titan-embed-text-v2:0', { texts: ['a', 'b'] })],
    ['converse', (client) => client.converse(CLAUDE, hello)],
    ['converse with tools', (client) => client.converse(CLAUDE, withTools)],
    ['stream', (client) => drain(client.stream(CLAUDE, hello))],
    ['stream (llama)', (client) => drain(client.stream(LLAMA, short))],
    ['converseStream', (client) => drain(client.converseStream(CLAUDE, withTools))],
  ];
  it.each(successes)('%s: same request bytes, same signature, same result', async (_name, call) => {
    const both = await onBothPaths(call);
    expect(both.direct.wire.length).toBeGreaterThan(0);
    expect(both.direct.wire).toEqual(both.sdk.wire);
    expect(both.direct.wire[0]?.rawHeaders.join('\n')).toMatch(/authorization\nAWS4-HMAC-SHA256 Credential=/);
    expect(both.direct.outcome).not.toBeInstanceOf(QuarryError);
    expect(comparable(both.direct.outcome)).toEqual(comparable(both.sdk.outcome));
  });

  const failures: [string, (client: ConnectedQuarryClient) => Promise<unknown>][] = [
    [
      'throttled invoke (Retry-After)',
      (client) => client.invoke(CLAUDE, hello, fault('throttle;retry-after-ms=700')),
    ],
    ['model error', (client) => client.invoke(CLAUDE, hello, fault('model-error'))],
    ['internal error', (client) => client.converse(CLAUDE, hello, fault('internal'))],
    ['Bedrock validation of a native body', (client) => client.invokeRaw(CLAUDE, { nope: true })],
    ['unknown model ID', (client) => client.invokeRaw('acme.unknown-model-v1:0', { prompt: 'x' })],
    ['stream throttled before opening', (client) => drain(client.stream(CLAUDE, hello, fault('throttle')))],
    [
      'in-stream exception after two chunks',
      (client) => drain(client.stream(CLAUDE, hello, fault('stream-error;after=2'))),
    ],
    [
      'in-stream throttling on the first frame',
      (client) =>
        drain(client.stream(LLAMA, short, fault('stream-error;after=0;exception=throttlingException'))),
    ],
    [
      'in-stream exception ConverseStream does not model',
      (client) =>
        drain(
          client.converseStream(CLAUDE, hello, fault('stream-error;after=1;exception=modelTimeoutException')),
        ),
    ],
    [
      'ConverseStream in-stream error',
      (client) => drain(client.converseStream(CLAUDE, hello, fault('stream-error;after=3'))),
    ],
  ];
  it.each(failures)('%s: same request bytes, same error', async (_name, call) => {
    const both = await onBothPaths(call);
    expect(both.direct.wire.length).toBe(1);
    expect(both.direct.wire).toEqual(both.sdk.wire);
    expect(both.direct.outcome).toBeInstanceOf(QuarryError);
    expect(both.sdk.outcome).toBeInstanceOf(QuarryError);
    expect(errorFacts(both.direct.outcome as QuarryError)).toEqual(
      errorFacts(both.sdk.outcome as QuarryError),
    );
  });

  it('reports the path each client takes', () => {
    expect(clients.direct.runtimePath).toBe('direct');
    expect(clients.sdk.runtimePath).toBe('sdk');
  });
});
