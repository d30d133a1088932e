import { InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDualProtocolServer } from '../src/http/dual-protocol-server.js';
import { createStatsRecorder } from '../src/http/emulator-stats.js';
import { BedrockHttpError, type EmulatorResponse } from '../src/http/emulator-request.js';
import { eventMessage } from '../src/http/event-stream-encoder.js';
import { startEmulator, type Emulator } from '../src/index.js';
import { runtimeClient } from './support/clients.js';
import { body, extraHeaders } from './support/sdk-helpers.js';
import { http1Request, http2Request, rawTcp, type RawResponse } from './support/raw-requests.js';

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const CLAUDE = JSON.stringify({
  anthropic_version: 'bedrock-2023-05-31',
  max_tokens: 20,
  messages: [{ role: 'user', content: 'Hi' }],
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'upgrade'];

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ latency: 'zero', maxBodyBytes: 64 * 1024 });
});
afterAll(async () => {
  await emulator.close();
});

const parse = (response: RawResponse): Record<string, unknown> =>
  JSON.parse(response.body) as Record<string, unknown>;

describe('transport', () => {
  it('serves HTTP/1.1 and cleartext HTTP/2 on the same port', async () => {
    for (const send of [http1Request, http2Request]) {
      const health = await send(emulator.url, { path: '/_emulator/health' });
      expect(health.status).toBe(200);
      expect(parse(health)).toEqual({ status: 'ok' });
    }
  });

  it('answers an unknown operation with 404 and the AWS error headers on both protocols', async () => {
    const ids = new Set<unknown>();
    for (const send of [http1Request, http2Request]) {
      const response = await send(emulator.url, { method: 'POST', path: '/no/such/operation', body: '{}' });
      expect(response.status).toBe(404);
      expect(response.headers['x-amzn-errortype']).toMatch(/^UnknownOperationException:/);
      expect(response.headers['x-amzn-requestid']).toMatch(UUID);
      expect(response.headers['date']).toMatch(/GMT$/);
      expect(response.headers['content-type']).toBe('application/json');
      expect(parse(response)).toEqual({ message: 'Unknown operation POST /no/such/operation.' });
      ids.add(response.headers['x-amzn-requestid']);
    }
    expect(ids.size).toBe(2);
  });

  it('counts unknown operations under one stats key, however many junk paths arrive', async () => {
    const counted = await startEmulator({ latency: 'zero' });
    try {
      for (let index = 0; index < 20; index++) {
        const send = index % 2 === 0 ? http1Request : http2Request;
        const response = await send(counted.url, { method: 'POST', path: `/junk-${index}/x`, body: '{}' });
        expect(response.status).toBe(404);
      }
      // A known first segment with an unknown method or shape is not an operation either.
      await http1Request(counted.url, { method: 'DELETE', path: '/foundation-models' });
      await http1Request(counted.url, { path: '/model/x/not-an-action' });
      expect((await http1Request(counted.url, { path: '/foundation-models' })).status).toBe(200);
      const { byOperation, byStatus } = counted.stats.snapshot();
      expect(byOperation).toEqual({ unknown: 22, 'GET /foundation-models': 1 });
      expect(byStatus).toEqual({ '404': 22, '200': 1 });
    } finally {
      await counted.close();
    }
  });

  it('never sends hop-by-hop headers over HTTP/2, even on event streams', async () => {
    const response = await http2Request(emulator.url, {
      method: 'POST',
      path: `/model/${encodeURIComponent(HAIKU)}/invoke-with-response-stream`,
      headers: { 'content-type': 'application/json' },
      body: CLAUDE,
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.amazon.eventstream');
    for (const name of HOP_BY_HOP) expect(response.headers).not.toHaveProperty(name);
  });

  it('routes raw and percent-encoded IDs and ARNs, with Bearer or no auth', async () => {
    const arn = `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.${HAIKU}`;
    const paths = [
      `/model/${HAIKU}/invoke`,
      `/model/${encodeURIComponent(HAIKU)}/invoke`,
      `/model/${encodeURIComponent(arn)}/invoke`,
    ];
    for (const path of paths) {
      const response = await http1Request(emulator.url, {
        method: 'POST',
        path,
        headers: { authorization: 'Bearer my-api-key' },
        body: CLAUDE,
      });
      expect(response.status, path).toBe(200);
      expect(response.headers['x-amzn-bedrock-output-token-count']).toMatch(/^\d+$/);
    }
    const bad = await http1Request(emulator.url, {
      method: 'POST',
      path: '/model/%E0%A4%A/invoke',
      body: CLAUDE,
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['x-amzn-errortype']).toMatch(/^ValidationException/);
  });

  it('reads the region from the SigV4 credential scope', async () => {
    const sd3 = {
      method: 'POST',
      path: '/model/stability.sd3-5-large-v1%3A0/invoke',
      body: JSON.stringify({ prompt: 'a cat', aspect_ratio: '1:1' }),
    };
    const signed =
      'AWS4-HMAC-SHA256 Credential=AKID/20250101/us-west-2/bedrock/aws4_request, SignedHeaders=host, Signature=00';
    expect((await http1Request(emulator.url, { ...sd3, headers: { authorization: signed } })).status).toBe(
      200,
    );
    const unsigned = await http1Request(emulator.url, sd3);
    expect(unsigned.status).toBe(400);
    expect(parse(unsigned)).toEqual({ message: 'The provided model identifier is invalid.' });
  });

  it('answers malformed bodies like Bedrock and keeps serving', async () => {
    const path = `/model/${HAIKU}/invoke`;
    const cases: [string, string][] = [
      ['{not json', 'Malformed input request: #: expected type: JSONObject'],
      ['[]', 'Malformed input request: #: expected type: JSONObject, found: JSONArray'],
      [
        JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', messages: [] }),
        'Malformed input request: #: required key [max_tokens] not found#/messages: expected minimum item count: 1, found: 0, please reformat your input and try again.',
      ],
      [
        JSON.stringify({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 'ten',
          model: 'claude',
          messages: [{ role: 'user', content: 'x' }],
        }),
        '#/max_tokens: expected type: Number, found: String#: extraneous key [model] is not permitted',
      ],
      [
        JSON.stringify({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 5,
          stream: true,
          messages: [{ role: 'user', content: 'x' }],
        }),
        '#: extraneous key [stream] is not permitted',
      ],
    ];
    for (const [payload, message] of cases) {
      const response = await http1Request(emulator.url, { method: 'POST', path, body: payload });
      expect(response.status).toBe(400);
      expect(response.headers['x-amzn-errortype']).toMatch(/^ValidationException/);
      expect(String(parse(response)['message'])).toContain(message);
    }
    expect(await rawTcp(emulator.url, 'GARBAGE NOT HTTP\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect(await rawTcp(emulator.url, 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\nnot frames at all')).toBeTypeOf(
      'string',
    );
    expect((await http2Request(emulator.url, { method: 'POST', path, body: CLAUDE })).status).toBe(200);
  });

  it('refuses bodies over the size limit with ValidationException', async () => {
    const response = await http1Request(emulator.url, {
      method: 'POST',
      path: `/model/${HAIKU}/invoke`,
      body: Buffer.alloc(100 * 1024, 0x20),
    });
    expect(response.status).toBe(400);
    expect(String(parse(response)['message'])).toContain('larger than');
    expect((await http1Request(emulator.url, { path: '/_emulator/health' })).status).toBe(200);
  });

  it('closes promptly with a stream stalled open', async () => {
    const local = await startEmulator({ latency: 'zero' });
    const client = runtimeClient(local.url);
    extraHeaders(client)['x-quarry-fault'] = 'stall;after=1';
    const output = await client.send(
      new InvokeModelWithResponseStreamCommand({ modelId: HAIKU, body: body(JSON.parse(CLAUDE)) }),
    );
    const drained = (async () => {
      for await (const event of output.body ?? []) expect(event).toBeDefined();
    })().catch(() => 'ended with an error');
    const started = performance.now();
    await local.close();
    await drained;
    expect(performance.now() - started).toBeLessThan(1000);
    client.destroy();
  });
});

describe('error handling', () => {
  it('turns handler bugs into 500 InternalServerException and keeps serving', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const server = createDualProtocolServer({
      stats: createStatsRecorder(),
      onInternalError: (error) => errors.push(error),
      handler: (request) => {
        calls++;
        if (request.segments[0] === 'bug') throw new TypeError('handler bug');
        if (request.segments[0] === 'late-bug') {
          const response: EmulatorResponse = {
            kind: 'event-stream',
            messages: (async function* () {
              yield await Promise.resolve(eventMessage('chunk', { bytes: '' }));
              throw new TypeError('stream bug');
            })(),
          };
          return Promise.resolve(response);
        }
        if (request.segments[0] === 'teapot')
          throw new BedrockHttpError(418, 'TeapotException', 'short and stout', { spout: true });
        return Promise.resolve({ kind: 'json', status: 200, body: { ok: true } });
      },
    });
    const port = await server.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    try {
      for (const send of [http1Request, http2Request]) {
        const bug = await send(url, { path: '/bug' });
        expect(bug.status).toBe(500);
        expect(bug.headers['x-amzn-errortype']).toMatch(/^InternalServerException/);
        const teapot = await send(url, { path: '/teapot' });
        expect(teapot.status).toBe(418);
        expect(parse(teapot)).toEqual({ spout: true, message: 'short and stout' });
        const late = await send(url, { path: '/late-bug' });
        expect(late.status).toBe(200);
        expect(late.body).toContain('internalServerException');
        expect((await send(url, { path: '/fine' })).status).toBe(200);
      }
      expect(calls).toBe(8);
      expect(errors).toHaveLength(4);
    } finally {
      await server.close();
    }
  });
});
