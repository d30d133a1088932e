import { LRUCache } from 'lru-cache';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ValidationError } from '@quarry/core';
import type { ApiKeyRecord, KeyStore } from './api-key-record.js';
import { adminCaller, type Caller } from './caller.js';
import { digestSecret, displayPrefix, generateSecret, isWellFormedSecret } from './key-secret.js';
import { DEFAULT_OPERATIONS, OPERATIONS, type Operation } from './operation.js';

/** Distinct bearer secrets whose digests are kept (a few per active key is plenty). */
const DIGEST_CACHE_ENTRIES = 1_000;

const UNAUTHENTICATED_MESSAGE =
  'Missing or invalid API key: send "Authorization: Bearer <key>" (graphql-ws: {"authorization": "Bearer <key>"} in connection_init).';

export interface NewApiKey {
  readonly name: string;
  readonly models?: readonly string[] | null | undefined;
  readonly operations?: readonly Operation[] | null | undefined;
  readonly requestsPerMinute?: number | null | undefined;
  readonly tokensPerMinute?: number | null | undefined;
  readonly monthlyBudgetUsd?: number | null | undefined;
  readonly expiresAt?: string | null | undefined;
}

export type Authentication =
  { readonly ok: true; readonly caller: Caller } | { readonly ok: false; readonly message: string };

/** Keys: the bootstrap admin key, keys in the store, and the events that end open sockets. */
export interface KeyService {
  /** Resolves an Authorization value (`Bearer <secret>`) to a caller. */
  authenticate(authorization: unknown): Promise<Authentication>;
  /** Still valid right now (not revoked, rotated away or expired)? Used per graphql-ws operation. */
  recheck(caller: Caller, authorization: unknown): Promise<Authentication>;
  create(input: NewApiKey): Promise<{ record: ApiKeyRecord; secret: string }>;
  list(): Promise<ApiKeyRecord[]>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  revoke(id: string): Promise<ApiKeyRecord>;
  rotate(id: string): Promise<{ record: ApiKeyRecord; secret: string }>;
  /** Hears a key id whose old secret stops working (revoked or rotated): open operations end. */
  onInvalidated(listener: (keyId: string) => void): () => void;
}

export interface KeyServiceOptions {
  readonly store: KeyStore;
  /** QUARRY_ADMIN_KEY. */
  readonly adminKey: string | undefined;
  /** Lets everyone in as admin while no admin key and no stored key exist (emulator upstream only). */
  readonly allowOpen: boolean;
  readonly now: () => number;
}

export function createKeyService(options: KeyServiceOptions): KeyService {
  const { store } = options;
  const listeners = new Set<(keyId: string) => void>();
  const adminDigest =
    options.adminKey === undefined ? undefined : Buffer.from(digestSecret(options.adminKey), 'hex');
  // Authorization values seen lately and their digests: hashing and hex-decoding the same secret
  // on every request showed in the gateway's profile. Only the digest is remembered, never what it
  // granted, so a revoked key is refused at once as before. Bounded: random garbage cannot grow it.
  const digests = new LRUCache<string, { readonly hex: string; readonly bytes: Buffer }>({
    max: DIGEST_CACHE_ENTRIES,
  });
  const digestOf = (secret: string): { readonly hex: string; readonly bytes: Buffer } => {
    let digest = digests.get(secret);
    if (digest === undefined) {
      const hex = digestSecret(secret);
      digest = { hex, bytes: Buffer.from(hex, 'hex') };
      digests.set(secret, digest);
    }
    return digest;
  };
  const bootstrap = adminCaller('QUARRY_ADMIN_KEY');
  const open = adminCaller('open gateway (no API keys configured)');
  // Once a key exists the gateway stops running open, and it never goes back.
  let closed = !options.allowOpen || options.adminKey !== undefined;
  const refuse = (message = UNAUTHENTICATED_MESSAGE): Authentication => ({ ok: false, message });

  async function authenticate(authorization: unknown): Promise<Authentication> {
    if (!closed) {
      if (await store.any()) closed = true;
      else return { ok: true, caller: open };
    }
    const secret = bearerOf(authorization);
    if (secret === undefined) return refuse();
    const digest = digestOf(secret);
    // Digests of equal length compared in constant time: a timing difference reveals nothing.
    if (adminDigest !== undefined && timingSafeEqual(digest.bytes, adminDigest))
      return { ok: true, caller: bootstrap };
    // A secret without our shape or checksum cannot be a key: refuse without a lookup.
    if (!isWellFormedSecret(secret)) return refuse();
    const record = await store.findByDigest(digest.hex);
    if (record === undefined || !equalDigests(record.digest, digest.hex)) return refuse();
    if (record.revokedAt !== null)
      return refuse(`This API key was revoked at ${record.revokedAt}; ask an admin for a new one.`);
    if (record.expiresAt !== null && Date.parse(record.expiresAt) <= options.now())
      return refuse(`This API key expired at ${record.expiresAt}; ask an admin for a new one.`);
    return { ok: true, caller: toCaller(record) };
  }

  async function update(
    id: string,
    change: (id: string) => Promise<ApiKeyRecord | undefined>,
  ): Promise<ApiKeyRecord> {
    const record = await change(id);
    if (record === undefined)
      throw new ValidationError('id', `No API key with id ${id}: list them with the apiKeys query.`);
    for (const listener of listeners) listener(id);
    return record;
  }

  return {
    authenticate,
    async recheck(caller, authorization) {
      if (caller.expiresAt !== null && caller.expiresAt <= options.now())
        return refuse(
          `This API key expired at ${new Date(caller.expiresAt).toISOString()}; ask an admin for a new one.`,
        );
      return authenticate(authorization);
    },
    async create(input) {
      const secret = generateSecret();
      const record: ApiKeyRecord = {
        id: `key_${randomBytes(9).toString('base64url')}`,
        name: checkName(input.name),
        prefix: displayPrefix(secret),
        digest: digestSecret(secret),
        models: input.models == null ? null : checkModels(input.models),
        operations: input.operations == null ? DEFAULT_OPERATIONS : checkOperations(input.operations),
        requestsPerMinute: positiveInt('requestsPerMinute', input.requestsPerMinute),
        tokensPerMinute: positiveInt('tokensPerMinute', input.tokensPerMinute),
        monthlyBudgetUsd: budgetOf(input.monthlyBudgetUsd),
        createdAt: new Date(options.now()).toISOString(),
        expiresAt: expiryOf(input.expiresAt, options.now()),
        revokedAt: null,
      };
      await store.insert(record);
      closed = true;
      return { record, secret };
    },
    list: () => store.list(),
    get: (id) => store.findById(id),
    revoke: (id) => update(id, (key) => store.setRevoked(key, new Date(options.now()).toISOString())),
    async rotate(id) {
      const secret = generateSecret();
      const record = await update(id, (key) =>
        store.setSecret(key, digestSecret(secret), displayPrefix(secret)),
      );
      return { record, secret };
    },
    onInvalidated(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function toCaller(record: ApiKeyRecord): Caller {
  return {
    keyId: record.id,
    name: record.name,
    admin: record.operations.includes('ADMIN'),
    models: record.models,
    operations: record.operations,
    requestsPerMinute: record.requestsPerMinute,
    tokensPerMinute: record.tokensPerMinute,
    monthlyBudgetUsd: record.monthlyBudgetUsd,
    expiresAt: record.expiresAt === null ? null : Date.parse(record.expiresAt),
  };
}

function bearerOf(authorization: unknown): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
  return match?.[1];
}

function equalDigests(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 100)
    throw new ValidationError('input.name', 'name must be 1 to 100 characters, e.g. "checkout-frontend".');
  return trimmed;
}

function checkModels(models: readonly string[]): string[] {
  if (models.length === 0)
    throw new ValidationError(
      'input.models',
      'models must name at least one model or pattern; omit it (null) for every model.',
    );
  for (const model of models) {
    if (!/^[\w.:/*@-]+$/.test(model) || model === '*')
      throw new ValidationError(
        'input.models',
        `"${model}" is not a model ID, profile ID, ARN or provider wildcard such as "anthropic.*"; omit models for every model.`,
      );
  }
  return [...models];
}

function checkOperations(operations: readonly Operation[]): Operation[] {
  const unique = [...new Set(operations)];
  if (unique.length === 0)
    throw new ValidationError(
      'input.operations',
      'operations must name at least one operation; omit it for every non-admin one.',
    );
  for (const operation of unique) {
    if (!OPERATIONS.includes(operation))
      throw new ValidationError(
        'input.operations',
        `Unknown operation ${operation}; use one of ${OPERATIONS.join(', ')}.`,
      );
  }
  return unique;
}

function positiveInt(field: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1)
    throw new ValidationError(
      `input.${field}`,
      `${field} must be a positive whole number or null (no limit), got ${value}.`,
    );
  return value;
}

function budgetOf(value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isFinite(value) || value < 0)
    throw new ValidationError(
      'input.monthlyBudgetUsd',
      `monthlyBudgetUsd must be 0 or more USD, got ${value}.`,
    );
  return value;
}

function expiryOf(value: string | null | undefined, now: number): string | null {
  if (value == null) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at))
    throw new ValidationError(
      'input.expiresAt',
      `expiresAt must be an ISO date-time such as 2027-01-31T00:00:00Z, got "${value}".`,
    );
  if (at <= now) throw new ValidationError('input.expiresAt', `expiresAt ${value} is in the past.`);
  return new Date(at).toISOString();
}
