import type { Operation } from './operation.js';

/** One API key as stored: never the secret, only its digest. */
export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  /** The first characters of the secret, shown in listings so people can tell keys apart. */
  readonly prefix: string;
  readonly digest: string;
  readonly models: readonly string[] | null;
  readonly operations: readonly Operation[];
  readonly requestsPerMinute: number | null;
  readonly tokensPerMinute: number | null;
  readonly monthlyBudgetUsd: number | null;
  /** ISO timestamps. */
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
}

/** Where keys live: memory (no store) or the database (see store-key-store.ts). */
export interface KeyStore {
  insert(record: ApiKeyRecord): Promise<void>;
  findByDigest(digest: string): Promise<ApiKeyRecord | undefined>;
  findById(id: string): Promise<ApiKeyRecord | undefined>;
  /** Every key, newest first. */
  list(): Promise<ApiKeyRecord[]>;
  /** True when at least one key exists (revoked ones included): the gateway then never runs open. */
  any(): Promise<boolean>;
  setRevoked(id: string, revokedAt: string): Promise<ApiKeyRecord | undefined>;
  setSecret(id: string, digest: string, prefix: string): Promise<ApiKeyRecord | undefined>;
}

export function createMemoryKeyStore(): KeyStore {
  const byId = new Map<string, ApiKeyRecord>();
  const update = (id: string, change: Partial<ApiKeyRecord>): Promise<ApiKeyRecord | undefined> => {
    const current = byId.get(id);
    if (current === undefined) return Promise.resolve(undefined);
    const next = { ...current, ...change };
    byId.set(id, next);
    return Promise.resolve(next);
  };
  return {
    insert(record) {
      byId.set(record.id, record);
      return Promise.resolve();
    },
    findByDigest(digest) {
      for (const record of byId.values()) if (record.digest === digest) return Promise.resolve(record);
      return Promise.resolve(undefined);
    },
    findById: (id) => Promise.resolve(byId.get(id)),
    list: () => Promise.resolve([...byId.values()].reverse()),
    any: () => Promise.resolve(byId.size > 0),
    setRevoked: (id, revokedAt) => update(id, { revokedAt }),
    setSecret: (id, digest, prefix) => update(id, { digest, prefix }),
  };
}

/** What GraphQL shows of a key: everything but the digest. */
export type ApiKeyView = Omit<ApiKeyRecord, 'digest'>;
