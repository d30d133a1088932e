import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type GatewayHarness } from './support/gateway-harness.js';

let gateway: GatewayHarness;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(async () => {
  await gateway.close();
});

const QUERY = 'query ($id: ID!) { model(id: $id) { modelId providerName } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');

/** An Automatic Persisted Query request: only the hash, or the hash plus the text to register. */
async function apq(withQuery: boolean): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...(withQuery && { query: QUERY }),
      variables: { id: 'anthropic.claude-3-haiku-20240307-v1:0' },
      extensions: { persistedQuery: { version: 1, sha256Hash: HASH } },
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('automatic persisted queries over HTTP (README "Send variables, persist documents")', () => {
  it('asks for the document once, then serves the hash alone', async () => {
    const unknown = await apq(false);
    expect(JSON.stringify(unknown.body['errors'])).toContain('PERSISTED_QUERY_NOT_FOUND');
    const registered = await apq(true);
    expect(registered.body).toEqual({
      data: { model: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0', providerName: 'Anthropic' } },
    });
    const byHash = await apq(false);
    expect(byHash.body).toEqual(registered.body);
  });
});
