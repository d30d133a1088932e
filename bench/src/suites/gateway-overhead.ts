import { connectQuarryClient } from '@quarry/core';
import { Agent } from 'node:http';
import { profileGateway } from '../gateway-profile.js';
import { jsonPoster } from '../http-post.js';
import { round, summarize, timed, type LatencySummary } from '../measure.js';
import {
  BENCH_ADMIN_KEY,
  cpuSecondsOf,
  peerHeaders,
  pinSelf,
  startEmulatorProcess,
  startGatewayProcess,
  startPeerGatewayProcess,
  startRelayProcess,
  unpinSelf,
} from '../processes.js';
import { ratio, verdict, type SuiteResult } from './suite-result.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const PROMPT = 'Hello, gateway.';
const QUERY = `mutation ($input: InvokeInput!) { invoke(input: $input) { text stopReason usage { inputTokens outputTokens totalTokens } latencyMs } }`;
const GRAPHQL_BODY = JSON.stringify({
  query: QUERY,
  variables: { input: { modelId: MODEL, prompt: PROMPT, maxTokens: 32 } },
});
const AUTH = { authorization: `Bearer ${BENCH_ADMIN_KEY}` };

type Name = 'direct' | 'relay' | 'gateway' | 'gatewaySdk' | 'peer';

/**
 * CPU and latency the gateway adds to `invoke`, side by side, alternating call by call:
 * - direct: the core client in this process calling the emulator (what an app would do itself);
 * - relay: the thinnest service in between (plain node:http + the core client, own process);
 * - gateway: the real gateway process (default config: Apollo, graphql-armor, info logging, auth);
 * - gatewaySdk: the same gateway with QUARRY_RUNTIME_PATH=sdk, the AWS SDK's command stack (the
 *   path every call took before the direct path existed): the baseline of the CPU target;
 * - peer: Portkey's AI gateway, the widely used JavaScript gateway the issue compares with, making
 *   the same call as a chat completion (Bedrock Converse at the emulator).
 * The emulator runs on core 0; this process, the relay and both gateways share core 1.
 */
export async function gatewayOverhead(iterations: number, quick: boolean): Promise<SuiteResult> {
  const emulator = await startEmulatorProcess(0);
  const gateway = await startGatewayProcess(emulator.url, 1);
  const gatewaySdk = await startGatewayProcess(emulator.url, 1, { env: { QUARRY_RUNTIME_PATH: 'sdk' } });
  const relay = await startRelayProcess(emulator.url, 1);
  const peer = await startPeerGatewayProcess(1);
  pinSelf('1');
  const client = connectQuarryClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const graphql = (url: string) =>
    jsonPoster(url, GRAPHQL_BODY, { agent, headers: AUTH, noGraphQLErrors: true });
  const contenders: [Name, () => Promise<unknown>][] = [
    ['direct', () => client.invoke(MODEL, { messages: [{ role: 'user', content: PROMPT }], maxTokens: 32 })],
    [
      'relay',
      jsonPoster(relay.url, JSON.stringify({ modelId: MODEL, prompt: PROMPT, maxTokens: 32 }), { agent }),
    ],
    ['gateway', graphql(gateway.url)],
    ['gatewaySdk', graphql(gatewaySdk.url)],
    [
      'peer',
      jsonPoster(
        `${peer.url}/v1/chat/completions`,
        JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: PROMPT }], max_tokens: 32 }),
        { agent, headers: peerHeaders(emulator.url), noGraphQLErrors: true },
      ),
    ],
  ];
  const pids = {
    relay: relay.child.pid,
    gateway: gateway.child.pid,
    gatewaySdk: gatewaySdk.child.pid,
    peer: peer.child.pid,
  };
  try {
    for (let index = 0; index < (quick ? 50 : 500); index++) for (const [, call] of contenders) await call();
    const samples = new Map<Name, number[]>(contenders.map(([name]) => [name, []]));
    // CPU time is steadier than latency on a shared VM: each server process only works for its own calls.
    const cpuBefore = Object.fromEntries(
      Object.entries(pids).map(([name, pid]) => [name, cpuSecondsOf(pid)]),
    );
    for (let index = 0; index < iterations; index++) {
      // Rotate the order so no contender always runs right after another one warmed the path.
      for (let offset = 0; offset < contenders.length; offset++) {
        const contender = contenders[(index + offset) % contenders.length];
        if (contender !== undefined) samples.get(contender[0])?.push(await timed(contender[1]));
      }
    }
    const cpuMs = (name: keyof typeof pids): number => {
      const before = cpuBefore[name];
      const after = cpuSecondsOf(pids[name]);
      return before === undefined || after === undefined
        ? Number.NaN
        : round(((after - before) * 1000) / iterations);
    };
    const cpu = {
      relay: cpuMs('relay'),
      gateway: cpuMs('gateway'),
      gatewaySdk: cpuMs('gatewaySdk'),
      peer: cpuMs('peer'),
    };
    const summary = Object.fromEntries(
      [...samples].map(([name, values]) => [name, summarize(values)]),
    ) as Record<Name, LatencySummary>;
    const added = (who: Name, metric: 'medianMs' | 'p99Ms') =>
      round(summary[who][metric] - summary.direct[metric]);
    const cpuMet = cpu.gateway <= 0.8;
    const latencyMet = added('gateway', 'medianMs') <= 0.5 && added('gateway', 'p99Ms') <= 2;
    const profiles: string[] = [];
    if (!cpuMet && !quick) {
      profiles.push(
        ...(await profileGateway('gateway CPU per invoke', emulator.url, 1, {}, async (url) => {
          const call = graphql(url);
          for (let index = 0; index < 3_000; index++) await call();
        })),
      );
    }
    return {
      name: 'gateway-overhead',
      description: `invoke through the gateway (direct runtime path) vs the same gateway on the SDK path, the peer gateway (Portkey), a plain relay and the core client in-process; ${iterations} rotating sequential calls each, zero-latency emulator on core 0, everything else sharing core 1`,
      rows: [
        {
          metric: 'Gateway CPU per invoke (user + system, /proc); invokes/s per gateway core',
          value: `${cpu.gateway} ms; ${round(1000 / cpu.gateway, 0)}/s`,
          baseline: `peer gateway (Portkey) ${cpu.peer} ms (${ratio(cpu.gateway, cpu.peer)}); SDK-path gateway ${cpu.gatewaySdk} ms (${ratio(cpu.gateway, cpu.gatewaySdk)}); plain relay ${cpu.relay} ms`,
          verdict: verdict(cpuMet, '≤ 0.8 ms, ≥ 1,250/s per core'),
        },
        {
          metric: 'Gateway added latency over a direct core-client call, p50 / p99',
          value: `${added('gateway', 'medianMs')} / ${added('gateway', 'p99Ms')} ms`,
          baseline: `direct ${summary.direct.medianMs} / ${summary.direct.p99Ms} ms; peer gateway (Portkey) adds ${added('peer', 'medianMs')} / ${added('peer', 'p99Ms')} ms; SDK-path gateway adds ${added('gatewaySdk', 'medianMs')} / ${added('gatewaySdk', 'p99Ms')} ms; relay adds ${added('relay', 'medianMs')} / ${added('relay', 'p99Ms')} ms`,
          verdict: verdict(latencyMet, '≤ 0.5 ms p50, ≤ 2 ms p99'),
        },
      ],
      details: { ...summary, cpuMsPerCall: cpu, iterations },
      profiles,
    };
  } finally {
    unpinSelf();
    agent.destroy();
    client.close();
    await Promise.all([gateway.stop(), gatewaySdk.stop(), relay.stop(), peer.stop()]);
    await emulator.stop();
  }
}
