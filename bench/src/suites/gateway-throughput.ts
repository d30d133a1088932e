import { Agent } from 'node:http';
import { jsonPoster } from '../http-post.js';
import { round, throughput } from '../measure.js';
import {
  assertUnpinned,
  BENCH_ADMIN_KEY,
  peerHeaders,
  startEmulatorProcess,
  startGatewayProcess,
  startPeerGatewayProcess,
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
/** The same call as an OpenAI-style chat completion, the peer gateway's API. */
const PEER_BODY = JSON.stringify({
  model: MODEL,
  messages: [{ role: 'user', content: 'Hello, gateway.' }],
  max_tokens: 32,
});
const PEER = 'peer gateway (Portkey)';
const LEVELS = [16, 64] as const;

/**
 * Invokes/s with 16 and 64 calls in flight, the load generator (this process), the server under
 * test and the emulator all sharing the machine's cores unpinned, as the target states.
 * Contenders run in alternating rounds: the gateway, the same gateway on the SDK path, the plain
 * relay (the "any Node service" ceiling) and the peer gateway the issue compares with.
 */
export async function gatewayThroughput(durationMs: number, rounds: number): Promise<SuiteResult> {
  // Every process here must be free to use both cores, as the target states.
  assertUnpinned();
  const emulator = await startEmulatorProcess();
  // Name, process, the URL calls go to, body, headers.
  const servers: [string, RunningProcess, string, string, Record<string, string>][] = [];
  try {
    const gateway = await startGatewayProcess(emulator.url);
    servers.push([
      'gateway',
      gateway,
      gateway.url,
      GRAPHQL_BODY,
      { authorization: `Bearer ${BENCH_ADMIN_KEY}` },
    ]);
    const sdkGateway = await startGatewayProcess(emulator.url, undefined, {
      env: { QUARRY_RUNTIME_PATH: 'sdk' },
    });
    servers.push([
      'SDK-path gateway',
      sdkGateway,
      sdkGateway.url,
      GRAPHQL_BODY,
      { authorization: `Bearer ${BENCH_ADMIN_KEY}` },
    ]);
    const relay = await startRelayProcess(emulator.url);
    servers.push(['plain relay', relay, relay.url, RELAY_BODY, {}]);
    const peer = await startPeerGatewayProcess();
    servers.push([PEER, peer, `${peer.url}/v1/chat/completions`, PEER_BODY, peerHeaders(emulator.url)]);
    const results = new Map<string, number[]>();
    let failures = 0;
    for (const inFlight of LEVELS) {
      const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
      try {
        for (const [name, , url, body, headers] of servers) {
          const call = jsonPoster(url, body, { agent, headers, noGraphQLErrors: name !== 'plain relay' });
          await throughput(call, { concurrency: inFlight, durationMs: Math.min(300, durationMs) }); // warm-up
        }
        for (let round = 0; round < rounds; round++) {
          for (const [name, , url, body, headers] of servers) {
            const call = jsonPoster(url, body, { agent, headers, noGraphQLErrors: name !== 'plain relay' });
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
      const peer = median(`${PEER}@${inFlight}`);
      return {
        metric: `Gateway invokes/s, ${inFlight} in flight (load generator, gateway and emulator on the same 2 cores)`,
        value: `${gateway}/s`,
        baseline: `${PEER} ${peer}/s (${ratio(gateway, peer)}); SDK-path gateway ${sdk}/s (${ratio(gateway, sdk)}); plain relay ${relay}/s (${ratio(gateway, relay)})`,
        verdict: verdict(gateway >= 2_000 && gateway >= 2 * peer, '≥ 2,000/s and ≥ 2× the peer gateway'),
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
