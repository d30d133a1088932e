import { connectQuarryClient, type ChatRequest } from '@quarry/core';
import { setTimeout as delay } from 'node:timers/promises';
import { profileGateway } from '../gateway-profile.js';
import { round } from '../measure.js';
import { pinSelf, rssBytesOf, startEmulatorProcess, startGatewayProcess, unpinSelf } from '../processes.js';
import type { Client } from 'graphql-ws';
import { openSocket, streamOverGateway, type StreamTimeline } from '../ws-streams.js';
import { verdict, type SuiteResult } from './suite-result.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';
const SUBSCRIPTIONS_PER_SOCKET = 25;

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/**
 * Concurrent `invokeStream` subscriptions on one gateway core at Claude-Haiku speed (the
 * emulator's realistic profile: 450 ms to the first token, then 110 tokens/s). The same streams
 * are first read straight from the emulator with the core client (the baseline timeline), then
 * through the gateway over graphql-ws; an event's lateness is its arrival after the stream's
 * start minus the baseline's median arrival of the same event. The gateway is pinned to core 1;
 * the emulator and this load generator share core 0. Memory: the gateway's RSS growth per open
 * stream, and per idle authenticated socket.
 */
export async function streamCapacity(
  streams: number,
  maxTokens: number,
  quick: boolean,
): Promise<SuiteResult> {
  const emulator = await startEmulatorProcess(0, 'realistic');
  const gatewayEnv = { QUARRY_MAX_STREAMS: String(streams + 50) };
  const gateway = await startGatewayProcess(emulator.url, 1, { env: gatewayEnv });
  pinSelf('0');
  const input = { modelId: MODEL, prompt: 'Tell me about the rivers of Europe.', maxTokens };
  const request: ChatRequest = { messages: [{ role: 'user', content: input.prompt }], maxTokens };
  const client = connectQuarryClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'b', secretAccessKey: 'b' },
    maxStreamSockets: streams,
  });
  const sockets: Awaited<ReturnType<typeof openSocket>>[] = [];
  try {
    // Baseline: the same streams read directly, all at once.
    const direct = await Promise.all(
      Array.from({ length: streams }, async (): Promise<StreamTimeline> => {
        const started = performance.now();
        const offsets: number[] = [];
        for await (const event of client.stream(MODEL, request)) {
          if (event.type === 'text-delta') offsets.push(performance.now() - started);
        }
        return { firstTokenMs: offsets[0] ?? Number.NaN, eventOffsetsMs: offsets };
      }),
    );
    for (let index = 0; index < Math.ceil(streams / SUBSCRIPTIONS_PER_SOCKET); index++) {
      sockets.push(await openSocket(gateway.url));
    }
    // Warm the gateway's path once, then measure memory and timelines under the full load.
    await streamOverGateway(sockets[0] as Client, { ...input, maxTokens: 5 });
    await delay(200);
    const rssBefore = rssBytesOf(gateway.child.pid) ?? Number.NaN;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, rssBytesOf(gateway.child.pid) ?? 0);
    }, 50);
    const viaGateway = await Promise.all(
      Array.from({ length: streams }, (_, index) =>
        streamOverGateway(sockets[Math.floor(index / SUBSCRIPTIONS_PER_SOCKET)] as Client, input),
      ),
    ).finally(() => {
      clearInterval(sampler);
    });

    // Memory per idle socket: open more authenticated sockets and let them sit.
    const idleCount = quick ? 20 : 200;
    await delay(300);
    const rssIdleBefore = rssBytesOf(gateway.child.pid) ?? Number.NaN;
    for (let index = 0; index < idleCount; index++) sockets.push(await openSocket(gateway.url));
    await delay(300);
    const rssIdleAfter = rssBytesOf(gateway.child.pid) ?? Number.NaN;

    const directTtftP99 = percentile(
      direct.map((timeline) => timeline.firstTokenMs),
      0.99,
    );
    const gatewayTtftP99 = percentile(
      viaGateway.map((timeline) => timeline.firstTokenMs),
      0.99,
    );
    const addedTtftP99 = round(gatewayTtftP99 - directTtftP99, 1);
    const events = Math.min(...direct.map((timeline) => timeline.eventOffsetsMs.length));
    const reference = Array.from({ length: events }, (_, k) =>
      percentile(
        direct.map((timeline) => timeline.eventOffsetsMs[k] ?? Number.NaN),
        0.5,
      ),
    );
    const lateness = viaGateway.flatMap((timeline) =>
      reference.map((expected, k) => (timeline.eventOffsetsMs[k] ?? Number.NaN) - expected),
    );
    const latenessP99 = round(percentile(lateness, 0.99), 1);
    const latenessMax = round(Math.max(...lateness), 1);
    const perStreamKb = round((rssPeak - rssBefore) / streams / 1024, 1);
    const perSocketKb = round((rssIdleAfter - rssIdleBefore) / idleCount / 1024, 1);
    const met = addedTtftP99 <= 5 && latenessMax <= 25;
    const profiles: string[] = [];
    if (!met && !quick) {
      profiles.push(
        ...(await profileGateway(
          `gateway under ${streams} streams`,
          emulator.url,
          1,
          { env: gatewayEnv },
          async (url) => {
            const profiled: Awaited<ReturnType<typeof openSocket>>[] = [];
            for (let index = 0; index < Math.ceil(streams / SUBSCRIPTIONS_PER_SOCKET); index++)
              profiled.push(await openSocket(url));
            await Promise.all(
              Array.from({ length: streams }, (_, index) =>
                streamOverGateway(profiled[Math.floor(index / SUBSCRIPTIONS_PER_SOCKET)] as Client, input),
              ),
            );
            for (const socket of profiled) await socket.dispose();
          },
        )),
      );
    }
    return {
      name: 'stream-capacity',
      description: `${streams} concurrent invokeStream subscriptions (${SUBSCRIPTIONS_PER_SOCKET} per graphql-ws socket, ${maxTokens} tokens each) at Claude-Haiku speed on one gateway core, against the same streams read directly with the core client`,
      rows: [
        {
          metric: `${streams} concurrent streams on one gateway core: added time to first token p99; event lateness p99 / max`,
          value: `+${addedTtftP99} ms; ${latenessP99} / ${latenessMax} ms`,
          baseline: `direct TTFT p99 ${round(directTtftP99, 1)} ms, gateway ${round(gatewayTtftP99, 1)} ms; ${events} events per stream`,
          verdict: verdict(met, 'TTFT p99 ≤ +5 ms, no event > 25 ms late'),
        },
        {
          metric: 'Gateway memory per open stream; per idle authenticated socket (RSS growth)',
          value: `${perStreamKb} KB; ${perSocketKb} KB`,
          baseline: `RSS ${round(rssBefore / 1048576, 1)} MB before, ${round(rssPeak / 1048576, 1)} MB at the peak of ${streams} streams; +${idleCount} idle sockets`,
          verdict: 'reported',
        },
      ],
      details: {
        streams,
        maxTokens,
        directTtftP99,
        gatewayTtftP99,
        latenessP99,
        latenessMax,
        perStreamKb,
        perSocketKb,
        rss: { before: rssBefore, peak: rssPeak, idleBefore: rssIdleBefore, idleAfter: rssIdleAfter },
      },
      profiles,
    };
  } finally {
    unpinSelf();
    for (const socket of sockets) await socket.dispose();
    client.close();
    await gateway.stop();
    await emulator.stop();
  }
}
