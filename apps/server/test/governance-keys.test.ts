import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, subscribeAll, type GatewayHarness } from './support/gateway-harness.js';
import {
  ADMIN,
  bearer,
  codeOf,
  createKey,
  EMBED_MODEL,
  INVOKE,
  OTHER_TEXT_MODEL,
  STREAM,
  TEXT_MODEL,
} from './support/governance-helpers.js';

const SLOW_MODEL = 'mistral.mistral-7b-instruct-v0:2';

describe('API keys', () => {
  let gateway: GatewayHarness;
  let clock = Date.parse('2026-12-06T10:00:00Z');
  beforeAll(async () => {
    gateway = await startGateway({
      server: { adminKey: ADMIN, allowOpen: false, now: () => clock },
      // Every frame of this model's streams waits, so a stream is still open when its key is revoked.
      emulator: { faults: [{ modelId: SLOW_MODEL, fault: 'slow;delay-ms=150' }] },
    });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it('creates a key whose secret has the qry_ prefix and checksum, shown once', async () => {
    const key = await createKey(gateway, { name: 'frontend' });
    expect(key.secret).toMatch(/^qry_[0-9A-Za-z]{38}$/);
    const { body } = await gateway.gql<{ apiKeys: { id: string; prefix: string; operations: string[] }[] }>(
      `{ apiKeys { id prefix operations } }`,
      undefined,
      bearer(ADMIN),
    );
    const listed = body.data?.apiKeys.find((entry) => entry.id === key.id);
    expect(listed?.prefix).toBe(key.secret.slice(0, 12));
    expect(JSON.stringify(body)).not.toContain(key.secret);
    expect(listed?.operations).not.toContain('ADMIN');
  });

  it('reports the calling key in me (admin included)', async () => {
    const key = await createKey(gateway, { name: 'me-test', models: ['anthropic.*'] });
    const mine = await gateway.gql<{ me: { id: string; name: string; models: string[] } }>(
      `{ me { id name models } }`,
      undefined,
      bearer(key.secret),
    );
    expect(mine.body.data?.me).toEqual({ id: key.id, name: 'me-test', models: ['anthropic.*'] });
    const admin = await gateway.gql<{ me: { id: string } }>(`{ me { id } }`, undefined, bearer(ADMIN));
    expect(admin.body.data?.me.id).toBe('admin');
  });

  it('refuses missing, wrong and look-alike keys on HTTP and graphql-ws', async () => {
    for (const headers of [{}, bearer('nope'), bearer(`qry_${'A'.repeat(38)}`)]) {
      const { status, body } = await gateway.gql(`{ me { id } }`, undefined, headers);
      expect(status).toBe(401);
      expect(codeOf(body.errors)).toBe('UNAUTHENTICATED');
    }
    const { errors } = await subscribeAll(gateway.ws({ authorization: 'Bearer nope' }), STREAM, {
      model: TEXT_MODEL,
      max: 5,
    });
    expect((errors as { code?: number }).code).toBe(4403);
  });

  it('refuses an expired key on HTTP and on a socket opened before it expired', async () => {
    const key = await createKey(gateway, {
      name: 'short-lived',
      expiresAt: new Date(clock + 60_000).toISOString(),
    });
    const socket = gateway.ws(bearer(key.secret), { lazy: false });
    const before = await subscribeAll(socket, STREAM, { model: TEXT_MODEL, max: 5 });
    expect(before.errors).toBeUndefined();
    clock += 61_000;
    const http = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
    expect(http.status).toBe(401);
    expect(http.body.errors?.[0]?.message).toContain('expired');
    const after = await subscribeAll(socket, STREAM, { model: TEXT_MODEL, max: 5 });
    expect(codeOf(after.errors)).toBe('UNAUTHENTICATED');
  });

  it('ends a revoked key’s open stream with UNAUTHENTICATED and refuses it everywhere at once', async () => {
    const key = await createKey(gateway, { name: 'to-revoke' });
    const { socket, events, ended: streaming } = slowStream(gateway, key.secret);
    await waitFor(() => events.length >= 2);
    const revoked = await gateway.gql<{ revokeApiKey: { revokedAt: string | null } }>(
      `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      { id: key.id },
      bearer(ADMIN),
    );
    expect(revoked.body.data?.revokeApiKey.revokedAt).not.toBeNull();
    expect(codeOf(await streaming)).toBe('UNAUTHENTICATED');
    expect(events).not.toContain('StreamEnd');
    const again = await subscribeAll(socket, STREAM, { model: TEXT_MODEL, max: 5 });
    expect(codeOf(again.errors)).toBe('UNAUTHENTICATED');
    const http = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
    expect(http.status).toBe(401);
    expect(http.body.errors?.[0]?.message).toContain('revoked');
  });

  it('rotates a key: same id and limits, the old secret refused on HTTP and on its open socket', async () => {
    const key = await createKey(gateway, { name: 'to-rotate', models: [TEXT_MODEL] });
    const oldSocket = gateway.ws(bearer(key.secret), { lazy: false });
    expect((await subscribeAll(oldSocket, STREAM, { model: TEXT_MODEL, max: 5 })).errors).toBeUndefined();
    const { body } = await gateway.gql<{
      rotateApiKey: { apiKey: { id: string; models: string[] }; secret: string };
    }>(
      `mutation ($id: ID!) { rotateApiKey(id: $id) { apiKey { id models } secret } }`,
      { id: key.id },
      bearer(ADMIN),
    );
    const rotated = body.data?.rotateApiKey;
    expect(rotated?.apiKey).toEqual({ id: key.id, models: [TEXT_MODEL] });
    expect(rotated?.secret).not.toBe(key.secret);
    expect((await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret))).status).toBe(401);
    expect(codeOf((await subscribeAll(oldSocket, STREAM, { model: TEXT_MODEL, max: 5 })).errors)).toBe(
      'UNAUTHENTICATED',
    );
    const fresh = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(rotated?.secret ?? ''));
    expect(fresh.body.errors).toBeUndefined();
    const freshSocket = gateway.ws(bearer(rotated?.secret ?? ''));
    expect((await subscribeAll(freshSocket, STREAM, { model: TEXT_MODEL, max: 5 })).errors).toBeUndefined();
  });

  it('keeps a key limited to one model off every other model, on HTTP and graphql-ws', async () => {
    const key = await createKey(gateway, { name: 'one-model', models: [TEXT_MODEL] });
    const allowed = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
    expect(allowed.body.errors).toBeUndefined();
    const denied = await gateway.gql(INVOKE, { model: OTHER_TEXT_MODEL }, bearer(key.secret));
    expect(codeOf(denied.body.errors)).toBe('FORBIDDEN');
    expect(denied.body.errors?.[0]?.message).toContain(OTHER_TEXT_MODEL);
    const socket = gateway.ws(bearer(key.secret));
    const streamed = await subscribeAll(socket, STREAM, { model: OTHER_TEXT_MODEL, max: 5 });
    expect(codeOf(streamed.errors)).toBe('FORBIDDEN');
    expect(JSON.stringify(streamed.errors)).toContain(OTHER_TEXT_MODEL);
  });

  it('matches provider wildcards against profile IDs and ARNs', async () => {
    const key = await createKey(gateway, { name: 'anthropic-only', models: ['anthropic.*'] });
    const profile = await gateway.gql(
      INVOKE,
      { model: 'us.anthropic.claude-3-haiku-20240307-v1:0' },
      bearer(key.secret),
    );
    expect(profile.body.errors).toBeUndefined();
    const other = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
    expect(codeOf(other.body.errors)).toBe('FORBIDDEN');
  });

  it('keeps a key limited to one operation off the others, on HTTP and graphql-ws', async () => {
    const key = await createKey(gateway, { name: 'embed-only', operations: ['EMBED'] });
    const embed = await gateway.gql(
      `mutation { embed(input: { modelId: "${EMBED_MODEL}", texts: ["a"] }) { usage { inputTokens } } }`,
      undefined,
      bearer(key.secret),
    );
    expect(embed.body.errors).toBeUndefined();
    const invoke = await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
    expect(codeOf(invoke.body.errors)).toBe('FORBIDDEN');
    expect(invoke.body.errors?.[0]?.message).toContain('INVOKE');
    const streamed = await subscribeAll(gateway.ws(bearer(key.secret)), STREAM, {
      model: TEXT_MODEL,
      max: 5,
    });
    expect(codeOf(streamed.errors)).toBe('FORBIDDEN');
    expect(JSON.stringify(streamed.errors)).toContain('STREAM');
    const admin = await gateway.gql(`{ apiKeys { id } }`, undefined, bearer(key.secret));
    expect(codeOf(admin.body.errors)).toBe('FORBIDDEN');
    const create = await gateway.gql(
      `mutation { createApiKey(input: { name: "x" }) { secret } }`,
      undefined,
      bearer(key.secret),
    );
    expect(codeOf(create.body.errors)).toBe('FORBIDDEN');
  });

  it('refuses bad key input with BAD_USER_INPUT naming the field', async () => {
    const { body } = await gateway.gql(
      `mutation { createApiKey(input: { name: "x", requestsPerMinute: 0 }) { secret } }`,
      undefined,
      bearer(ADMIN),
    );
    expect(codeOf(body.errors)).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('requestsPerMinute');
  });

  it('shows a key only its own usage', async () => {
    const key = await createKey(gateway, { name: 'usage-reader' });
    await gateway.gql(INVOKE, { model: TEXT_MODEL }, bearer(key.secret));
    const { body } = await gateway.gql<{
      usage: { keyId: string; modelId: string; calls: number; costUsd: number }[];
    }>(`{ usage { keyId modelId calls costUsd } }`, undefined, bearer(key.secret));
    expect(body.data?.usage).toEqual([
      { keyId: key.id, modelId: TEXT_MODEL, calls: 1, costUsd: expect.any(Number) as number },
    ]);
    const other = await gateway.gql(`{ usage(keyId: "admin") { calls } }`, undefined, bearer(key.secret));
    expect(codeOf(other.body.errors)).toBe('FORBIDDEN');
  });
});

describe('a key revoked by another gateway sharing the database', () => {
  it('ends that key’s open stream here within one sweep and leaves other keys’ streams alone', async () => {
    const slow = { faults: [{ modelId: SLOW_MODEL, fault: 'slow;delay-ms=150' }] };
    const first = await startGateway({ server: { adminKey: ADMIN, allowOpen: false }, emulator: slow });
    // Same rows, its own key service: it hears nothing of revocations made by `first`.
    const second = await startGateway({
      store: first.store,
      server: { adminKey: ADMIN, allowOpen: false, keySweepMs: 100 },
      emulator: slow,
    });
    try {
      const doomed = await createKey(first, { name: 'revoked-elsewhere' });
      const kept = await createKey(first, { name: 'kept' });
      const doomedStream = slowStream(second, doomed.secret);
      const keptStream = slowStream(second, kept.secret);
      await waitFor(() => doomedStream.events.length >= 2 && keptStream.events.length >= 2);
      const revoked = await first.gql(
        `mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
        { id: doomed.id },
        bearer(ADMIN),
      );
      expect(revoked.status).toBe(200);
      const errors = await doomedStream.ended;
      expect(codeOf(errors)).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(errors)).toContain('revoked');
      expect(doomedStream.events).not.toContain('StreamEnd');
      const seen = keptStream.events.length;
      await waitFor(() => keptStream.events.length >= seen + 3);
      await keptStream.socket.dispose();
      expect(await keptStream.ended).toBeUndefined();
    } finally {
      await second.close();
      await first.close();
    }
  });
});

/**
 * A long stream of SLOW_MODEL on a socket of its own: the event types so far, the socket, and what
 * the stream ended with (its errors, or undefined when it completed).
 */
function slowStream(gateway: GatewayHarness, secret: string) {
  const events: string[] = [];
  const socket = gateway.ws(bearer(secret), { lazy: false });
  const ended = (async () => {
    try {
      for await (const result of socket.iterate<{ invokeStream: { __typename: string } }>({
        query: STREAM,
        variables: { model: SLOW_MODEL, max: 400 },
      })) {
        if (result.errors !== undefined) return result.errors;
        if (result.data != null) events.push(result.data.invokeStream.__typename);
      }
      return undefined;
    } catch (errors) {
      return errors;
    }
  })();
  return { events, socket, ended };
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
