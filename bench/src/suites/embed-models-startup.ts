import { Agent } from 'node:http';
import { profileGateway } from '../gateway-profile.js';
import { jsonPoster } from '../http-post.js';
import { median, quantile, round, throughput } from '../measure.js';
import {
  BENCH_ADMIN_KEY,
  cpuMsOf,
  pinSelf,
  startEmulatorProcess,
  startGatewayProcess,
  unpinSelf,
} from '../processes.js';
import { ratio, verdict, type SuiteResult } from './suite-result.js';

const EMBED_MODEL = 'cohere.embed-english-v3'; // 1,024 dimensions, 96 texts per Bedrock call
/**
 * Long texts (under 2,000 characters, Cohere's limit is 2,048) of varied five-letter words, so the
 * emulator's feature-hashed vectors fill about 80% of their dimensions as real (dense) embeddings
 * do: short texts give mostly-zero vectors whose `values` JSON is a fraction of a real answer's.
 */
const TEXTS = Array.from({ length: 96 }, (_, index) =>
  Array.from({ length: 330 }, (_, word) => fiveLetters(index * 7_919 + word * 104_729)).join(' '),
);
const embedQuery = (selection: string) =>
  JSON.stringify({
    query: `mutation ($input: EmbedInput!) { embed(input: $input) { embeddings { index ${selection} } } }`,
    variables: { input: { modelId: EMBED_MODEL, texts: TEXTS } },
  });
const MODELS_QUERY = JSON.stringify({ query: '{ models { modelId modelName providerName contextWindow } }' });
const AUTH = { authorization: `Bearer ${BENCH_ADMIN_KEY}` };

/**
 * - `embed` of 96 texts × 1,024 dims: gateway CPU per call selecting `values` (a JSON array of
 *   floats) vs `base64` (little-endian float32), in interleaved blocks (cpuPerCallInRounds). Both
 *   include the same upstream call; the format's own cost is each figure minus a call selecting
 *   `dimensions` only.
 * - `models`: requests/s on one gateway core (16 in flight; the catalog answer is cached).
 * - Cold start: from spawning the gateway process to its first answered GraphQL request.
 * The gateway is pinned to core 1; the emulator and this process to core 0.
 */
export async function embedModelsStartup(
  calls: number,
  modelsMs: number,
  quick: boolean,
): Promise<SuiteResult> {
  const emulator = await startEmulatorProcess(0);
  const coldSpawn = performance.now();
  const gateway = await startGatewayProcess(emulator.url, 1);
  pinSelf('0');
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  try {
    // Cold start: the very first GraphQL answer of a fresh process.
    await jsonPoster(gateway.url, MODELS_QUERY, { agent, headers: AUTH, noGraphQLErrors: true })();
    const coldStartMs = round(performance.now() - coldSpawn, 0);

    const posters = {
      values: jsonPoster(gateway.url, embedQuery('values'), { agent, headers: AUTH, noGraphQLErrors: true }),
      base64: jsonPoster(gateway.url, embedQuery('base64'), { agent, headers: AUTH, noGraphQLErrors: true }),
      none: jsonPoster(gateway.url, embedQuery('dimensions'), {
        agent,
        headers: AUTH,
        noGraphQLErrors: true,
      }),
    };
    for (let index = 0; index < 20; index++) for (const post of Object.values(posters)) await post();
    const rounds = await cpuPerCallInRounds(gateway.child.pid, posters, calls);
    // Medians over rounds: other work on the 2 cores inflates whole blocks now and then, and a
    // format's cost is a small difference of two larger figures; a median of paired differences
    // (each round's blocks ran side by side) is not moved by a few inflated blocks as a mean is.
    const perCall = {
      values: round(median(rounds.map((sample) => sample.values))),
      base64: round(median(rounds.map((sample) => sample.base64))),
      none: round(median(rounds.map((sample) => sample.none))),
    };
    const base64Costs = rounds.map((sample) => sample.base64 - sample.none);
    const formatValues = Math.max(0.01, median(rounds.map((sample) => sample.values - sample.none)));
    const formatBase64 = Math.max(0.01, median(base64Costs));
    const formatRatio = round(formatValues / formatBase64, 1);
    // How far the rounds disagree on base64's small cost: the ratio is only as firm as this.
    const base64Spread = [round(quantile(base64Costs, 0.25)), round(quantile(base64Costs, 0.75))];
    const meanPerCall = {
      values: round(mean(rounds.map((sample) => sample.values))),
      base64: round(mean(rounds.map((sample) => sample.base64))),
      none: round(mean(rounds.map((sample) => sample.none))),
    };

    const models = jsonPoster(gateway.url, MODELS_QUERY, { agent, headers: AUTH, noGraphQLErrors: true });
    await throughput(models, { concurrency: 16, durationMs: 300 });
    const cpuBefore = cpuMsOf(gateway.child.pid) ?? Number.NaN;
    const modelsRun = await throughput(models, { concurrency: 16, durationMs: modelsMs });
    const modelsCpuMs = ((cpuMsOf(gateway.child.pid) ?? Number.NaN) - cpuBefore) / modelsRun.calls;
    // Per core: what one core of gateway CPU serves (the load generator may cap the measured rate).
    const modelsPerCore = round(1000 / modelsCpuMs, 0);
    const profiles: string[] = [];
    if (formatRatio < 10 && !quick) {
      profiles.push(
        ...(await profileGateway('gateway embedding as base64', emulator.url, 1, {}, async (url) => {
          const post = jsonPoster(url, embedQuery('base64'), { agent, headers: AUTH, noGraphQLErrors: true });
          for (let index = 0; index < 150; index++) await post();
        })),
      );
    }
    if (modelsPerCore < 3_000 && !quick) {
      profiles.push(
        ...(await profileGateway('gateway answering models', emulator.url, 1, {}, async (url) => {
          await throughput(jsonPoster(url, MODELS_QUERY, { agent, headers: AUTH, noGraphQLErrors: true }), {
            concurrency: 16,
            durationMs: modelsMs,
          });
        })),
      );
    }
    return {
      name: 'embed-models-startup',
      description: `embed (96 texts × 1,024 dims, ${EMBED_MODEL}, ${calls} calls per selection in ${rounds.length} rounds of blocks of ${Math.min(BLOCK, calls)} calls, each priced once the gateway went idle after it, medians over rounds), models (16 in flight, ${modelsMs} ms) and cold start of the gateway; gateway on core 1`,
      rows: [
        {
          metric:
            'embed 96 × 1,024: gateway CPU per call selecting `values` vs `base64` (format cost over selecting `dimensions` only)',
          value: `values ${perCall.values} ms vs base64 ${perCall.base64} ms; format cost ${round(formatValues)} vs ${round(formatBase64)} ms (base64's middle half of rounds ${base64Spread.join('–')} ms)`,
          baseline: `dimensions only ${perCall.none} ms; whole call ${ratio(perCall.values, perCall.base64)}`,
          // A quick run's single round is one pair of blocks in one order: its ratio can come out
          // at anything (base64 below dimensions-only, thousands ×), so it is printed, not judged.
          verdict:
            rounds.length >= ORDERS
              ? verdict(formatRatio >= 10, `base64 ≥ 10× cheaper (format cost ${formatRatio}×)`)
              : `not judged: ${rounds.length} round(s), fewer than one per order (${ORDERS})`,
        },
        {
          metric: '`models` requests/s per gateway core (16 in flight)',
          value: `${modelsPerCore}/s`,
          baseline: `${modelsRun.callsPerSecond}/s measured, ${round(modelsCpuMs, 3)} ms CPU per request; ${modelsRun.failures} failures`,
          verdict: verdict(modelsPerCore >= 3_000, '≥ 3,000/s per core'),
        },
        {
          metric: 'Cold start: process spawn to the first answered GraphQL request (URL upstream)',
          value: `${coldStartMs} ms`,
          baseline: `/health answered after ${round(gateway.startedInMs, 0)} ms`,
          verdict: verdict(coldStartMs <= 1_000, '≤ 1 s'),
        },
      ],
      details: {
        embedCpuMsPerCall: perCall,
        embedCpuMsPerCallMean: meanPerCall,
        formatRatio,
        formatCostMs: { values: round(formatValues), base64: round(formatBase64) },
        base64FormatCostInterquartileMs: base64Spread,
        models: { ...modelsRun, cpuMsPerRequest: modelsCpuMs },
        coldStartMs,
      },
      profiles,
    };
  } finally {
    unpinSelf();
    agent.destroy();
    await gateway.stop();
    await emulator.stop();
  }
}

/**
 * Calls per block of cpuPerCallInRounds: short enough that the posters interleave finely (load
 * from other processes hits them alike) and a full run has rounds enough for a median. The first
 * call of a block costs no more than the others once blocks start settled (measured), so none is
 * discarded.
 */
const BLOCK = 5;

/** Orders of the three selections' blocks (3!): a round runs one of them. */
const ORDERS = 6;

/** settle: the gateway counts as idle once its threads ran less than this in a window... */
const IDLE_MS = 0.05;
/** ...of this length, */
const IDLE_WINDOW_MS = 5;
/** and a block waits for that at most this many windows (a timer or other traffic may never let it). */
const MAX_IDLE_WINDOWS = 20;

/**
 * Gateway CPU per call of each poster, in ms, one sample per round: in a round every poster runs
 * a block of BLOCK sequential calls, in every order in turn across rounds. Each block is priced
 * from the scheduler's counters (cpuMsOf: every thread of the process, so the GC's helper
 * threads count as server CPU, as they do for capacity), exact to the microsecond rather than to
 * the 10 ms tick of /proc/<pid>/stat, so short blocks can be priced.
 * A block's price is read only once the gateway has gone idle after it (settle): a `values`
 * answer leaves work that runs after its last call returns (concurrent marking and sweeping,
 * freeing its ≈2 MB strings), which otherwise lands in whichever block runs next and moves the
 * paired difference of the two cheap selections by a few ms depending on the order.
 */
async function cpuPerCallInRounds<Name extends string>(
  pid: number | undefined,
  posters: Readonly<Record<Name, () => Promise<void>>>,
  calls: number,
): Promise<Record<Name, number>[]> {
  const orders = permutations(Object.keys(posters) as Name[]);
  const rounds: Record<Name, number>[] = [];
  await settle(pid);
  for (let round = 0; round * BLOCK < calls; round++) {
    const block = Math.min(BLOCK, calls - round * BLOCK);
    const sample = {} as Record<Name, number>;
    for (const name of orders[round % orders.length] ?? []) {
      const post = posters[name];
      const before = cpuMsOf(pid) ?? Number.NaN;
      for (let call = 0; call < block; call++) await post();
      await settle(pid);
      sample[name] = ((cpuMsOf(pid) ?? Number.NaN) - before) / block;
    }
    rounds.push(sample);
  }
  return rounds;
}

/** Resolves once process `pid` has been idle for a window (at most MAX_IDLE_WINDOWS windows). */
async function settle(pid: number | undefined): Promise<void> {
  let last = cpuMsOf(pid) ?? Number.NaN;
  for (let window = 0; window < MAX_IDLE_WINDOWS; window++) {
    await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS));
    const now = cpuMsOf(pid) ?? Number.NaN;
    if (!(now - last >= IDLE_MS)) return;
    last = now;
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

/** Every ordering of `items`. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) =>
    permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
  );
}

/** A deterministic five-letter word for `seed`. */
function fiveLetters(seed: number): string {
  let word = '';
  let rest = seed;
  for (let letter = 0; letter < 5; letter++) {
    word += String.fromCharCode(97 + (rest % 26));
    rest = Math.floor(rest / 26) + 7 * letter + 3;
  }
  return word;
}
