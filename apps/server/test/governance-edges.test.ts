import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEntry, verifyChain, type AuditRecord } from '../src/governance/audit-chain.js';
import { startGateway, subscribeAll, type GatewayHarness } from './support/gateway-harness.js';
import {
  ADMIN,
  bearer,
  codeOf,
  createKey,
  INVOKE,
  STREAM,
  TEXT_MODEL,
} from './support/governance-helpers.js';

describe('audit, metrics and HTTP edges', () => {
  let gateway: GatewayHarness;
  beforeAll(async () => {
    gateway = await startGateway({
      server: { adminKey: ADMIN, allowOpen: false, corsOrigins: ['https://app.example.com'] },
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('audits calls, refusals and admin actions in a chain that verifies', async () => {
    const key = await createKey(gateway, { name: 'audited', models: [TEXT_MODEL] });
    await gateway.gql(
      INVOKE,
      { model: TEXT_MODEL },
      { ...bearer(key.secret), 'x-request-id': 'req-audit-1' },
    );
    await gateway.gql(INVOKE, { model: 'meta.llama3-8b-instruct-v1:0' }, bearer(key.secret));
    await subscribeAll(gateway.ws(bearer(key.secret)), STREAM, { model: TEXT_MODEL, max: 5 });
    const { body } = await gateway.gql<{ auditLog: { entries: AuditView[]; nextCursor: string | null } }>(
      `{ auditLog(first: 500) { entries { id at keyId keyName operation modelId region requestId upstreamRequestId
          inputTokens outputTokens costUsd outcome errorCode detail hash prevHash } nextCursor } }`,
      undefined,
      bearer(ADMIN),
    );
    const entries = body.data?.auditLog.entries ?? [];
    const [stream, refused, invoked, created] = entries;
    expect(created).toMatchObject({ operation: 'createApiKey', keyId: 'admin', outcome: 'ok' });
    expect(invoked).toMatchObject({
      operation: 'invoke',
      keyId: key.id,
      keyName: 'audited',
      modelId: TEXT_MODEL,
      region: 'us-east-1',
      requestId: 'req-audit-1',
      outcome: 'ok',
    });
    expect(invoked?.upstreamRequestId).toEqual(expect.any(String));
    expect(invoked?.inputTokens).toBeGreaterThan(0);
    expect(refused).toMatchObject({ operation: 'invoke', outcome: 'refused', errorCode: 'FORBIDDEN' });
    expect(stream).toMatchObject({ operation: 'stream', outcome: 'ok', keyId: key.id });
    // The chain as the API shows it verifies; changing one field of one row breaks it.
    const chain = [...entries].reverse().map(toRecord);
    expect(await verifyChain(chain)).toMatchObject({ ok: true, entries: entries.length });
    const edited = chain.map((row) => (row.seq === 2 ? { ...row, outputTokens: 1 } : row));
    expect(await verifyChain(edited)).toMatchObject({ ok: false, seq: 2 });
    const deleted = chain.filter((row) => row.seq !== 2);
    expect(await verifyChain(deleted)).toMatchObject({ ok: false, seq: 3 });
  });

  it('pages the audit log newest first', async () => {
    const first = await gateway.gql<{ auditLog: { entries: { id: string }[]; nextCursor: string | null } }>(
      `{ auditLog(first: 2) { entries { id } nextCursor } }`,
      undefined,
      bearer(ADMIN),
    );
    const page = first.body.data?.auditLog;
    expect(page?.entries).toHaveLength(2);
    expect(Number(page?.entries[0]?.id)).toBeGreaterThan(Number(page?.entries[1]?.id));
    const next = await gateway.gql<{ auditLog: { entries: { id: string }[] } }>(
      `query ($after: String) { auditLog(first: 2, after: $after) { entries { id } } }`,
      { after: page?.nextCursor },
      bearer(ADMIN),
    );
    expect(Number(next.body.data?.auditLog.entries[0]?.id)).toBe(Number(page?.entries[1]?.id) - 1);
  });

  it('counts what happened in GET /metrics', async () => {
    const key = await createKey(gateway, { name: 'metered', requestsPerMinute: 2 });
    for (let index = 0; index < 3; index++)
      await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
    const response = await fetch(gateway.url.replace('/graphql', '/metrics'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const value = (pattern: RegExp): number => Number(pattern.exec(text)?.[1] ?? Number.NaN);
    expect(
      value(/quarry_graphql_operations_total\{field="invoke",code="RATE_LIMITED"\} (\d+)/),
    ).toBeGreaterThanOrEqual(1);
    expect(value(/quarry_policy_refusals_total\{code="RATE_LIMITED"\} (\d+)/)).toBeGreaterThanOrEqual(1);
    expect(
      value(
        /quarry_upstream_calls_total\{operation="invoke",model="amazon.titan-text-lite-v1",code="OK"\} (\d+)/,
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(
      value(/quarry_tokens_total\{model="amazon.titan-text-lite-v1",direction="output"\} (\d+)/),
    ).toBeGreaterThan(0);
    expect(text).toContain('quarry_upstream_call_seconds_bucket');
    expect(text).toContain('quarry_active_sockets');
    expect(value(/quarry_http_requests_total\{status="401"\} (\d+)/)).toBeNaN();
    await gateway.gql(`{ me { id } }`);
    const after = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
    expect(/quarry_http_requests_total\{status="401"\} (\d+)/.exec(after)?.[1]).toBe('1');
  });

  it('echoes the caller’s x-request-id and makes one up otherwise', async () => {
    const given = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'abc-123', ...bearer(ADMIN) },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id with spaces', ...bearer(ADMIN) },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves GET queries that carry a bearer header (urql, useGETForQueries)', async () => {
    const query = encodeURIComponent('{ me { id } }');
    const response = await fetch(`${gateway.url}?query=${query}`, { headers: bearer(ADMIN) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { me: { id: string } } }).data.me.id).toBe('admin');
  });

  it('allows only the configured CORS origins', async () => {
    const allowed = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const other = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('an emulator-backed gateway without keys', () => {
  let gateway: GatewayHarness;
  beforeAll(async () => {
    gateway = await startGateway();
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('runs open until the first key exists, then requires keys', async () => {
    const open = await gateway.gql<{ me: { id: string } }>(`{ me { id } }`);
    expect(open.body.data?.me.id).toBe('admin');
    const { body } = await gateway.gql<{ createApiKey: { secret: string } }>(
      `mutation { createApiKey(input: { name: "first", operations: [ADMIN] }) { secret } }`,
    );
    const secret = body.data?.createApiKey.secret ?? '';
    const closed = await gateway.gql(`{ me { id } }`);
    expect(closed.status).toBe(401);
    expect(codeOf(closed.body.errors)).toBe('UNAUTHENTICATED');
    const withKey = await gateway.gql<{ apiKeys: unknown[] }>(
      `{ apiKeys { id } }`,
      undefined,
      bearer(secret),
    );
    expect(withKey.body.data?.apiKeys).toHaveLength(1);
  });
});

interface AuditView extends Omit<AuditRecord, 'seq'> {
  readonly id: string;
}

function toRecord(view: AuditView): AuditRecord {
  const { id, ...rest } = view;
  const record = { ...rest, seq: Number(id) };
  // Sanity: the API's hash is the one the chain computes.
  expect(hashEntry(record)).toBe(record.hash);
  return record;
}
