import {
  createBedrockClients,
  createModelCatalog,
  createQuarryClient,
  defaultCodecRegistry,
} from '@quarry/core';
import { Agent } from 'node:http';
import { request } from 'node:http';
import { round, summarize, timed } from '../measure.js';
import { BENCH_ADMIN_KEY, startEmulatorProcess, startGatewayProcess } from '../processes.js';
import type { SuiteResult } from './suite-result.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const QUERY = `mutation ($input: InvokeInput!) { invoke(input: $input) { text stopReason usage { inputTokens outputTokens totalTokens } latencyMs } }`;

/**
 * Latency the gateway adds to `invoke`: the same call made directly with the core client and
 * through the gateway (its own process, default config) to one emulator process, alternating
 * one by one so both see the same machine state.
 */
export async function gatewayOverhead(iterations: number): Promise<SuiteResult> {
  const emulator = await startEmulatorProcess();
  const gateway = await startGatewayProcess(emulator.url);
  const bedrock = createBedrockClients({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
  });
  const client = createQuarryClient({
    runtime: bedrock.runtime,
    control: bedrock.control,
    region: bedrock.region,
    catalog: createModelCatalog(),
    codecs: defaultCodecRegistry(),
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 4 });
  const body = JSON.stringify({
    query: QUERY,
    variables: { input: { modelId: MODEL, prompt: 'Hello, gateway.', maxTokens: 32 } },
  });
  const viaGateway = () =>
    new Promise<void>((resolve, reject) => {
      const outgoing = request(
        gateway.url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${BENCH_ADMIN_KEY}`,
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            if (response.statusCode === 200 && !text.includes('"errors"')) resolve();
            else reject(new Error(`gateway answered ${String(response.statusCode)}: ${text.slice(0, 200)}`));
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  const direct = () =>
    client.invoke(MODEL, { messages: [{ role: 'user', content: 'Hello, gateway.' }], maxTokens: 32 });
  try {
    for (let index = 0; index < 300; index++) {
      await direct();
      await viaGateway();
    }
    const directSamples: number[] = [];
    const gatewaySamples: number[] = [];
    for (let index = 0; index < iterations; index++) {
      // Alternate which goes first so neither always runs on a just-warmed path.
      if (index % 2 === 0) {
        directSamples.push(await timed(direct));
        gatewaySamples.push(await timed(viaGateway));
      } else {
        gatewaySamples.push(await timed(viaGateway));
        directSamples.push(await timed(direct));
      }
    }
    const directSummary = summarize(directSamples);
    const gatewaySummary = summarize(gatewaySamples);
    const addedMedian = round(gatewaySummary.medianMs - directSummary.medianMs);
    const addedP99 = round(gatewaySummary.p99Ms - directSummary.p99Ms);
    return {
      name: 'gateway-overhead',
      description: `invoke through the gateway vs the core client directly, ${iterations} alternating sequential calls, zero-latency emulator`,
      rows: [
        {
          metric: 'Gateway added latency, median',
          value: `${addedMedian} ms`,
          baseline: `direct ${directSummary.medianMs} ms, gateway ${gatewaySummary.medianMs} ms`,
          verdict: addedMedian < 1 ? 'well under 1 ms' : 'over 1 ms',
        },
        {
          metric: 'Gateway added latency, p99',
          value: `${addedP99} ms`,
          baseline: `direct ${directSummary.p99Ms} ms, gateway ${gatewaySummary.p99Ms} ms`,
          verdict: '',
        },
      ],
      details: {
        direct: directSummary,
        gateway: gatewaySummary,
        addedMedianMs: addedMedian,
        addedP99Ms: addedP99,
      },
    };
  } finally {
    agent.destroy();
    bedrock.destroy();
    await gateway.stop();
    await emulator.stop();
  }
}
