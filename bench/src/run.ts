// `pnpm bench`: runs every suite and writes bench/results/<suite>.json plus bench/results/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { clientVsSdk } from './suites/client-vs-sdk.js';
import { emulatorThroughput } from './suites/emulator-throughput.js';
import { gatewayOverhead } from './suites/gateway-overhead.js';
import { policyOverhead } from './suites/policy-overhead.js';
import type { SuiteResult } from './suites/suite-result.js';

// QUARRY_BENCH_QUICK=1 shortens every suite (smoke runs); the committed results use the defaults.
const quick = process.env['QUARRY_BENCH_QUICK'] === '1';
const resultsDir = new URL('../results/', import.meta.url);

async function main(): Promise<void> {
  const machine = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    date: new Date().toISOString(),
  };
  const suites: SuiteResult[] = [];
  suites.push(await emulatorThroughput(quick ? 500 : 2_000, quick ? 2 : 5));
  suites.push(await clientVsSdk(quick ? 500 : 2_000, quick ? 1 : 3));
  suites.push(await gatewayOverhead(quick ? 300 : 2_000));
  suites.push(await policyOverhead(quick ? 300 : 2_000));

  mkdirSync(resultsDir, { recursive: true });
  for (const suite of suites) {
    writeFileSync(
      new URL(`${suite.name}.json`, resultsDir),
      `${JSON.stringify({ ...suite, machine }, null, 2)}\n`,
    );
  }
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`pnpm bench\` on ${machine.date} (${machine.cpu}, ${machine.cores} cores, Node ${machine.node})${quick ? ', quick mode' : ''}.`,
    'Every number is measured side by side with its baseline in the same run.',
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
  ];
  writeFileSync(new URL('README.md', resultsDir), lines.join('\n'));
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
