import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { BENCH_ADMIN_KEY } from './processes.js';

const STREAM_QUERY = `subscription ($input: InvokeInput!) {
  invokeStream(input: $input) { __typename ... on TextDelta { text } ... on StreamEnd { stopReason } }
}`;

/** One stream's timeline: when each content event arrived, in ms after the stream was asked for. */
export interface StreamTimeline {
  readonly firstTokenMs: number;
  readonly eventOffsetsMs: readonly number[];
}

/** A graphql-ws socket to the gateway, authenticated, connected before it resolves. */
export async function openSocket(url: string): Promise<Client> {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${BENCH_ADMIN_KEY}` },
  });
  await new Promise<void>((resolve, reject) => {
    const offConnected = client.on('connected', () => {
      offConnected();
      resolve();
    });
    client.on('error', reject);
  });
  return client;
}

/** Runs one invokeStream subscription to its end and returns its timeline. */
export function streamOverGateway(client: Client, input: Record<string, unknown>): Promise<StreamTimeline> {
  const started = performance.now();
  const offsets: number[] = [];
  return new Promise((resolve, reject) => {
    client.subscribe<{ invokeStream: { __typename: string } }>(
      { query: STREAM_QUERY, variables: { input } },
      {
        next: (result) => {
          if (result.errors !== undefined) {
            reject(new Error(result.errors[0]?.message ?? 'stream error'));
            return;
          }
          if (result.data?.invokeStream.__typename === 'TextDelta') offsets.push(performance.now() - started);
        },
        error: (error: unknown) => {
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => {
          resolve({ firstTokenMs: offsets[0] ?? Number.NaN, eventOffsetsMs: offsets });
        },
      },
    );
  });
}
