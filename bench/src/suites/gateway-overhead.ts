import { connectQuarryClient } from '@quarry/core';
import { Agent } from 'node:http';
import { jsonPoster } from '../http-post.js';
import { round, summarize, timed, type LatencySummary } from '../measure.js';
import {
  BENCH_ADMIN_KEY,
  cpuSecondsOf,
  pinSelf,
  startEmulatorProcess,
  startGatewayProcess,
  startRelayProcess,
  unpinSelf,
} from '../processes.js';
import type { SuiteResult } from './suite-result.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const PROMPT = 'Hello, gateway.';
const QUERY = `mutation ($input: InvokeInput!) { invoke(input: $input) { text stopReason usage { inputTokens outputTokens totalTokens } latencyMs } }`;

/**
 * Latency the gateway adds to `invoke`, side by side with two baselines, alternating call by call:
 * - direct: the core client in this process calling the emulator (what an app would do itself);
 * - relay: the thinnest service in between (plain node:http + the core client, own process), so
 *   the cost of an extra process hop on this machine is measured rather than guessed;
 * - gateway: the real gateway process (default config: Apollo, graphql-armor, info logging, auth).
 * The emulator runs on core 0; this process, the relay and the gateway share core 1.
 */
export async function gatewayOverhead(iterations: number): Promise<SuiteResult> {
  const emulator = await startEmulatorProcess(0);
  const gateway = await startGatewayProcess(emulator.url, 1);
  const relay = await startRelayProcess(emulator.url, 1);
  pinSelf('1');
  const client = connectQuarryClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const contenders: [string, () => Promise<unknown>][] = [
    ['direct', () => client.invoke(MODEL, { messages: [{ role: 'user', content: PROMPT }], maxTokens: 32 })],
    [
      'relay',
      jsonPoster(relay.url, JSON.stringify({ modelId: MODEL, prompt: PROMPT, maxTokens: 32 }), { agent }),
    ],
    [
      'gateway',
      jsonPoster(
        gateway.url,
        JSON.stringify({
          query: QUERY,
          variables: { input: { modelId: MODEL, prompt: PROMPT, maxTokens: 32 } },
        }),
        { agent, headers: { authorization: `Bearer ${BENCH_ADMIN_KEY}` }, noGraphQLErrors: true },
      ),
    ],
  ];
  try {
    for (let index = 0; index < 500; index++) for (const [, call] of contenders) await call();
    const samples = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
    // CPU time is steadier than latency on a shared VM: each server process only works for its own calls.
    const cpuBefore = { relay: cpuSecondsOf(relay.child.pid), gateway: cpuSecondsOf(gateway.child.pid) };
    for (let index = 0; index < iterations; index++) {
      // Rotate the order so no contender always runs right after another one warmed the path.
      for (let offset = 0; offset < contenders.length; offset++) {
        const contender = contenders[(index + offset) % contenders.length];
        if (contender !== undefined) samples.get(contender[0])?.push(await timed(contender[1]));
      }
    }
    const cpuMsPerCall = (name: 'relay' | 'gateway', pid: number | undefined): number | undefined => {
      const before = cpuBefore[name];
      const after = cpuSecondsOf(pid);
      return before === undefined || after === undefined
        ? undefined
        : round(((after - before) * 1000) / iterations);
    };
    const cpu = {
      relay: cpuMsPerCall('relay', relay.child.pid),
      gateway: cpuMsPerCall('gateway', gateway.child.pid),
    };
    const summary = Object.fromEntries(
      [...samples].map(([name, values]) => [name, summarize(values)]),
    ) as Record<'direct' | 'relay' | 'gateway', LatencySummary>;
    const added = (metric: 'medianMs' | 'p99Ms', over: 'direct' | 'relay') =>
      round(summary.gateway[metric] - summary[over][metric]);
    return {
      name: 'gateway-overhead',
      description: `invoke through the gateway vs the core client directly and vs a plain relay, ${iterations} rotating sequential calls each, zero-latency emulator`,
      rows: [
        {
          metric: 'Gateway added latency over a direct core-client call, median / p99',
          value: `${added('medianMs', 'direct')} / ${added('p99Ms', 'direct')} ms`,
          baseline: `direct ${summary.direct.medianMs} / ${summary.direct.p99Ms} ms; gateway ${summary.gateway.medianMs} / ${summary.gateway.p99Ms} ms`,
          verdict:
            added('medianMs', 'direct') < 1
              ? 'under 1 ms'
              : 'over 1 ms (includes the extra process hop, see relay)',
        },
        {
          metric: 'Of which any extra hop costs (plain node:http relay over direct), median',
          value: `${round(summary.relay.medianMs - summary.direct.medianMs)} ms`,
          baseline: `relay ${summary.relay.medianMs} / ${summary.relay.p99Ms} ms`,
          verdict: '',
        },
        {
          metric: 'Gateway (GraphQL, Apollo, auth, logging) over the plain relay, median / p99',
          value: `${added('medianMs', 'relay')} / ${added('p99Ms', 'relay')} ms`,
          baseline: 'relay',
          verdict: added('medianMs', 'relay') < 0.5 ? 'well under 1 ms' : 'over 0.5 ms',
        },
        ...(cpu.relay === undefined || cpu.gateway === undefined
          ? []
          : [
              {
                metric: 'Server CPU time per invoke (user + system, from /proc): gateway vs plain relay',
                value: `${cpu.gateway} ms (+${round(cpu.gateway - cpu.relay)} ms)`,
                baseline: `relay ${cpu.relay} ms`,
                verdict:
                  cpu.gateway - cpu.relay < 0.5
                    ? 'GraphQL layer well under 1 ms of CPU'
                    : 'over 0.5 ms of CPU',
              },
            ]),
      ],
      details: { ...summary, cpuMsPerCall: cpu, iterations },
    };
  } finally {
    unpinSelf();
    agent.destroy();
    client.close();
    await Promise.all([gateway.stop(), relay.stop()]);
    await emulator.stop();
  }
}
