// `pnpm bench`: runs every suite and writes bench/results/<suite>.json plus bench/results/README.md.
// `pnpm bench:quick` (QUARRY_BENCH_QUICK=1, part of `pnpm test`): the issue-12 targets only, short
// runs, results printed and not written; it gates on nothing but the suites running at all.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { clientVsSdk } from './suites/client-vs-sdk.js';
import { embedModelsStartup } from './suites/embed-models-startup.js';
import { emulatorThroughput } from './suites/emulator-throughput.js';
import { gatewayOverhead } from './suites/gateway-overhead.js';
import { policyOverhead } from './suites/policy-overhead.js';
import { gatewayThroughput } from './suites/gateway-throughput.js';
import { streamCapacity } from './suites/stream-capacity.js';
import type { SuiteResult } from './suites/suite-result.js';

const quick = process.env['QUARRY_BENCH_QUICK'] === '1';
const resultsDir = new URL('../results/', import.meta.url);

async function main(): Promise<void> {
  const started = performance.now();
  const machine = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    date: new Date().toISOString(),
    // Other work on the machine skews every absolute number; ratios measured side by side hold up better.
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
  };
  const suites: SuiteResult[] = [];
  const run = async (suite: () => Promise<SuiteResult>): Promise<void> => {
    const result = await suite();
    suites.push(result);
    if (quick)
      for (const row of result.rows)
        console.log(`${result.name}: ${row.metric}: ${row.value} | ${row.baseline} | ${row.verdict}`);
  };
  if (!quick) {
    await run(() => emulatorThroughput(2_000, 5));
    await run(() => clientVsSdk(2_000, 3));
    await run(() => policyOverhead(2_000));
  }
  await run(() => gatewayOverhead(quick ? 150 : 2_000, quick));
  await run(() => gatewayThroughput(quick ? 500 : 3_000, quick ? 1 : 3));
  await run(() => streamCapacity(quick ? 20 : 300, quick ? 20 : 100, quick));
  await run(() => embedModelsStartup(quick ? 5 : 300, quick ? 500 : 3_000, quick));
  const loadAtEnd = loadavg().map((value) => Math.round(value * 100) / 100);
  const seconds = Math.round((performance.now() - started) / 1000);
  if (quick) {
    console.log(
      `bench:quick ran ${suites.length} suites in ${seconds} s (load average ${machine.loadAverageAtStart.join(', ')} → ${loadAtEnd.join(', ')}); it gates on none of the targets.`,
    );
    return;
  }

  mkdirSync(resultsDir, { recursive: true });
  for (const suite of suites) {
    writeFileSync(
      new URL(`${suite.name}.json`, resultsDir),
      `${JSON.stringify({ ...suite, machine: { ...machine, loadAverageAtEnd: loadAtEnd } }, null, 2)}\n`,
    );
  }
  const profiles = suites.flatMap((suite) => suite.profiles ?? []);
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`pnpm bench\` on ${machine.date} (${machine.cpu}, ${machine.cores} cores, Node ${machine.node}) in ${seconds} s.`,
    `Load average (1/5/15 min) ${machine.loadAverageAtStart.join(' / ')} at the start and ${loadAtEnd.join(' / ')} at the end: other work on the machine skews absolute numbers; ratios are measured side by side in the same run.`,
    '',
    '| suite | metric | value | baseline | verdict |',
    '| --- | --- | --- | --- | --- |',
    ...suites.flatMap((suite) =>
      suite.rows.map(
        (row) => `| ${suite.name} | ${row.metric} | ${row.value} | ${row.baseline} | ${row.verdict} |`,
      ),
    ),
    '',
    ...suites.map((suite) => `- **${suite.name}**: ${suite.description}.`),
    '',
    ...(profiles.length === 0
      ? []
      : [
          '## Profiles of missed targets',
          '',
          '`node --cpu-prof` of a fresh gateway under the same load; self time.',
          '',
          ...profiles,
        ]),
  ];
  writeFileSync(new URL('README.md', resultsDir), lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
