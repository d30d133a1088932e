import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { connectQuarryClient, type BedrockTransport, type ChatRequest } from '@quarry/core';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { readCounters } from '../emulator-admin.js';
import { round, throughput } from '../measure.js';
import { pinSelf, startEmulatorProcess, unpinSelf } from '../processes.js';
import type { ResultRow, SuiteResult } from './suite-result.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const CREDENTIALS = { accessKeyId: 'bench', secretAccessKey: 'bench' };
const REQUEST: ChatRequest = { messages: [{ role: 'user', content: 'Hello, emulator.' }], maxTokens: 32 };
const NATIVE_BODY = JSON.stringify({
  anthropic_version: 'bedrock-2023-05-31',
  max_tokens: 32,
  messages: [{ role: 'user', content: 'Hello, emulator.' }],
});

interface Contender {
  readonly name: string;
  readonly call: () => Promise<unknown>;
  readonly close: () => void;
}

/**
 * Calls/s and connections opened: the Quarry client (HTTP/1.1 keep-alive, and HTTP/2 shared
 * sessions) against the bare SDK with its default handler (a new HTTP/2 session per request),
 * all on one emulator process, interleaved in rounds so drift hits every contender alike.
 */
export async function clientVsSdk(durationMs: number, rounds: number): Promise<SuiteResult> {
  // The emulator gets core 0 and the clients core 1, so client cost is what differs.
  const emulator = await startEmulatorProcess(0);
  pinSelf('1');
  try {
    const sdkDefault = (): Contender => {
      const client = new BedrockRuntimeClient({
        endpoint: emulator.url,
        region: 'us-east-1',
        credentials: CREDENTIALS,
      });
      return {
        name: 'bare SDK, default handler',
        call: () =>
          client.send(
            new InvokeModelCommand({ modelId: MODEL, body: NATIVE_BODY, contentType: 'application/json' }),
          ),
        close: () => {
          client.destroy();
        },
      };
    };
    const sdkKeepAlive = (): Contender => {
      const client = new BedrockRuntimeClient({
        endpoint: emulator.url,
        region: 'us-east-1',
        credentials: CREDENTIALS,
        requestHandler: new NodeHttpHandler({ httpAgent: { keepAlive: true, maxSockets: 50 } }),
      });
      return {
        name: 'bare SDK, HTTP/1.1 keep-alive',
        call: () =>
          client.send(
            new InvokeModelCommand({ modelId: MODEL, body: NATIVE_BODY, contentType: 'application/json' }),
          ),
        close: () => {
          client.destroy();
        },
      };
    };
    const quarry = (transport: BedrockTransport): Contender => {
      const client = connectQuarryClient({
        region: 'us-east-1',
        endpoint: emulator.url,
        credentials: CREDENTIALS,
        transport,
      });
      return {
        name: `Quarry client, ${transport}`,
        call: () => client.invoke(MODEL, REQUEST),
        close: () => {
          client.close();
        },
      };
    };
    const factories = [sdkDefault, sdkKeepAlive, () => quarry('http1'), () => quarry('http2')];

    // Connections opened by 100 concurrent calls from a fresh client, then by 100 more (warm pool).
    const sockets: Record<string, { cold: number; warm: number }> = {};
    for (const factory of factories) {
      const contender = factory();
      const burst = async (): Promise<number> => {
        const before = (await readCounters(emulator.url)).connections.opened;
        await Promise.all(Array.from({ length: 100 }, () => contender.call()));
        return (await readCounters(emulator.url)).connections.opened - before;
      };
      sockets[contender.name] = { cold: await burst(), warm: await burst() };
      contender.close();
    }

    const contenders = factories.map((factory) => factory());
    const runs: Record<string, number[]> = {};
    for (const contender of contenders)
      await throughput(contender.call, { concurrency: 16, durationMs: 500 });
    for (let round = 0; round < rounds; round++) {
      for (const contender of contenders) {
        const result = await throughput(contender.call, { concurrency: 16, durationMs });
        if (result.failures > 0) throw new Error(`${contender.name}: ${result.failures} failed calls`);
        (runs[contender.name] ??= []).push(result.callsPerSecond);
      }
    }
    for (const contender of contenders) contender.close();

    const mean = (values: readonly number[]): number =>
      round(values.reduce((a, b) => a + b, 0) / values.length, 1);
    const baselineName = contenders[0]?.name ?? '';
    const baseline = mean(runs[baselineName] ?? []);
    const rows: ResultRow[] = contenders.map((contender) => {
      const callsPerSecond = mean(runs[contender.name] ?? []);
      const opened = sockets[contender.name];
      return {
        metric: `${contender.name}: calls/s (16 concurrent); connections per 100 concurrent calls (cold/warm)`,
        value: `${callsPerSecond}/s; ${opened?.cold ?? '?'}/${opened?.warm ?? '?'}`,
        baseline:
          contender.name === baselineName
            ? 'baseline'
            : `${round(callsPerSecond / baseline, 2)}× the bare SDK default`,
        verdict:
          contender.name === 'Quarry client, http1'
            ? callsPerSecond > baseline && (opened?.warm ?? Infinity) <= 100
              ? 'beats the SDK default; ≤ 1 connection per concurrent call, none when warm'
              : 'does not beat the SDK default'
            : '',
      };
    });
    return {
      name: 'client-vs-sdk',
      description:
        'InvokeModel (Claude 3 Haiku body) through each client against one emulator process, zero latency',
      rows,
      details: { callsPerSecond: runs, connectionsPer100: sockets, durationMs, rounds },
    };
  } finally {
    unpinSelf();
    await emulator.stop();
  }
}
