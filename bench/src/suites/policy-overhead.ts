import { connectQuarryClient, type ChatRequest, type InvokeResult, type QuarryClient } from '@quarry/core';
import { Agent } from 'node:http';
import { jsonPoster } from '../http-post.js';
import { round, summarize, timed } from '../measure.js';
import {
  BENCH_ADMIN_KEY,
  cpuSecondsOf,
  pinSelf,
  startEmulatorProcess,
  startGatewayProcess,
  unpinSelf,
} from '../processes.js';
import type { SuiteResult } from './suite-result.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const REQUEST: ChatRequest = { messages: [{ role: 'user', content: 'Hello, gateway.' }], maxTokens: 32 };
const QUERY = `mutation ($input: InvokeInput!) { invoke(input: $input) { text usage { totalTokens } } }`;
/** Every check on: allowlist, operation scope, requests/min, tokens/min and a budget, none of them binding. */
const LIMITED_KEY = {
  name: 'bench',
  models: ['anthropic.*'],
  operations: ['INVOKE'],
  requestsPerMinute: 1_000_000,
  tokensPerMinute: 1_000_000_000,
  monthlyBudgetUsd: 1_000_000,
};

/**
 * What the policy layer costs per call, keys off (the bootstrap admin key: no scope, limits or
 * budget, but usage, audit and metrics still written) vs keys on (a key with every check active),
 * measured two ways side by side:
 * - in process, around a stub upstream that answers at once, so only the policy step is timed
 *   (µs of wall time and of this process's CPU per call);
 * - end to end through a gateway process, alternating call by call, with the gateway's CPU per call.
 */
export async function policyOverhead(iterations: number): Promise<SuiteResult> {
  const inProcess = await measureInProcess(iterations * 10);
  const endToEnd = await measureEndToEnd(iterations);
  const on = inProcess.keysOn;
  const off = inProcess.keysOff;
  return {
    name: 'policy-overhead',
    description: `the policy step per call with keys off (admin) vs on (every check), ${iterations * 10} in-process calls each around an instant stub upstream, and ${iterations} alternating invoke calls each through a gateway process (its default SQLite store: keys, usage, audit and budget rows written per call)`,
    rows: [
      {
        metric: 'Policy step per call in process, keys off / keys on (wall µs)',
        value: `${off.wallUs} / ${on.wallUs} µs`,
        baseline: `raw client ${inProcess.raw.wallUs} µs`,
        verdict: on.wallUs - inProcess.raw.wallUs < 100 ? 'well under 0.1 ms' : 'over 0.1 ms',
      },
      {
        metric: 'Policy step per call in process, keys off / keys on (CPU µs)',
        value: `${off.cpuUs} / ${on.cpuUs} µs`,
        baseline: `raw client ${inProcess.raw.cpuUs} µs`,
        verdict: '',
      },
      {
        metric: 'invoke through the gateway, keys off / keys on, median / p99',
        value: `${endToEnd.off.medianMs} / ${endToEnd.off.p99Ms} ms vs ${endToEnd.on.medianMs} / ${endToEnd.on.p99Ms} ms`,
        baseline: 'keys off (admin key)',
        verdict: `keys on adds ${round(endToEnd.on.medianMs - endToEnd.off.medianMs)} ms at the median`,
      },
      ...(endToEnd.cpu === undefined
        ? []
        : [
            {
              metric: 'Gateway CPU per invoke, keys off / keys on',
              value: `${endToEnd.cpu.off} / ${endToEnd.cpu.on} ms`,
              baseline: 'keys off (admin key)',
              verdict: `keys on adds ${round(endToEnd.cpu.on - endToEnd.cpu.off)} ms of CPU`,
            },
          ]),
    ],
    details: { inProcess, endToEnd, iterations },
  };
}

/** The parts of the server's governance modules this suite calls. */
interface Authentication {
  readonly ok: boolean;
  readonly caller: unknown;
}
interface GovernanceModule {
  readonly createGovernance: (options: Record<string, unknown>) => {
    keys: {
      authenticate(authorization: string): Promise<Authentication>;
      create(input: typeof LIMITED_KEY): Promise<{ secret: string }>;
    };
    clients: { forScope(scope: { caller: unknown; requestId: string }): QuarryClient };
  };
}
interface MetricsModule {
  readonly createGatewayMetrics: (options: {
    processMetrics: boolean;
    activeStreams: () => number;
  }) => unknown;
}

interface StepCost {
  readonly wallUs: number;
  readonly cpuUs: number;
}

/** The server's own policy modules (built to apps/server/dist), around a stub that answers at once. */
async function measureInProcess(
  calls: number,
): Promise<{ raw: StepCost; keysOff: StepCost; keysOn: StepCost }> {
  // The server's build output, imported by path: it has no public entry (nothing imports the server).
  const governanceModule = '@quarry/server/dist/governance/governance.js';
  const metricsModule = '@quarry/server/dist/metrics/gateway-metrics.js';
  const { createGovernance } = (await import(governanceModule)) as GovernanceModule;
  const { createGatewayMetrics } = (await import(metricsModule)) as MetricsModule;
  const catalogSource = connectQuarryClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
  });
  const answer: InvokeResult = {
    text: 'hi',
    stopReason: 'end_turn',
    rawStopReason: 'end_turn',
    usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 },
    toolCalls: [],
    modelId: MODEL,
    baseModelId: MODEL,
    requestId: 'stub',
    latencyMs: 0,
    attempts: 1,
    cost: { inputUsd: 0, outputUsd: 0, totalUsd: 0.000001, priced: true },
  };
  const stub = { ...catalogSource, invoke: () => Promise.resolve(answer) } as QuarryClient;
  const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
  const governance = createGovernance({
    client: stub,
    adminKey: BENCH_ADMIN_KEY,
    allowOpen: false,
    redis: undefined,
    redisPrefix: 'bench:',
    workLimits: { invocations: 16, texts: 2048, images: 16 },
    metrics: createGatewayMetrics({ processMetrics: false, activeStreams: () => 0 }),
    logger: silent,
    now: Date.now,
  });
  const admin = await governance.keys.authenticate(`Bearer ${BENCH_ADMIN_KEY}`);
  const { secret } = await governance.keys.create(LIMITED_KEY);
  const limited = await governance.keys.authenticate(`Bearer ${secret}`);
  if (!admin.ok || !limited.ok) throw new Error('bench keys did not authenticate');
  const measure = async (call: () => Promise<unknown>): Promise<StepCost> => {
    for (let index = 0; index < 1_000; index++) await call();
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let index = 0; index < calls; index++) await call();
    const wall = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return { wallUs: round((wall * 1000) / calls, 2), cpuUs: round((used.user + used.system) / calls, 2) };
  };
  // A fresh governed client per call, as the gateway makes one per operation.
  const raw = await measure(() => stub.invoke(MODEL, REQUEST));
  const keysOff = await measure(() =>
    governance.clients.forScope({ caller: admin.caller, requestId: 'bench' }).invoke(MODEL, REQUEST),
  );
  const keysOn = await measure(() =>
    governance.clients.forScope({ caller: limited.caller, requestId: 'bench' }).invoke(MODEL, REQUEST),
  );
  catalogSource.close();
  return { raw, keysOff, keysOn };
}

async function measureEndToEnd(iterations: number) {
  const emulator = await startEmulatorProcess(0);
  const gateway = await startGatewayProcess(emulator.url, 1);
  pinSelf('1');
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  try {
    const created = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_ADMIN_KEY}` },
      body: JSON.stringify({
        query: `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
        variables: { input: LIMITED_KEY },
      }),
    });
    const secret = ((await created.json()) as { data: { createApiKey: { secret: string } } }).data
      .createApiKey.secret;
    const body = JSON.stringify({
      query: QUERY,
      variables: { input: { modelId: MODEL, prompt: 'Hello, gateway.', maxTokens: 32 } },
    });
    const off = jsonPoster(gateway.url, body, {
      agent,
      headers: { authorization: `Bearer ${BENCH_ADMIN_KEY}` },
      noGraphQLErrors: true,
    });
    const on = jsonPoster(gateway.url, body, {
      agent,
      headers: { authorization: `Bearer ${secret}` },
      noGraphQLErrors: true,
    });
    for (let index = 0; index < 300; index++) {
      await off();
      await on();
    }
    const samples = { off: [] as number[], on: [] as number[] };
    for (let index = 0; index < iterations; index++) {
      // Alternate the order so neither always runs right after the other warmed the path.
      if (index % 2 === 0) {
        samples.off.push(await timed(off));
        samples.on.push(await timed(on));
      } else {
        samples.on.push(await timed(on));
        samples.off.push(await timed(off));
      }
    }
    // CPU needs separate phases: the same process serves both kinds of call.
    const cpuOf = async (call: () => Promise<void>): Promise<number | undefined> => {
      const before = cpuSecondsOf(gateway.child.pid);
      for (let index = 0; index < iterations; index++) await call();
      const after = cpuSecondsOf(gateway.child.pid);
      return before === undefined || after === undefined
        ? undefined
        : round(((after - before) * 1000) / iterations);
    };
    const cpuOff1 = await cpuOf(off);
    const cpuOn1 = await cpuOf(on);
    const cpuOn2 = await cpuOf(on);
    const cpuOff2 = await cpuOf(off);
    const cpu =
      cpuOff1 === undefined || cpuOn1 === undefined || cpuOn2 === undefined || cpuOff2 === undefined
        ? undefined
        : { off: round((cpuOff1 + cpuOff2) / 2), on: round((cpuOn1 + cpuOn2) / 2) };
    return { off: summarize(samples.off), on: summarize(samples.on), cpu };
  } finally {
    unpinSelf();
    agent.destroy();
    await gateway.stop();
    await emulator.stop();
  }
}
