import type { QuarryClient } from '@quarry/core';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_LIMITS, startGateway } from './support/gateway-harness.js';

interface Line {
  readonly level: string;
  readonly fields: Record<string, unknown>;
  readonly message: string;
}

/** A Logger that keeps its lines and lets a test wait for one event to be logged. */
function recordingLogger() {
  const lines: Line[] = [];
  const waiting = new Map<string, () => void>();
  const at =
    (level: string) =>
    (fields: Record<string, unknown>, message: string): void => {
      lines.push({ level, fields, message });
      waiting.get(String(fields['event']))?.();
    };
  const logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: () => logger,
  };
  const logged = (event: string): Promise<void> =>
    lines.some((line) => line.fields['event'] === event)
      ? Promise.resolve()
      : new Promise((resolve) => waiting.set(event, resolve));
  const events = (level: string): unknown[] =>
    lines.filter((line) => line.level === level).map((line) => line.fields['event']);
  return { logger, lines, logged, events };
}

afterEach(() => {
  vi.restoreAllMocks();
});

const SLOW_INVOKE = `mutation { invoke(input: { modelId: "amazon.titan-text-lite-v1", prompt: "slow", maxTokens: 5 }) { text } }`;

describe('what operators see in the logs', () => {
  it('a client that disconnects mid-invoke is one info line, not an internal error', async () => {
    const { logger, logged, events } = recordingLogger();
    let upstreamStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (upstreamStarted = resolve));
    let upstreamSettled: Promise<unknown> = Promise.resolve();
    const gateway = await startGateway({
      // Long enough that the answer never comes before the client hangs up.
      emulator: { latency: { firstTokenMs: 60_000, tokensPerSecond: 50 } },
      server: { logger },
      wrapClient: (client): QuarryClient => ({
        ...client,
        invoke: (...args) => {
          const call = client.invoke(...args);
          upstreamSettled = call.catch(() => undefined);
          upstreamStarted();
          return call;
        },
      }),
    });
    try {
      const controller = new AbortController();
      const call = fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: SLOW_INVOKE }),
        signal: controller.signal,
      });
      await started;
      controller.abort();
      await expect(call).rejects.toThrow();
      await logged('gateway.request.client-gone');
      await upstreamSettled;
      // stop() waits for the cancelled request to finish, so its error has been formatted by now.
      await gateway.server.stop();
      expect(events('error')).toEqual([]);
      expect(events('info').filter((event) => event === 'gateway.request.client-gone')).toHaveLength(1);
    } finally {
      await gateway.close();
    }
  });

  it('a stream the client cancels is one info line, and its upstream stream closes', async () => {
    const { logger, logged, events } = recordingLogger();
    const gateway = await startGateway({
      emulator: { latency: { firstTokenMs: 10, tokensPerSecond: 50 } },
      server: { logger },
    });
    try {
      const client = gateway.ws();
      await new Promise<void>((resolve, reject) => {
        const unsubscribe = client.subscribe(
          {
            query: `subscription { invokeStream(input: { modelId: "amazon.titan-text-lite-v1", prompt: "long", maxTokens: 500 }) { __typename } }`,
          },
          {
            next: () => {
              unsubscribe();
              resolve();
            },
            error: reject,
            complete: () => reject(new Error('the stream ended before it was cancelled')),
          },
        );
      });
      await logged('gateway.stream.cancelled');
      await gateway.server.stop();
      expect(events('error')).toEqual([]);
      expect(events('info').filter((event) => event === 'gateway.stream.cancelled')).toHaveLength(1);
      expect(gateway.emulator.stats.snapshot().activeStreams).toBe(0);
    } finally {
      await gateway.close();
    }
  });

  it('an oversized graphql-ws message is one warn line with its reason, and nothing on stderr', async () => {
    const { logger, lines, logged } = recordingLogger();
    const consoleError = vi.spyOn(console, 'error');
    const gateway = await startGateway({
      server: { logger, limits: { ...DEFAULT_LIMITS, wsMessageBytes: 1_024 } },
    });
    try {
      const socket = new WebSocket(gateway.wsUrl, 'graphql-transport-ws');
      await once(socket, 'open');
      socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(4_096) } }));
      const [code] = (await once(socket, 'close')) as [number];
      expect(code).toBe(1009);
      await logged('gateway.ws.socket-error');
      const line = lines.find((entry) => entry.fields['event'] === 'gateway.ws.socket-error');
      expect(line).toMatchObject({ level: 'warn', fields: { code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' } });
      expect(line?.message).toContain('Max payload size exceeded');
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      await gateway.close();
    }
  });

  it('a taken port rejects startServer with EADDRINUSE and prints no graphql-ws stack', async () => {
    const consoleError = vi.spyOn(console, 'error');
    const blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startGateway({ server: { port } })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      blocker.close();
    }
  });
});
