import { Agent } from 'node:http';
import { jsonPoster } from '../http-post.js';
import { round, throughput } from '../measure.js';
import {
  BENCH_ADMIN_KEY,
  startEmulatorProcess,
  startGatewayProcess,
  startRelayProcess,
  type RunningProcess,
} from '../processes.js';
import { ratio, verdict, type ResultRow, type SuiteResult } from './suite-result.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const GRAPHQL_BODY = JSON.stringify({
  query: `mutation ($input: InvokeInput!) { invoke(input: $input) { text stopReason usage { totalTokens } } }`,
  variables: { input: { modelId: MODEL, prompt: 'Hello, gateway.', maxTokens: 32 } },
});
const RELAY_BODY = JSON.stringify({ modelId: MODEL, prompt: 'Hello, gateway.', maxTokens: 32 });
const LEVELS = [16, 64] as const;

/**
 * Invokes/s with 16 and 64 calls in flight, the load generator (this process), the server under
 * test and the emulator all sharing the machine's cores unpinned, as the target states.
 * Contenders run in alternating rounds: the gateway, the same gateway on the SDK path, and the
 * plain relay (the "any Node service" ceiling).
 */
export async function gatewayThroughput(durationMs: number, rounds: number): Promise<SuiteResult> {
  const emulator = await startEmulatorProcess();
  const servers: [string, RunningProcess, string, Record<string, string>][] = [];
  try {
    servers.push([
      'gateway',
      await startGatewayProcess(emulator.url),
      GRAPHQL_BODY,
      { authorization: `Bearer ${BENCH_ADMIN_KEY}` },
    ]);
    servers.push([
      'SDK-path gateway',
      await startGatewayProcess(emulator.url, undefined, { env: { QUARRY_RUNTIME_PATH: 'sdk' } }),
      GRAPHQL_BODY,
      { authorization: `Bearer ${BENCH_ADMIN_KEY}` },
    ]);
    servers.push(['plain relay', await startRelayProcess(emulator.url), RELAY_BODY, {}]);
    const results = new Map<string, number[]>();
    let failures = 0;
    for (const inFlight of LEVELS) {
      const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
      try {
        for (const [name, server, body, headers] of servers) {
          const call = jsonPoster(server.url, body, {
            agent,
            headers,
            noGraphQLErrors: name !== 'plain relay',
          });
          await throughput(call, { concurrency: inFlight, durationMs: Math.min(300, durationMs) }); // warm-up
        }
        for (let round = 0; round < rounds; round++) {
          for (const [name, server, body, headers] of servers) {
            const call = jsonPoster(server.url, body, {
              agent,
              headers,
              noGraphQLErrors: name !== 'plain relay',
            });
            const measured = await throughput(call, { concurrency: inFlight, durationMs });
            failures += measured.failures;
            const key = `${name}@${inFlight}`;
            results.set(key, [...(results.get(key) ?? []), measured.callsPerSecond]);
          }
        }
      } finally {
        agent.destroy();
      }
    }
    const median = (key: string): number => {
      const values = [...(results.get(key) ?? [])].sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)] ?? Number.NaN;
    };
    const rows: ResultRow[] = LEVELS.map((inFlight) => {
      const gateway = median(`gateway@${inFlight}`);
      const sdk = median(`SDK-path gateway@${inFlight}`);
      const relay = median(`plain relay@${inFlight}`);
      return {
        metric: `Gateway invokes/s, ${inFlight} in flight (load generator, gateway and emulator on the same 2 cores)`,
        value: `${gateway}/s`,
        baseline: `SDK-path gateway ${sdk}/s (${ratio(gateway, sdk)}); plain relay ${relay}/s (${ratio(gateway, relay)})`,
        verdict: verdict(gateway >= 2_000, '≥ 2,000/s'),
      };
    });
    return {
      name: 'gateway-throughput',
      description: `invoke throughput at ${LEVELS.join(' and ')} calls in flight, ${rounds} alternating rounds of ${durationMs} ms per contender (median reported), zero-latency emulator, nothing pinned; ${failures} failed calls`,
      rows,
      details: {
        callsPerSecond: Object.fromEntries(
          [...results].map(([key, values]) => [key, values.map((value) => round(value, 1))]),
        ),
        failures,
      },
    };
  } finally {
    await Promise.all(servers.map(([, server]) => server.stop()));
    await emulator.stop();
  }
}
