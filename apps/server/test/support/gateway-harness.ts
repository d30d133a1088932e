import {
  connectQuarryClient,
  type ModelCatalog,
  type QuarryClient,
  type QuarryConnectionOptions,
} from '@quarry/core';
import { startEmulator, type Emulator, type EmulatorOptions } from '@quarry/emulator';
import { createClient, type Client, type ClientOptions } from 'graphql-ws';
import WebSocket from 'ws';
import { loadConfig, type RequestLimits } from '../../src/config.js';
import { createBatchService } from '../../src/batch/batch-service.js';
import { lazyS3 } from '../../src/batch/lazy-s3.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server.js';
import type { Store } from '../../src/store/store.js';
import { createTestDatabase, type TestDatabase } from './test-databases.js';

/** The gateway's real defaults, so tests run against what users get. */
export const DEFAULT_LIMITS: RequestLimits = loadConfig({}).limits;

export interface GatewayHarness {
  readonly emulator: Emulator;
  readonly server: RunningServer;
  readonly store: Store;
  /** The catalog the gateway uses (for computing expected prices and limits). */
  readonly catalog: ModelCatalog;
  /** `http://127.0.0.1:PORT/graphql` */
  readonly url: string;
  readonly wsUrl: string;
  /** POSTs a GraphQL operation and returns the parsed JSON body and status. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody<T> }>;
  /**
   * A real graphql-ws client over a real socket (closed by close()). Lazy by default: the socket
   * closes when its last operation ends; `{ lazy: false }` keeps one socket open throughout.
   */
  ws(connectionParams?: Record<string, unknown>, options?: Partial<ClientOptions>): Client;
  close(): Promise<void>;
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface GatewayHarnessOptions {
  readonly emulator?: EmulatorOptions;
  readonly server?: Partial<ServerOptions>;
  readonly client?: Partial<QuarryConnectionOptions>;
  /** Replaces client methods, e.g. to observe the signal a resolver passes or to fail on purpose. */
  readonly wrapClient?: (client: QuarryClient) => QuarryClient;
  /** A store the test owns (e.g. to restart a gateway on the same rows); default: a fresh SQLite file, dropped by close(). */
  readonly store?: Store;
}

/** Emulator → real SDK clients → Quarry client → the real gateway on an ephemeral port. */
export async function startGateway(options: GatewayHarnessOptions = {}): Promise<GatewayHarness> {
  const emulator = await startEmulator({ port: 0, latency: 'zero', ...options.emulator });
  const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
  const client = connectQuarryClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    retry: { baseDelayMs: 1, throttleBaseDelayMs: 2, maxDelayMs: 200 },
    streamIdleTimeoutMs: 2_000,
    ...options.client,
  });
  let database: TestDatabase | undefined;
  let store = options.store;
  if (store === undefined) {
    database = await createTestDatabase('sqlite');
    store = await database.open();
  }
  const gatewayClient = options.wrapClient?.(client) ?? client;
  const s3 = lazyS3({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    forcePathStyle: true,
  });
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    client: gatewayClient,
    batch: createBatchService({
      client: gatewayClient,
      s3,
      settings: {
        s3Uri: 's3://quarry-batch/jobs/',
        roleArn: 'arn:aws:iam::123456789012:role/QuarryBatch',
        createBucket: true,
      },
    }),
    jobPolling: { minIntervalMs: 20, maxIntervalMs: 200 },
    catalog: client.catalog,
    store,
    logger: silent,
    limits: DEFAULT_LIMITS,
    adminKey: undefined,
    production: false,
    upstream: 'emulator (test)',
    modelCacheTtlMs: 60_000,
    shutdownGraceMs: 2_000,
    readyTimeoutMs: 2_000,
    allowOpen: true,
    processMetrics: false,
    ...options.server,
  });
  const clients: Client[] = [];
  return {
    emulator,
    server,
    store,
    catalog: client.catalog,
    url: server.url,
    wsUrl: server.url.replace('http://', 'ws://'),
    async gql(query, variables, headers) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody<never> };
    },
    ws(connectionParams, wsOptions) {
      const client = createClient({
        url: server.url.replace('http://', 'ws://'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: true,
        ...(connectionParams !== undefined && { connectionParams }),
        ...wsOptions,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(
        clients.map(async (client) => {
          await client.dispose();
        }),
      );
      await server.stop();
      client.close();
      s3.destroy();
      await emulator.close();
      await database?.drop();
    },
  };
}

/** Collects every `next` payload of a subscription until it completes or errors. */
export async function subscribeAll<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ results: T[]; errors: unknown }> {
  const results: T[] = [];
  try {
    for await (const result of client.iterate<T>({ query, variables })) {
      if (result.errors !== undefined) return { results, errors: result.errors };
      if (result.data != null) results.push(result.data);
    }
    return { results, errors: undefined };
  } catch (errors) {
    return { results, errors };
  }
}
