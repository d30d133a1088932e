import { connectQuarryClient } from '@quarry/core';
import { Agent } from 'node:http';
import { profileGateway } from '../gateway-profile.js';
import { jsonPoster } from '../http-post.js';
import { issueLimitedKey } from '../issued-key.js';
import { inFlight, round, summarize, timed, type LatencySummary } from '../measure.js';
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

type Name = 'direct' | 'relay' | 'gateway' | 'gatewayKeyed' | 'gatewaySdk' | 'peer';

/** Calls per contender before the next one takes over: long enough to keep its caches warm. */
const BLOCK = 50;
/** Calls in flight for the CPU-per-invoke figure: a busy core, as "invokes/s per core" means. */
const LOADED_IN_FLIGHT = 16;

/**
 * CPU and latency the gateway adds to `invoke`, side by side, in alternating blocks of BLOCK calls:
 * - direct: the core client in this process calling the emulator (what an app would do itself);
 * - relay: the thinnest service in between (plain node:http + the core client, own process);
 * - gateway: the real gateway process (default config: Apollo, graphql-armor, info logging, auth,
 *   usage and audit rows in its SQLite store), called with the admin key;
 * - gatewayKeyed: the same process called with an issued key (model allowlist, requests and tokens
 *   per minute, a monthly budget): what an app's calls pay, every check included;
 * - gatewaySdk: the same gateway with QUARRY_RUNTIME_PATH=sdk, the AWS SDK's command stack (the
 *   path every call took before the direct path existed): the baseline of the CPU target;
 * - peer: Portkey's AI gateway, the widely used JavaScript gateway the issue compares with, making
 *   the same call as a chat completion (Bedrock Converse at the emulator).
 * The emulator and this load generator run on core 0; every server under test on core 1, one at a
 * time. An earlier version rotated call by call with the load generator on the servers' core: five
 * processes taking turns on one core measured each other's cache misses (3.4 ms per call against
 * 1.1 ms for the same gateway alone).
 *
 * Two CPU figures per server: sequential calls (each call wakes an idle process: what a lightly
 * used gateway pays) and LOADED_IN_FLIGHT calls in flight (a busy core: what sets invokes/s per
 * core, the target's measure).
 */
export async function gatewayOverhead(iterations: number, quick: boolean): Promise<SuiteResult> {
  const emulator = await startEmulatorProcess(0);
  const gateway = await startGatewayProcess(emulator.url, 1);
  const gatewaySdk = await startGatewayProcess(emulator.url, 1, { env: { QUARRY_RUNTIME_PATH: 'sdk' } });
  const relay = await startRelayProcess(emulator.url, 1);
  const peer = await startPeerGatewayProcess(1);
  pinSelf('0');
  const client = connectQuarryClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
  });
  const agent = new Agent({ keepAlive: true, maxSockets: LOADED_IN_FLIGHT });
  const graphql = (url: string, headers: Record<string, string> = AUTH) =>
    jsonPoster(url, GRAPHQL_BODY, { agent, headers, noGraphQLErrors: true });
  const contenders: [Name, () => Promise<unknown>][] = [
    ['direct', () => client.invoke(MODEL, { messages: [{ role: 'user', content: PROMPT }], maxTokens: 32 })],
    [
      'relay',
      jsonPoster(relay.url, JSON.stringify({ modelId: MODEL, prompt: PROMPT, maxTokens: 32 }), { agent }),
    ],
    ['gateway', graphql(gateway.url)],
    ['gatewayKeyed', graphql(gateway.url, await issueLimitedKey(gateway.url))],
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
    gatewayKeyed: gateway.child.pid,
    gatewaySdk: gatewaySdk.child.pid,
    peer: peer.child.pid,
  };
  try {
    for (let index = 0; index < (quick ? 50 : 500); index++) for (const [, call] of contenders) await call();
    const samples = new Map<Name, number[]>(contenders.map(([name]) => [name, []]));
    const cpuUsed = new Map<Name, number>();
    const cpuOf = (name: Name): number | undefined =>
      name === 'direct' ? undefined : cpuSecondsOf(pids[name]);
    for (let done = 0; done < iterations; done += BLOCK) {
      // Rotate which contender starts each round, so none always follows the same one.
      for (let offset = 0; offset < contenders.length; offset++) {
        const contender = contenders[(done / BLOCK + offset) % contenders.length];
        if (contender === undefined) continue;
        const [name, call] = contender;
        const before = cpuOf(name);
        for (let index = 0; index < Math.min(BLOCK, iterations - done); index++)
          samples.get(name)?.push(await timed(call));
        const after = cpuOf(name);
        if (before !== undefined && after !== undefined)
          cpuUsed.set(name, (cpuUsed.get(name) ?? 0) + after - before);
      }
    }
    const perCall = (seconds: number | undefined, calls: number) =>
      seconds === undefined ? Number.NaN : round((seconds * 1000) / calls);
    const cpu = {
      relay: perCall(cpuUsed.get('relay'), iterations),
      gateway: perCall(cpuUsed.get('gateway'), iterations),
      gatewayKeyed: perCall(cpuUsed.get('gatewayKeyed'), iterations),
      gatewaySdk: perCall(cpuUsed.get('gatewaySdk'), iterations),
      peer: perCall(cpuUsed.get('peer'), iterations),
    };
    // The same servers with LOADED_IN_FLIGHT calls in flight, alternating in blocks again.
    const loadedCalls = quick ? 400 : 4_000;
    const loadedUsed = new Map<Name, number>();
    for (let round = 0; round < 4; round++) {
      for (const [name, call] of contenders) {
        if (name === 'direct') continue;
        const before = cpuOf(name);
        await inFlight(call, loadedCalls / 4, LOADED_IN_FLIGHT);
        const after = cpuOf(name);
        if (before !== undefined && after !== undefined)
          loadedUsed.set(name, (loadedUsed.get(name) ?? 0) + after - before);
      }
    }
    const loaded = {
      relay: perCall(loadedUsed.get('relay'), loadedCalls),
      gateway: perCall(loadedUsed.get('gateway'), loadedCalls),
      gatewayKeyed: perCall(loadedUsed.get('gatewayKeyed'), loadedCalls),
      gatewaySdk: perCall(loadedUsed.get('gatewaySdk'), loadedCalls),
      peer: perCall(loadedUsed.get('peer'), loadedCalls),
    };
    const summary = Object.fromEntries(
      [...samples].map(([name, values]) => [name, summarize(values)]),
    ) as Record<Name, LatencySummary>;
    const added = (who: Name, metric: 'medianMs' | 'p99Ms') =>
      round(summary[who][metric] - summary.direct[metric]);
    const cpuMet = loaded.gateway <= 0.8;
    const latencyMet = added('gateway', 'medianMs') <= 0.5 && added('gateway', 'p99Ms') <= 2;
    const profiles: string[] = [];
    if ((!cpuMet || !latencyMet) && !quick) {
      profiles.push(
        ...(await profileGateway('gateway per invoke (16 in flight)', emulator.url, 1, {}, async (url) => {
          await inFlight(graphql(url), 6_000, LOADED_IN_FLIGHT);
        })),
      );
    }
    return {
      name: 'gateway-overhead',
      description: `invoke through the gateway (direct runtime path; admin key, and an issued key with every limit) vs the same gateway on the SDK path, the peer gateway (Portkey), a plain relay and the core client in-process; ${iterations} sequential calls each in alternating blocks of ${BLOCK}, then ${loadedCalls} with ${LOADED_IN_FLIGHT} in flight; zero-latency emulator and load generator on core 0, each server under test on core 1`,
      rows: [
        {
          metric: `Gateway CPU per invoke (user + system, /proc) with ${LOADED_IN_FLIGHT} in flight; invokes/s per gateway core`,
          value: `${loaded.gateway} ms; ${round(1000 / loaded.gateway, 0)}/s`,
          baseline: `peer gateway (Portkey) ${loaded.peer} ms (${ratio(loaded.gateway, loaded.peer)}); SDK-path gateway ${loaded.gatewaySdk} ms (${ratio(loaded.gateway, loaded.gatewaySdk)}); plain relay ${loaded.relay} ms`,
          verdict: verdict(cpuMet, '≤ 0.8 ms, ≥ 1,250/s per core'),
        },
        {
          metric: `The same with an issued key (allowlist, requests and tokens per minute, monthly budget), ${LOADED_IN_FLIGHT} in flight; sequential`,
          value: `${loaded.gatewayKeyed} ms; ${cpu.gatewayKeyed} ms`,
          baseline: `the admin key (no checks) ${loaded.gateway} ms (${ratio(loaded.gatewayKeyed, loaded.gateway)}); ${cpu.gateway} ms sequential`,
          verdict: verdict(loaded.gatewayKeyed <= 0.8, '≤ 0.8 ms'),
        },
        {
          metric: 'Gateway CPU per invoke, sequential calls (an idle process woken per call)',
          value: `${cpu.gateway} ms`,
          baseline: `peer gateway (Portkey) ${cpu.peer} ms (${ratio(cpu.gateway, cpu.peer)}); SDK-path gateway ${cpu.gatewaySdk} ms (${ratio(cpu.gateway, cpu.gatewaySdk)}); plain relay ${cpu.relay} ms`,
          verdict: 'reported',
        },
        {
          metric: 'Gateway added latency over a direct core-client call, p50 / p99',
          value: `${added('gateway', 'medianMs')} / ${added('gateway', 'p99Ms')} ms`,
          baseline: `direct ${summary.direct.medianMs} / ${summary.direct.p99Ms} ms; with an issued key the gateway adds ${added('gatewayKeyed', 'medianMs')} / ${added('gatewayKeyed', 'p99Ms')} ms; peer gateway (Portkey) adds ${added('peer', 'medianMs')} / ${added('peer', 'p99Ms')} ms; SDK-path gateway adds ${added('gatewaySdk', 'medianMs')} / ${added('gatewaySdk', 'p99Ms')} ms; relay adds ${added('relay', 'medianMs')} / ${added('relay', 'p99Ms')} ms`,
          verdict: verdict(latencyMet, '≤ 0.5 ms p50, ≤ 2 ms p99'),
        },
      ],
      details: { ...summary, cpuMsPerCall: cpu, cpuMsPerCallLoaded: loaded, iterations, loadedCalls },
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
