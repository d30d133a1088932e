// Measures the store side by side: turns/s written on SQLite and on Postgres, and the p50 time a
// persisted sendMessage adds over a stateless invoke of the same text. Not a test: numbers only.
// Run: node --conditions=@quarry/source --import tsx scripts/bench-conversations.ts
import { connectQuarryClient, createSilentLogger } from '@quarry/core';
import { startEmulator } from '@quarry/emulator';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { createConversationRepository } from '../src/conversations/conversation-repository.js';
import { startServer } from '../src/server.js';
import type { DatabaseLocation } from '../src/store/database-location.js';
import { openStore } from '../src/store/open-store.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const ADMIN_URL = process.env['QUARRY_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SENDS = Number(process.env['BENCH_SENDS'] ?? 400);
const ROWS = Number(process.env['BENCH_ROWS'] ?? 2_000);

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
  return body.data ?? {};
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function withDatabase<T>(
  kind: 'sqlite' | 'postgres',
  run: (location: DatabaseLocation) => Promise<T>,
): Promise<T> {
  if (kind === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'quarry-bench-'));
    try {
      return await run({ kind: 'sqlite', path: join(folder, 'bench.db') });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const name = `quarry_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    return await run({ kind: 'postgres', url: url.toString(), display: name });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function measure(kind: 'sqlite' | 'postgres') {
  return withDatabase(kind, async (location) => {
    const store = await openStore({ location, logger: createSilentLogger() });
    // 1. Raw turn writes through the repository: 16 writers, each appending to its own conversation.
    const repository = createConversationRepository(store);
    const conversations = await Promise.all(
      Array.from({ length: 16 }, () =>
        repository.create({
          owner: 'bench',
          modelId: MODEL,
          system: null,
          title: null,
          maxTokens: null,
          temperature: null,
          tools: null,
          toolChoice: null,
        }),
      ),
    );
    let started = performance.now();
    await Promise.all(
      conversations.map(async (conversation) => {
        for (let index = 0; index < ROWS / 16; index++)
          await repository.appendUserTurn(conversation.id, `turn ${index}`, null);
      }),
    );
    const rawTurnsPerSecond = ROWS / ((performance.now() - started) / 1000);

    // 2. End to end through the gateway: 16 clients sending to their own conversations.
    const emulator = await startEmulator({ port: 0, latency: 'zero' });
    const client = connectQuarryClient({
      region: 'us-east-1',
      endpoint: emulator.url,
      credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    });
    const server = await startServer({
      host: '127.0.0.1',
      port: 0,
      client,
      catalog: client.catalog,
      store,
      logger: createSilentLogger(),
      limits: loadConfig({}).limits,
      adminKey: undefined,
      production: true,
      upstream: 'emulator (bench)',
      modelCacheTtlMs: 60_000,
      shutdownGraceMs: 1_000,
      readyTimeoutMs: 2_000,
    });
    const CREATE = `mutation { createConversation(input: { modelId: "${MODEL}" }) { id } }`;
    const SEND = `mutation ($id: ID!, $content: String!) { sendMessage(conversationId: $id, content: $content) { id } }`;
    const INVOKE = `mutation ($content: String!) { invoke(input: { modelId: "${MODEL}", messages: [{ role: USER, content: $content }] }) { text } }`;
    const ids = await Promise.all(
      Array.from(
        { length: 16 },
        async () => ((await post(server.url, CREATE, {}))['createConversation'] as { id: string }).id,
      ),
    );
    // Warm up both paths.
    for (let index = 0; index < 30; index++) {
      await post(server.url, INVOKE, { content: `warm ${index}` });
      await post(server.url, SEND, { id: ids[0], content: `warm ${index}` });
    }
    started = performance.now();
    await Promise.all(
      ids.map(async (id) => {
        for (let index = 0; index < SENDS / 16; index++)
          await post(server.url, SEND, { id, content: `turn ${index}` });
      }),
    );
    const gatewayTurnsPerSecond = (2 * SENDS) / ((performance.now() - started) / 1000);

    // 3. Latency, one call at a time, alternating: invoke vs sendMessage of the same text on a
    // fresh conversation (so the model gets the same single user turn).
    const invokeMs: number[] = [];
    const sendMs: number[] = [];
    for (let index = 0; index < 200; index++) {
      const content = `Tell me about rivers ${index}`;
      const { createConversation } = (await post(server.url, CREATE, {})) as {
        createConversation: { id: string };
      };
      let at = performance.now();
      await post(server.url, INVOKE, { content });
      invokeMs.push(performance.now() - at);
      at = performance.now();
      await post(server.url, SEND, { id: createConversation.id, content });
      sendMs.push(performance.now() - at);
    }
    await server.stop();
    client.close();
    await emulator.close();
    await store.close();
    return {
      database: kind,
      rawTurnsPerSecond: Math.round(rawTurnsPerSecond),
      gatewayTurnsPerSecond: Math.round(gatewayTurnsPerSecond),
      invokeP50Ms: +percentile(invokeMs, 50).toFixed(2),
      sendMessageP50Ms: +percentile(sendMs, 50).toFixed(2),
      addedP50Ms: +(percentile(sendMs, 50) - percentile(invokeMs, 50)).toFixed(2),
    };
  });
}

const results = [];
for (const kind of ['sqlite', 'postgres'] as const) results.push(await measure(kind));
console.table(results);
console.log(JSON.stringify(results));
