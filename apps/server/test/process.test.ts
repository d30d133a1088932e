import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import {
  cleanUpChildren,
  logLines,
  spawnGateway,
  STARTUP_MS,
  temporaryDatabaseUrl,
  temporaryFolder,
  waitForLog,
} from './support/child-processes.js';

afterEach(cleanUpChildren);

describe('gateway process', () => {
  it(
    'ends open streams and exits 0 within the grace period on SIGTERM',
    async () => {
      const graceMs = 2_000;
      const gateway = spawnGateway({
        PORT: '0',
        AWS_REGION: 'eu-west-1',
        // Realistic timing keeps the stream open (Titan Lite: ~90 tokens/s for 500 tokens).
        QUARRY_EMULATOR_LATENCY: 'realistic',
        QUARRY_SHUTDOWN_GRACE_MS: String(graceMs),
      });
      const upstream = await waitForLog(gateway, 'gateway.upstream');
      expect(upstream['region']).toBe('eu-west-1');
      expect(upstream['msg']).toContain('eu-west-1');
      const listening = await waitForLog(gateway, 'gateway.listening');
      const url = String(listening['url']);

      const client = createClient({
        url: url.replace('http://', 'ws://'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      let firstEvent: () => void = () => undefined;
      const streaming = new Promise<void>((resolve) => (firstEvent = resolve));
      const ended = new Promise<string>((resolve) => {
        client.subscribe(
          {
            query: `subscription { invokeStream(input: { modelId: "amazon.titan-text-lite-v1", prompt: "a long story", maxTokens: 500 }) { __typename } }`,
          },
          {
            next: () => firstEvent(),
            error: () => resolve('error'),
            complete: () => resolve('complete'),
          },
        );
      });
      await streaming;

      const signalledAt = Date.now();
      gateway.child.kill('SIGTERM');
      // Either ending is fine; what matters is that the client is not left hanging.
      expect(['error', 'complete']).toContain(await ended);
      expect(await gateway.exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(graceMs);
      expect(logLines(gateway.stdout()).some((entry) => entry['event'] === 'gateway.stopped')).toBe(true);
      await client.dispose();
    },
    STARTUP_MS + 10_000,
  );

  it(
    'exits 2 naming the variable when the environment is invalid',
    async () => {
      const gateway = spawnGateway({ PORT: 'abc' });
      expect(await gateway.exited).toBe(2);
      expect(gateway.stderr()).toContain('Quarry cannot start');
      expect(gateway.stderr()).toContain('PORT');
    },
    STARTUP_MS,
  );

  it(
    'exits 1 saying which credentials to set when a real upstream has none, before listening',
    async () => {
      const home = temporaryFolder('quarry-home-');
      const gateway = spawnGateway({
        PORT: '0',
        QUARRY_UPSTREAM: 'http://127.0.0.1:1',
        QUARRY_UPSTREAM_CREDENTIALS: 'default',
        QUARRY_ADMIN_KEY: 'a-long-enough-admin-key',
        // An empty home and no instance metadata: the SDK's whole credential chain comes up empty.
        HOME: home,
        AWS_EC2_METADATA_DISABLED: 'true',
      });
      expect(await gateway.exited).toBe(1);
      const failed = logLines(gateway.stdout()).find(
        (entry) => entry['event'] === 'gateway.credentials-missing',
      );
      expect(failed?.['msg']).toContain('No AWS credentials found for us-east-1');
      expect(failed?.['msg']).toContain('AWS_ACCESS_KEY_ID');
      expect(logLines(gateway.stdout()).some((entry) => entry['event'] === 'gateway.listening')).toBe(false);
    },
    STARTUP_MS,
  );

  it(
    'exits 1 with one line saying the port is taken, and no stack, when PORT is in use',
    async () => {
      const blocker = createServer();
      blocker.listen(0, '127.0.0.1');
      await once(blocker, 'listening');
      const port = (blocker.address() as AddressInfo).port;
      try {
        const gateway = spawnGateway({ PORT: String(port), QUARRY_EMULATOR_LATENCY: 'zero' });
        expect(await gateway.exited).toBe(1);
        const failed = logLines(gateway.stdout()).filter(
          (entry) => entry['event'] === 'gateway.start-failed',
        );
        expect(failed).toHaveLength(1);
        expect(failed[0]?.['msg']).toContain(`port ${port} is taken: set PORT`);
        expect(failed[0]?.['err']).toBeUndefined();
        // graphql-ws used to print the listen error again as a multi-line stack on stderr.
        expect(gateway.stderr()).not.toContain('EADDRINUSE');
      } finally {
        blocker.close();
      }
    },
    STARTUP_MS,
  );

  it(
    'names every configuration problem in one run',
    async () => {
      const gateway = spawnGateway({ PORT: 'abc', QUARRY_UPSTREAM: 'aws' });
      expect(await gateway.exited).toBe(2);
      expect(gateway.stderr()).toContain('PORT');
      expect(gateway.stderr()).toContain('AWS_REGION is required');
      expect(gateway.stderr()).toContain('QUARRY_ADMIN_KEY is required');
    },
    STARTUP_MS,
  );

  it(
    'exits 1 saying Postgres is unreachable, before listening, when the database cannot be reached',
    async () => {
      const gateway = spawnGateway({ PORT: '0', DATABASE_URL: 'postgres://postgres@127.0.0.1:1/quarry' });
      expect(await gateway.exited).toBe(1);
      const failed = logLines(gateway.stdout()).find((entry) => entry['event'] === 'store.start-failed');
      expect(failed?.['msg']).toContain('Cannot reach Postgres at 127.0.0.1:1/quarry');
      expect(logLines(gateway.stdout()).some((entry) => entry['event'] === 'gateway.listening')).toBe(false);
    },
    STARTUP_MS,
  );

  it(
    'loses no user turn and leaves the answer INTERRUPTED with its text so far after kill -9 mid-stream',
    async () => {
      const database = temporaryDatabaseUrl();
      const env = { PORT: '0', DATABASE_URL: database, QUARRY_EMULATOR_LATENCY: 'realistic' };
      const first = spawnGateway(env);
      const url = String((await waitForLog(first, 'gateway.listening'))['url']);
      const created = (await (
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: `mutation { createConversation(input: { modelId: "amazon.titan-text-lite-v1", maxTokens: 500 }) { id } }`,
          }),
        })
      ).json()) as { data: { createConversation: { id: string } } };
      const id = created.data.createConversation.id;

      const client = createClient({
        url: url.replace('http://', 'ws://'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
      });
      let received = '';
      await new Promise<void>((resolve, reject) => {
        client.subscribe<{ sendMessageStream: { text?: string } }>(
          {
            query: `subscription ($id: ID!) { sendMessageStream(conversationId: $id, content: "Once upon a time") { ... on TextDelta { text } } }`,
            variables: { id },
          },
          {
            next: (result) => {
              received += result.data?.sendMessageStream.text ?? '';
              if (received.length > 20) resolve();
            },
            error: () => resolve(),
            complete: () => reject(new Error('the stream ended before the kill')),
          },
        );
      });
      // Killed once some of the answer is on disk (the gateway saves every 200 ms), as the gateway
      // itself reports it; the emulator's ~110-token answer at Titan Lite's ~90 tokens/s is still streaming.
      for (let saved = ''; saved.length === 0;) {
        const seen = (await (
          await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: `query ($id: ID!) { conversation(id: $id) { messages { role content } } }`,
              variables: { id },
            }),
          })
        ).json()) as { data: { conversation: { messages: { role: string; content: string }[] } } };
        saved =
          seen.data.conversation.messages.find((message) => message.role === 'ASSISTANT')?.content ?? '';
        if (saved.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.child.kill('SIGKILL');
      await first.exited;
      await client.dispose();

      const second = spawnGateway(env);
      const url2 = String((await waitForLog(second, 'gateway.listening'))['url']);
      const read = (await (
        await fetch(url2, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: `query ($id: ID!) { conversation(id: $id) { messages { role content status } } }`,
            variables: { id },
          }),
        })
      ).json()) as {
        data: { conversation: { messages: { role: string; content: string; status: string }[] } };
      };
      const [user, answer, ...rest] = read.data.conversation.messages;
      expect(rest).toEqual([]);
      expect(user).toEqual({ role: 'USER', content: 'Once upon a time', status: 'COMPLETE' });
      expect(answer?.status).toBe('INTERRUPTED');
      expect(answer?.content.length).toBeGreaterThan(0);
      // The text so far: what the client got, give or take the delta in flight at the kill.
      const saved = answer?.content ?? '-';
      expect(received.startsWith(saved) || saved.startsWith(received)).toBe(true);
      expect(logLines(second.stdout()).some((entry) => entry['event'] === 'conversations.recovered')).toBe(
        true,
      );
      second.child.kill('SIGTERM');
      await second.exited;
    },
    STARTUP_MS * 2 + 10_000,
  );
});
