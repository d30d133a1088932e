import {
  InternalServerException as ControlInternalServerException,
  ListFoundationModelsCommand,
  ServiceUnavailableException as ControlServiceUnavailableException,
  ThrottlingException as ControlThrottlingException,
} from '@aws-sdk/client-bedrock';
import {
  BadGatewayException,
  DependencyFailedException,
  InternalServerException as AgentInternalServerException,
  InvokeAgentCommand,
  ModelNotReadyException as AgentModelNotReadyException,
  RetrieveAndGenerateStreamCommand,
  RetrieveCommand,
  ThrottlingException as AgentThrottlingException,
} from '@aws-sdk/client-bedrock-agent-runtime';
import {
  ConverseCommand,
  ConverseStreamCommand,
  InternalServerException,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  ModelErrorException,
  ModelNotReadyException,
  ModelStreamErrorException,
  ModelTimeoutException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
  type BedrockRuntimeClient,
} from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEmulator, type Emulator, type FaultRule } from '../src/index.js';
import { agentRuntimeClient, controlClient, runtimeClient, type Transport } from './support/clients.js';
import { body, captureHeaders, decodeBody, extraHeaders, type LooseJson } from './support/sdk-helpers.js';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const NOVA = 'amazon.nova-micro-v1:0';
const CLAUDE_BODY = body({
  anthropic_version: 'bedrock-2023-05-31',
  max_tokens: 200,
  messages: [{ role: 'user', content: 'Hello' }],
});

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({
    latency: 'zero',
    faults: [{ modelId: 'amazon.nova-lite-v1:0', fault: { kind: 'throttle', count: 1, retryAfterMs: 0 } }],
  });
});
afterAll(async () => {
  await emulator.close();
});

const invoke = (client: BedrockRuntimeClient, modelId = HAIKU): Promise<unknown> =>
  client.send(new InvokeModelCommand({ modelId, body: CLAUDE_BODY })).catch((error: unknown) => error);
const converse = (client: BedrockRuntimeClient, modelId = NOVA): Promise<unknown> =>
  client
    .send(new ConverseCommand({ modelId, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }))
    .catch((error: unknown) => error);
const streamClaude = (client: BedrockRuntimeClient, signal?: AbortSignal) =>
  client.send(
    new InvokeModelWithResponseStreamCommand({ modelId: HAIKU, body: CLAUDE_BODY }),
    signal === undefined ? {} : { abortSignal: signal },
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Streams a Claude reply to its end: the error thrown on the way (by send() or the iterator), if any. */
const streamOutcome = async (client: BedrockRuntimeClient): Promise<unknown> => {
  try {
    const output = await streamClaude(client);
    for await (const event of output.body ?? []) expect(event).toBeDefined();
    return undefined;
  } catch (error) {
    return error;
  }
};
/** Reads a stream to its end or its failure: the chunks that arrived, and the error if one ended it. */
const countChunks = async (
  output: Awaited<ReturnType<typeof streamClaude>>,
): Promise<{ chunks: number; error: unknown }> => {
  let chunks = 0;
  try {
    for await (const event of output.body ?? []) if (event.chunk !== undefined) chunks++;
    return { chunks, error: undefined };
  } catch (error) {
    return { chunks, error };
  }
};
/** Adds a per-model rule for the duration of `run`, so later tests see the shared emulator unchanged. */
const withRule = async (rule: FaultRule, run: () => Promise<void>): Promise<void> => {
  const id = emulator.faults.add(rule);
  try {
    await run();
  } finally {
    emulator.faults.remove(id);
  }
};

describe('x-quarry-fault', () => {
  it('throttles the next N calls with back-off headers, then succeeds', async () => {
    const client = runtimeClient(emulator.url);
    const headers = captureHeaders(client);
    extraHeaders(client)['x-quarry-fault'] = 'throttle;count=2;retry-after-ms=1500;key=first';
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await invoke(client);
      expect(error).toBeInstanceOf(ThrottlingException);
      expect((error as ThrottlingException).$metadata.httpStatusCode).toBe(429);
      expect((error as Error).message).toBe('Too many requests, please wait before trying again.');
    }
    expect(headers()).toMatchObject({ 'x-amz-retry-after': '1500', 'retry-after': '2' });
    expect(await invoke(client)).toMatchObject({ contentType: 'application/json' });
    client.destroy();
  });

  it('lets the SDK retry loop recover when the fault is scoped to one call', async () => {
    const client = runtimeClient(emulator.url, { maxAttempts: 3 });
    extraHeaders(client)['x-quarry-fault'] = 'internal;count=2;scope=call';
    for (let call = 0; call < 2; call++) {
      const output = (await invoke(client)) as { $metadata: { attempts: number } };
      expect(output.$metadata.attempts).toBe(3);
    }
    client.destroy();
  });

  const httpFaults: [string, new (...args: never[]) => Error, number][] = [
    ['model-not-ready', ModelNotReadyException, 429],
    ['timeout', ModelTimeoutException, 408],
    ['internal', InternalServerException, 500],
    ['unavailable', ServiceUnavailableException, 503],
    ['model-error', ModelErrorException, 424],
  ];
  for (const [kind, type, status] of httpFaults) {
    it(`answers ${kind} as ${type.name} (${status})`, async () => {
      const client = runtimeClient(emulator.url);
      extraHeaders(client)['x-quarry-fault'] = kind;
      const error = await converse(client);
      expect(error).toBeInstanceOf(type);
      expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(status);
      if (kind === 'model-error') expect(error).toMatchObject({ originalStatusCode: 500 });
      client.destroy();
    });
  }

  it('waits delay-ms before answering', async () => {
    const client = runtimeClient(emulator.url);
    extraHeaders(client)['x-quarry-fault'] = 'timeout;delay-ms=150';
    const started = performance.now();
    expect(await converse(client)).toBeInstanceOf(ModelTimeoutException);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    client.destroy();
  });

  it('refuses a malformed fault header', async () => {
    const client = runtimeClient(emulator.url);
    extraHeaders(client)['x-quarry-fault'] = 'explode;count=2';
    const error = await converse(client);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toContain('unknown fault kind "explode"');
    client.destroy();
  });

  it('does not spend a stream fault on calls that cannot stream', async () => {
    const client = runtimeClient(emulator.url);
    extraHeaders(client)['x-quarry-fault'] = 'stream-error;count=1;key=unreached';
    // Neither answer is an event stream, so neither uses up the count.
    expect(await invoke(client)).toMatchObject({ contentType: 'application/json' });
    expect(await converse(client)).toMatchObject({ stopReason: 'end_turn' });
    expect(await streamOutcome(client)).toBeInstanceOf(ModelStreamErrorException);
    expect(await streamOutcome(client)).toBeUndefined();
    client.destroy();
  });

  it('applies to control-plane operations too', async () => {
    const control = controlClient(emulator.url);
    extraHeaders(control)['x-quarry-fault'] = 'throttle;count=1;retry-after-ms=0;key=control';
    await expect(control.send(new ListFoundationModelsCommand({}))).rejects.toBeInstanceOf(
      ControlThrottlingException,
    );
    await expect(control.send(new ListFoundationModelsCommand({}))).resolves.toMatchObject({
      modelSummaries: expect.any(Array),
    });
    control.destroy();
  });
});

describe('stream faults', () => {
  for (const transport of ['http2', 'http1'] as const satisfies readonly Transport[]) {
    it(`throws the typed in-stream exception after K chunks (${transport})`, async () => {
      const client = runtimeClient(emulator.url, { transport });
      extraHeaders(client)['x-quarry-fault'] = 'stream-error;after=3';
      const output = await streamClaude(client);
      const received: unknown[] = [];
      const error = await (async () => {
        for await (const event of output.body ?? []) received.push(event);
      })().catch((caught: unknown) => caught);
      expect(received).toHaveLength(3);
      expect(error).toBeInstanceOf(ModelStreamErrorException);
      expect(error).toMatchObject({ originalStatusCode: 500 });
      client.destroy();
    });
  }

  it('throws throttlingException from a ConverseStream iterator', async () => {
    const client = runtimeClient(emulator.url);
    extraHeaders(client)['x-quarry-fault'] =
      'stream-error;after=2;exception=throttlingException;message=slow%20down';
    const output = await client.send(
      new ConverseStreamCommand({ modelId: NOVA, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }),
    );
    const received: unknown[] = [];
    const error = await (async () => {
      for await (const event of output.stream ?? []) received.push(event);
    })().catch((caught: unknown) => caught);
    // Exactly `after` events, the first being messageStart, then the exception.
    expect(received).toHaveLength(2);
    expect(received[0]).toEqual({ messageStart: { role: 'assistant' } });
    expect(error).toBeInstanceOf(ThrottlingException);
    expect((error as Error).message).toBe('slow down');
    client.destroy();
  });

  it('rejects send() when the exception is the first frame', async () => {
    const client = runtimeClient(emulator.url);
    extraHeaders(client)['x-quarry-fault'] = 'stream-error;after=0;exception=serviceUnavailableException';
    await expect(streamClaude(client)).rejects.toBeInstanceOf(ServiceUnavailableException);
    client.destroy();
  });

  it('stalls after K chunks, keeping the connection open until the caller gives up', async () => {
    const client = runtimeClient(emulator.url);
    extraHeaders(client)['x-quarry-fault'] = 'stall;after=2';
    const controller = new AbortController();
    const output = await streamClaude(client, controller.signal);
    const iterator = output.body![Symbol.asyncIterator]();
    expect((await iterator.next()).done).toBe(false);
    expect((await iterator.next()).done).toBe(false);
    const next = iterator.next();
    expect(await Promise.race([next.then(() => 'event'), sleep(300).then(() => 'silence')])).toBe('silence');
    controller.abort();
    // The SDK ends an aborted stream quietly (bedrock-protocol.md §3.6).
    await expect(next).resolves.toMatchObject({ done: true });
    client.destroy();
  });

  it('slows every frame down by delay-ms', async () => {
    const client = runtimeClient(emulator.url);
    extraHeaders(client)['x-quarry-fault'] = 'slow;delay-ms=20';
    const started = performance.now();
    const { chunks, error } = await countChunks(await streamClaude(client));
    expect(error).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(chunks * 20 - 5);
    client.destroy();
  });

  for (const transport of ['http2', 'http1'] as const satisfies readonly Transport[]) {
    it(`drops the connection before responding or after K chunks (${transport})`, async () => {
      const client = runtimeClient(emulator.url, { transport });
      const headers = extraHeaders(client);
      headers['x-quarry-fault'] = 'drop';
      const before = await invoke(client);
      expect(before).toBeInstanceOf(Error);
      expect(before).not.toHaveProperty('$metadata.httpStatusCode');

      headers['x-quarry-fault'] = 'drop;after=2';
      const { chunks, error } = await countChunks(await streamClaude(client));
      expect(chunks).toBe(2);
      expect(error).toBeInstanceOf(Error);

      delete headers['x-quarry-fault'];
      expect(await invoke(client)).toMatchObject({ contentType: 'application/json' });
      client.destroy();
    });
  }
});

type ErrorClass = new (...args: never[]) => Error;
const statusOf = (error: unknown): number | undefined =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

describe('faults per service', () => {
  // The runtime's own mapping is covered above; the other services have no model exceptions.
  const controlPlaneFaults: [string, ErrorClass, number][] = [
    ['throttle;retry-after-ms=0', ControlThrottlingException, 429],
    ['model-not-ready', ControlServiceUnavailableException, 503],
    ['timeout', ControlServiceUnavailableException, 503],
    ['internal', ControlInternalServerException, 500],
    ['unavailable', ControlServiceUnavailableException, 503],
    ['model-error', ControlInternalServerException, 500],
  ];
  for (const [fault, type, status] of controlPlaneFaults) {
    it(`answers ${fault} on the control plane as ${type.name} (${status})`, async () => {
      const control = controlClient(emulator.url);
      extraHeaders(control)['x-quarry-fault'] = fault;
      const error = await control
        .send(new ListFoundationModelsCommand({}))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(type);
      expect((error as Error).name).toBe(type.name);
      expect(statusOf(error)).toBe(status);
      control.destroy();
    });
  }

  const agentRuntimeFaults: [string, ErrorClass, number][] = [
    ['throttle;retry-after-ms=0', AgentThrottlingException, 429],
    ['model-not-ready', AgentModelNotReadyException, 424],
    ['timeout', DependencyFailedException, 424],
    ['internal', AgentInternalServerException, 500],
    ['unavailable', BadGatewayException, 502],
    ['model-error', DependencyFailedException, 424],
  ];
  for (const [fault, type, status] of agentRuntimeFaults) {
    it(`answers ${fault} on the agent runtime as ${type.name} (${status})`, async () => {
      const agent = agentRuntimeClient(emulator.url);
      extraHeaders(agent)['x-quarry-fault'] = fault;
      const error = await agent
        .send(new RetrieveCommand({ knowledgeBaseId: 'KB12345678', retrievalQuery: { text: 'lighthouse' } }))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(type);
      expect((error as Error).name).toBe(type.name);
      expect(statusOf(error)).toBe(status);
      agent.destroy();
    });
  }

  it('ends an InvokeAgent stream with dependencyFailedException after exactly `after` events', async () => {
    const agent = agentRuntimeClient(emulator.url);
    extraHeaders(agent)['x-quarry-fault'] = 'stream-error;after=2';
    const output = await agent.send(
      new InvokeAgentCommand({
        agentId: 'AGENT12345',
        agentAliasId: 'TSTALIASID',
        sessionId: 'faults',
        inputText: 'Where is the lighthouse?',
        enableTrace: true,
      }),
    );
    const received: unknown[] = [];
    const error = await (async () => {
      for await (const event of output.completion ?? []) received.push(event);
    })().catch((caught: unknown) => caught);
    expect(received).toHaveLength(2);
    expect(received[0]).toHaveProperty('trace');
    expect(error).toBeInstanceOf(DependencyFailedException);
    agent.destroy();
  });

  it('sends the agent-runtime exception named by the fault, typed, on RetrieveAndGenerateStream', async () => {
    const agent = agentRuntimeClient(emulator.url);
    const headers = extraHeaders(agent);
    const input = {
      input: { text: 'Where is the lighthouse?' },
      retrieveAndGenerateConfiguration: {
        type: 'KNOWLEDGE_BASE' as const,
        knowledgeBaseConfiguration: {
          knowledgeBaseId: 'KB12345678',
          modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${HAIKU}`,
        },
      },
    };
    for (const [fault, type] of [
      ['stream-error;after=1', DependencyFailedException],
      ['stream-error;after=1;exception=badGatewayException', BadGatewayException],
    ] as const) {
      headers['x-quarry-fault'] = fault;
      const output = await agent.send(new RetrieveAndGenerateStreamCommand(input));
      const received: unknown[] = [];
      const error = await (async () => {
        for await (const event of output.stream ?? []) received.push(event);
      })().catch((caught: unknown) => caught);
      expect(received, fault).toHaveLength(1);
      expect(error, fault).toBeInstanceOf(type);
    }
    agent.destroy();
  });
});

describe('per-model fault rules', () => {
  it('applies a config rule to its model only, for its count', async () => {
    const client = runtimeClient(emulator.url);
    expect(await converse(client, 'amazon.nova-lite-v1:0')).toBeInstanceOf(ThrottlingException);
    expect(await converse(client, 'amazon.nova-lite-v1:0')).toMatchObject({ stopReason: 'end_turn' });
    client.destroy();
  });

  it('adds, lists and removes rules through emulator.faults', async () => {
    const client = runtimeClient(emulator.url);
    const id = emulator.faults.add({ modelId: HAIKU, fault: 'unavailable;count=1' });
    expect(await converse(client, NOVA)).toMatchObject({ stopReason: 'end_turn' });
    expect(await invoke(client, `us.${HAIKU}`)).toBeInstanceOf(ServiceUnavailableException);
    expect(emulator.faults.list().find((rule) => rule.id === id)).toMatchObject({ remaining: 0, hits: 1 });
    expect(await invoke(client)).toMatchObject({ contentType: 'application/json' });
    expect(emulator.faults.remove(id)).toBe(true);
    client.destroy();
  });

  it('does not spend a stream rule on calls it cannot reach', async () => {
    const client = runtimeClient(emulator.url);
    await withRule({ modelId: HAIKU, fault: 'stream-error;count=1' }, async () => {
      expect(await invoke(client)).toMatchObject({ contentType: 'application/json' });
      expect(await converse(client, HAIKU)).toMatchObject({ stopReason: 'end_turn' });
      expect(emulator.faults.list().find((rule) => rule.modelId === HAIKU)).toMatchObject({
        remaining: 1,
        hits: 0,
      });
      expect(await streamOutcome(client)).toBeInstanceOf(ModelStreamErrorException);
      expect(await streamOutcome(client)).toBeUndefined();
    });
    client.destroy();
  });

  it('ends a ConverseStream with an in-stream exception after K events (stream-error rule)', async () => {
    const client = runtimeClient(emulator.url);
    await withRule(
      {
        modelId: NOVA,
        fault: { kind: 'stream-error', after: 2, count: 1, exception: 'throttlingException' },
      },
      async () => {
        const output = await client.send(
          new ConverseStreamCommand({
            modelId: NOVA,
            messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
          }),
        );
        const received: unknown[] = [];
        const error = await (async () => {
          for await (const event of output.stream ?? []) received.push(event);
        })().catch((caught: unknown) => caught);
        expect(received).toHaveLength(2);
        expect(error).toBeInstanceOf(ThrottlingException);
      },
    );
    client.destroy();
  });

  it('stalls a stream after K chunks (stall rule)', async () => {
    const client = runtimeClient(emulator.url);
    await withRule({ modelId: HAIKU, fault: 'stall;after=1;count=1' }, async () => {
      const controller = new AbortController();
      const output = await streamClaude(client, controller.signal);
      const iterator = output.body![Symbol.asyncIterator]();
      expect((await iterator.next()).done).toBe(false);
      const next = iterator.next();
      expect(await Promise.race([next.then(() => 'event'), sleep(300).then(() => 'silence')])).toBe(
        'silence',
      );
      controller.abort();
      await expect(next).resolves.toMatchObject({ done: true });
    });
    expect(await streamOutcome(client)).toBeUndefined();
    client.destroy();
  });

  it('slows every frame of a stream down (slow rule)', async () => {
    const client = runtimeClient(emulator.url);
    await withRule({ modelId: HAIKU, fault: 'slow;delay-ms=20;count=1' }, async () => {
      const started = performance.now();
      const { chunks, error } = await countChunks(await streamClaude(client));
      expect(error).toBeUndefined();
      expect(chunks).toBeGreaterThan(3);
      expect(performance.now() - started).toBeGreaterThanOrEqual(chunks * 20 - 5);
    });
    client.destroy();
  });

  it('drops the connection after K chunks (drop rule)', async () => {
    const client = runtimeClient(emulator.url);
    await withRule({ modelId: HAIKU, fault: 'drop;after=2;count=1' }, async () => {
      const { chunks, error } = await countChunks(await streamClaude(client));
      expect(chunks).toBe(2);
      expect(error).toBeInstanceOf(Error);
      expect(await streamOutcome(client)).toBeUndefined();
    });
    client.destroy();
  });

  it('is driven over HTTP by the admin endpoints', async () => {
    const client = runtimeClient(emulator.url);
    const added = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ modelId: NOVA, fault: 'timeout' }),
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ id: expect.stringMatching(/^fault-/) });
    expect(await converse(client)).toBeInstanceOf(ModelTimeoutException);
    const listed = (await (await fetch(`${emulator.url}/_emulator/faults`)).json()) as { rules: unknown[] };
    expect(listed.rules).toHaveLength(2);
    expect((await fetch(`${emulator.url}/_emulator/faults`, { method: 'DELETE' })).status).toBe(200);
    expect(await converse(client)).toMatchObject({ stopReason: 'end_turn' });
    const bad = await fetch(`${emulator.url}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ fault: 'stall;after=x' }),
    });
    expect(bad.status).toBe(400);

    const stats = (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as LooseJson;
    expect(stats['requests']).toBeGreaterThan(10);
    expect(stats['byOperation']['Converse']).toBeGreaterThan(0);
    expect(stats['byStatus']['408']).toBeGreaterThan(0);
    expect(stats['faultsInjected']).toBeGreaterThan(0);
    expect(stats['byModel'][NOVA]['outputTokens']).toBeGreaterThan(0);
    expect(emulator.stats.snapshot().requests).toBe(stats['requests']);
    client.destroy();
  });
});

describe('realistic latency', () => {
  it('waits time-to-first-token plus tokens per second', async () => {
    const slow = await startEmulator({ latency: { firstTokenMs: 100, tokensPerSecond: 1000 } });
    const client = runtimeClient(slow.url);
    try {
      const started = performance.now();
      const output = decodeBody(((await invoke(client)) as { body: Uint8Array }).body) as {
        usage: { output_tokens: number };
      };
      expect(performance.now() - started).toBeGreaterThanOrEqual(100 + output.usage.output_tokens - 5);
    } finally {
      client.destroy();
      await slow.close();
    }
  });
});
