// `pnpm bench:compare [ref]`: this checkout's gateway against the gateway built from an earlier
// commit (default HEAD~1), side by side in one run. The machine's speed drifts through a day (by
// 1.3–1.5× on this box), so two full runs hours apart cannot tell a 10% change from the weather;
// two builds taking turns against one emulator can. `--self` compares this build with itself, no
// checkout: what `pnpm test` runs (quick) to keep the command working, and the noise floor.
import { Agent } from 'node:http';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import type { Client } from 'graphql-ws';
import { prepareBaseBuild } from './base-build.js';
import { jsonPoster } from './http-post.js';
import { issueLimitedKey } from './issued-key.js';
import { inFlight, median, round, summarize } from './measure.js';
import {
  BENCH_ADMIN_KEY,
  cpuMsOf,
  pinSelf,
  startEmulatorProcess,
  startGatewayProcess,
  unpinSelf,
  type RunningGateway,
} from './processes.js';
import { openSocket, streamOverGateway } from './ws-streams.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const quick = process.env['QUARRY_BENCH_QUICK'] === '1';
const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const INVOKE_BODY = JSON.stringify({
  query: `mutation ($input: InvokeInput!) { invoke(input: $input) { text stopReason usage { inputTokens outputTokens totalTokens } latencyMs } }`,
  variables: { input: { modelId: MODEL, prompt: 'Hello, gateway.', maxTokens: 32 } },
});
const AUTH = { authorization: `Bearer ${BENCH_ADMIN_KEY}` };
const IN_FLIGHT = 16;
const SOCKET_STREAMS = 25;
/** As stream-capacity: Claude Haiku at the emulator's realistic speed, arrivals over 60% of a stream's life. */
const STREAMS = quick ? 40 : 300;
const STREAM_INPUT = { modelId: MODEL, prompt: 'Tell me about the rivers of Europe.', maxTokens: 100 };
const RAMP_MS = Math.round(0.6 * (450 + (100 * 1000) / 110));

type Side = 'base' | 'current';
const SIDES: readonly Side[] = ['base', 'current'];

/** One figure per side per round; rounds alternate which side goes first. */
type Rounds = Record<Side, number[]>;

interface Row {
  readonly metric: string;
  readonly unit: string;
  readonly rounds: Rounds;
}

async function main(): Promise<void> {
  const self = process.argv.includes('--self');
  const ref = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'HEAD~1';
  const base = self ? undefined : prepareBaseBuild(ROOT, ref);
  const roots: Record<Side, string> = { base: base?.root ?? ROOT, current: ROOT };
  const rows: Row[] = [];
  const started = performance.now();

  // Invoke: both gateways on core 1 taking turns, the zero-latency emulator and this process on core 0.
  const emulator = await startEmulatorProcess(0);
  const gateways = await startPair(emulator.url, roots, {});
  pinSelf('0');
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  try {
    const post = Object.fromEntries(
      SIDES.map((side) => [
        side,
        jsonPoster(gateways[side].url, INVOKE_BODY, { agent, headers: AUTH, noGraphQLErrors: true }),
      ]),
    ) as Record<Side, () => Promise<void>>;
    // A build from before API keys existed cannot issue one: the keyed row is left out then.
    const keyed = await Promise.all(
      SIDES.map(async (side) =>
        jsonPoster(gateways[side].url, INVOKE_BODY, {
          agent,
          headers: await issueLimitedKey(gateways[side].url),
          noGraphQLErrors: true,
        }),
      ),
    ).then(
      ([base, current]) => ({ base, current }) as Record<Side, () => Promise<void>>,
      (error: unknown) => {
        console.log(`No keyed row: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      },
    );
    for (const side of SIDES) {
      await inFlight(post[side], quick ? 200 : 1_000, IN_FLIGHT);
      if (keyed !== undefined) await inFlight(keyed[side], quick ? 200 : 1_000, IN_FLIGHT);
    }
    const loaded = emptyRounds();
    const keyedLoaded = emptyRounds();
    const sequentialCpu = emptyRounds();
    const p50 = emptyRounds();
    const p99 = emptyRounds();
    const roundCount = quick ? 2 : 8;
    /** Gateway CPU per call with IN_FLIGHT calls in flight, both sides in this round's order. */
    const measureLoaded = async (
      index: number,
      calls: Record<Side, () => Promise<void>>,
      into: Rounds,
    ): Promise<void> => {
      for (const side of orderOf(index)) {
        const count = quick ? 300 : 1_500;
        const before = cpuMsOf(gateways[side].child.pid) ?? Number.NaN;
        await inFlight(calls[side], count, IN_FLIGHT);
        into[side].push(((cpuMsOf(gateways[side].child.pid) ?? Number.NaN) - before) / count);
      }
    };
    for (let index = 0; index < roundCount; index++) {
      await measureLoaded(index, post, loaded);
      if (keyed !== undefined) await measureLoaded(index, keyed, keyedLoaded);
      for (const side of orderOf(index)) {
        const calls = quick ? 50 : 200;
        const latencies: number[] = [];
        const before = cpuMsOf(gateways[side].child.pid) ?? Number.NaN;
        for (let call = 0; call < calls; call++) {
          const at = performance.now();
          await post[side]();
          latencies.push(performance.now() - at);
        }
        sequentialCpu[side].push(((cpuMsOf(gateways[side].child.pid) ?? Number.NaN) - before) / calls);
        const summary = summarize(latencies);
        p50[side].push(summary.medianMs);
        p99[side].push(summary.p99Ms);
      }
    }
    rows.push(
      { metric: `invoke: gateway CPU per call, ${IN_FLIGHT} in flight`, unit: 'ms', rounds: loaded },
      ...(keyed === undefined
        ? []
        : [
            {
              metric: `invoke with an issued key (allowlist, limits, budget): gateway CPU per call, ${IN_FLIGHT} in flight`,
              unit: 'ms',
              rounds: keyedLoaded,
            },
          ]),
      { metric: 'invoke: gateway CPU per call, one at a time', unit: 'ms', rounds: sequentialCpu },
      { metric: 'invoke: latency p50, one at a time (wall clock)', unit: 'ms', rounds: p50 },
      { metric: 'invoke: latency p99, one at a time (wall clock)', unit: 'ms', rounds: p99 },
    );
  } finally {
    unpinSelf();
    agent.destroy();
    await Promise.all(SIDES.map((side) => gateways[side].stop()));
    await emulator.stop();
  }

  // Streams: the same pair against the emulator at Claude-Haiku speed, graphql-ws sockets from core 0.
  const slowEmulator = await startEmulatorProcess(0, 'realistic');
  const streamGateways = await startPair(slowEmulator.url, roots, {
    QUARRY_MAX_STREAMS: String(STREAMS + 50),
  });
  pinSelf('0');
  const sockets: Record<Side, Client[]> = { base: [], current: [] };
  try {
    for (const side of SIDES)
      for (let index = 0; index < Math.ceil(STREAMS / SOCKET_STREAMS); index++)
        sockets[side].push(await openSocket(streamGateways[side].url));
    const load = (side: Side, input: Record<string, unknown>, rampMs: number) =>
      Promise.all(
        Array.from({ length: STREAMS }, async (_, index) => {
          await delay((rampMs * index) / STREAMS);
          const socket = sockets[side][Math.floor(index / SOCKET_STREAMS)] as Client;
          return streamOverGateway(socket, input);
        }),
      );
    for (const side of SIDES) await load(side, { ...STREAM_INPUT, maxTokens: 5 }, 0);
    const cpu = emptyRounds();
    const ttft = emptyRounds();
    for (let index = 0; index < (quick ? 1 : 4); index++) {
      for (const side of orderOf(index)) {
        await delay(200);
        const before = cpuMsOf(streamGateways[side].child.pid) ?? Number.NaN;
        const timelines = await load(side, STREAM_INPUT, RAMP_MS);
        cpu[side].push(((cpuMsOf(streamGateways[side].child.pid) ?? Number.NaN) - before) / STREAMS);
        ttft[side].push(summarize(timelines.map((timeline) => timeline.firstTokenMs)).p99Ms);
      }
    }
    rows.push(
      { metric: `${STREAMS} streams: gateway CPU per stream (all threads)`, unit: 'ms', rounds: cpu },
      { metric: `${STREAMS} streams: time to first token p99 (wall clock)`, unit: 'ms', rounds: ttft },
    );
  } finally {
    unpinSelf();
    for (const side of SIDES) for (const socket of sockets[side]) await socket.dispose();
    await Promise.all(SIDES.map((side) => streamGateways[side].stop()));
    await slowEmulator.stop();
  }

  const title = base
    ? `base ${base.commit.slice(0, 12)} (${base.subject.slice(0, 60)}) vs this checkout`
    : 'this build vs itself (--self: the noise floor)';
  console.log(`\n## bench:compare: ${title}\n`);
  console.log(
    'Each round runs both gateways, alternating which goes first; change is the median of the rounds’ current/base ratios, with their range.\n',
  );
  console.log('| metric | base | current | change | rounds’ ratios |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const ratios = row.rounds.current.map((value, index) => value / (row.rounds.base[index] ?? Number.NaN));
    console.log(
      `| ${row.metric} | ${round(median(row.rounds.base))} ${row.unit} | ${round(median(row.rounds.current))} ${row.unit} | ${signedPercent(median(ratios))} | ${round(Math.min(...ratios), 2)}–${round(Math.max(...ratios), 2)} |`,
    );
  }
  console.log(`\nbench:compare ran in ${Math.round((performance.now() - started) / 1000)} s.`);
}

/** Both gateways on core 1: only the one taking its turn works, the other sleeps. */
async function startPair(
  upstream: string,
  roots: Record<Side, string>,
  env: Record<string, string>,
): Promise<Record<Side, RunningGateway>> {
  const base = await startGatewayProcess(upstream, 1, { env, root: roots.base });
  const current = await startGatewayProcess(upstream, 1, { env, root: roots.current });
  return { base, current };
}

function orderOf(round: number): readonly Side[] {
  return round % 2 === 0 ? SIDES : [...SIDES].reverse();
}

function emptyRounds(): Rounds {
  return { base: [], current: [] };
}

function signedPercent(ratio: number): string {
  const percent = round((ratio - 1) * 100, 1);
  return `${percent > 0 ? '+' : ''}${percent}%`;
}

try {
  await main();
} catch (error) {
  // A bad ref or a failed build of it: one line saying what to do, not a stack.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
