import { connectQuarryClient } from '@quarry/core';
import { startEmulator, type Emulator } from '@quarry/emulator';
import { createClient } from 'graphql-ws';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { createTestDatabase, type TestDatabase } from './support/test-databases.js';
import { createBatchService } from '../src/batch/batch-service.js';
import { lazyS3 } from '../src/batch/lazy-s3.js';
import { startServer, type RunningServer } from '../src/server.js';
import {
  DEFAULT_LIMITS,
  startGateway,
  subscribeAll,
  type GatewayHarness,
} from './support/gateway-harness.js';

const MODEL = 'amazon.titan-text-lite-v1';
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

const JOB_FIELDS =
  'id arn name modelId status recordCount processedCount succeededCount failedCount submittedAt endedAt';

interface JobView {
  id: string;
  status: string;
  recordCount: number | null;
  processedCount: number | null;
  succeededCount: number | null;
  failedCount: number | null;
  endedAt: string | null;
}

interface RecordView {
  recordId: string;
  text: string | null;
  usage: { inputTokens: number; outputTokens: number } | null;
  cost: { totalUsd: number } | null;
  error: string | null;
}

/**
 * 100 prompts; the one at `badIndex` is longer than Titan Text Lite's 4K-token context window by
 * the model's count (a token per word) though not by the gateway's rough 4-characters-a-token
 * estimate, so only the model can refuse it: it fails alone inside the job.
 */
function records(badIndex: number): { modelId: string; prompt: string; maxTokens: number }[] {
  return Array.from({ length: 100 }, (_, index) => ({
    modelId: MODEL,
    prompt: index === badIndex ? 'a '.repeat(5_000) : `Tell me fact number ${index} about rivers.`,
    maxTokens: 64,
  }));
}

const CREATE = `mutation ($input: CreateBatchJobInput!) { createBatchJob(input: $input) { ${JOB_FIELDS} } }`;
const PROGRESS = `subscription ($id: ID!) { batchJobProgress(id: $id) { ${JOB_FIELDS} } }`;
const RESULTS = `query ($id: ID!, $first: Int, $after: String) {
  batchJob(id: $id) { status results(first: $first, after: $after) { recordId text usage { inputTokens outputTokens } cost { totalUsd } error } }
}`;

describe('batch jobs through the gateway', { timeout: 60_000 }, () => {
  let gateway: GatewayHarness | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('submits 100 inline records, follows progress to Completed and reads 100 decoded results, the bad record failing alone', async () => {
    gateway = await startGateway();
    const created = await gateway.gql<{ createBatchJob: JobView }>(CREATE, {
      input: { modelId: MODEL, records: records(42), name: 'rivers' },
    });
    expect(created.body.errors?.map((error) => error.message)).toBeUndefined();
    const job = created.body.data?.createBatchJob;
    expect(job?.id).toMatch(/^arn:aws:bedrock:us-east-1:\d{12}:model-invocation-job\/[a-z0-9]{12}$/);

    const { results, errors } = await subscribeAll<{ batchJobProgress: JobView }>(gateway.ws(), PROGRESS, {
      id: job?.id,
    });
    expect(errors).toBeUndefined();
    expect(results.at(-1)?.batchJobProgress).toMatchObject({
      status: 'Completed',
      recordCount: 100,
      processedCount: 100,
      succeededCount: 99,
      failedCount: 1,
    });

    const read: RecordView[] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page++) {
      const response = await gateway.gql<{ batchJob: { results: RecordView[] } }>(RESULTS, {
        id: job?.id,
        first: 40,
        after,
      });
      expect(response.body.errors).toBeUndefined();
      const batch = response.body.data?.batchJob.results ?? [];
      read.push(...batch);
      after = batch.at(-1)?.recordId;
    }
    expect(read).toHaveLength(100);
    expect(read.map((record) => record.recordId)).toEqual(
      Array.from({ length: 100 }, (_, index) => `RECORD${String(index + 1).padStart(7, '0')}`),
    );
    const failed = read.filter((record) => record.error !== null);
    expect(failed.map((record) => record.recordId)).toEqual(['RECORD0000043']);
    expect(failed[0]?.error).toContain('Input is too long for requested model.');
    for (const record of read.filter((item) => item.error === null)) {
      expect(record.text?.length).toBeGreaterThan(0);
      expect(record.usage?.outputTokens).toBeGreaterThan(0);
    }

    // The batch price is half what invoke charges for the same record.
    const invoked = await gateway.gql<{ invoke: { text: string; cost: { totalUsd: number } } }>(
      `mutation ($input: InvokeInput!) { invoke(input: $input) { text cost { totalUsd } } }`,
      { input: records(42)[0] },
    );
    expect(read[0]?.text).toBe(invoked.body.data?.invoke.text);
    expect(read[0]?.cost?.totalUsd).toBeCloseTo((invoked.body.data?.invoke.cost.totalUsd ?? 0) / 2, 12);

    const listed = await gateway.gql<{ batchJobs: { id: string }[] }>('{ batchJobs { id } }');
    expect(listed.body.data?.batchJobs.map((entry) => entry.id)).toContain(job?.id);
  });

  it('refuses bad input before anything is uploaded, with the field named', async () => {
    gateway = await startGateway();
    const tooFew = await gateway.gql(CREATE, { input: { modelId: MODEL, records: records(-1).slice(0, 5) } });
    expect(tooFew.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.records',
    });
    expect(tooFew.body.errors?.[0]?.message).toContain('100 to 50000 records');

    const overLimit = records(-1);
    overLimit[7] = { ...overLimit[7], modelId: MODEL, prompt: 'x', maxTokens: 1_000_000 };
    const tooLong = await gateway.gql(CREATE, { input: { modelId: MODEL, records: overLimit } });
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.records[7].maxTokens',
    });

    const neither = await gateway.gql(CREATE, { input: { modelId: MODEL } });
    expect(neither.body.errors?.[0]?.message).toContain('either inline records or an inputS3Uri');
    const missing = await gateway.gql<{ batchJob: null }>(RESULTS, {
      id: 'arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/nosuchjob000',
    });
    expect(missing.body.data?.batchJob).toBeNull();
  });

  it('keeps following a job across a gateway restart, and stops a job', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const emulator = await startEmulator({
      port: 0,
      latency: 'zero',
      now: () => clock,
      jobDurationMs: 60_000,
    });
    cleanups.push(() => emulator.close());
    // Both gateway processes share one SQLite database, as a restarted gateway would.
    const database = await createTestDatabase('sqlite');
    cleanups.push(() => database.drop());
    const first = await startGatewayOn(emulator, database, cleanups);
    const created = await gql<{ createBatchJob: JobView }>(first.url, CREATE, {
      input: { modelId: MODEL, records: records(3) },
    });
    const id = created.data?.createBatchJob.id;
    expect(created.data?.createBatchJob.status).toBe('Submitted');

    const ws = wsClient(first.url, cleanups);
    const seen: string[] = [];
    const following = (async () => {
      for await (const result of ws.iterate<{ batchJobProgress: JobView }>({
        query: PROGRESS,
        variables: { id },
      })) {
        if (result.data != null) seen.push(result.data.batchJobProgress.status);
      }
    })().catch((error: unknown) => error);
    await waitFor(() => seen.includes('Submitted'));
    await first.stop();
    const cut = await following;
    expect(JSON.stringify(cut)).toContain('shutting down');

    clock += 30_000;
    const second = await startGatewayOn(emulator, database, cleanups);
    const statuses: JobView[] = [];
    const resumed = (async () => {
      for await (const result of wsClient(second.url, cleanups).iterate<{ batchJobProgress: JobView }>({
        query: PROGRESS,
        variables: { id },
      })) {
        if (result.data != null) statuses.push(result.data.batchJobProgress);
      }
    })();
    await waitFor(() => statuses.some((job) => job.status === 'InProgress'));
    clock += 30_000;
    await resumed;
    expect(statuses.at(-1)).toMatchObject({ status: 'Completed', processedCount: 100, failedCount: 1 });

    const another = await gql<{ createBatchJob: JobView }>(second.url, CREATE, {
      input: { modelId: MODEL, records: records(-1) },
    });
    clock += 40_000;
    const stopped = await gql<{ stopBatchJob: JobView }>(
      second.url,
      `mutation ($id: ID!) { stopBatchJob(id: $id) { ${JOB_FIELDS} } }`,
      {
        id: another.data?.createBatchJob.id,
      },
    );
    expect(stopped.data?.stopBatchJob.status).toBe('Stopped');
    const partial = await gql<{ batchJob: { results: RecordView[] } }>(second.url, RESULTS, {
      id: another.data?.createBatchJob.id,
      first: 1000,
    });
    expect(partial.data?.batchJob.results.length).toBe(stopped.data?.stopBatchJob.processedCount);
    expect(partial.data?.batchJob.results.length).toBeLessThan(100);
  });
});

async function startGatewayOn(
  emulator: Emulator,
  database: TestDatabase,
  cleanups: (() => Promise<void>)[],
): Promise<RunningServer> {
  const store = await database.open();
  const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
  const client = connectQuarryClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: CREDENTIALS,
  });
  const s3 = lazyS3({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: CREDENTIALS,
    forcePathStyle: true,
  });
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    allowOpen: true,
    client,
    catalog: client.catalog,
    store,
    logger: silent,
    limits: DEFAULT_LIMITS,
    adminKey: undefined,
    production: false,
    upstream: 'emulator (test)',
    modelCacheTtlMs: 60_000,
    shutdownGraceMs: 500,
    readyTimeoutMs: 2_000,
    batch: createBatchService({
      client,
      s3,
      settings: {
        s3Uri: 's3://quarry-batch/jobs/',
        roleArn: 'arn:aws:iam::123456789012:role/QuarryBatch',
        createBucket: true,
      },
    }),
    jobPolling: { minIntervalMs: 20, maxIntervalMs: 100 },
  });
  cleanups.push(async () => {
    await server.stop();
    client.close();
    s3.destroy();
    await store.close();
  });
  return server;
}

function wsClient(url: string, cleanups: (() => Promise<void>)[]) {
  const client = createClient({
    url: url.replace('http://', 'ws://'),
    webSocketImpl: WebSocket,
    retryAttempts: 0,
  });
  cleanups.unshift(() => client.dispose() as Promise<void>);
  return client;
}

async function gql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data?: T; errors?: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: unknown };
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
