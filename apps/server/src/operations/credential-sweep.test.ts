import { QuarryError } from '@quarry/core';
import { describe, expect, it } from 'vitest';
import { adminCaller, type Caller } from '../governance/caller.js';
import type { Authentication } from '../governance/key-service.js';
import { startCredentialSweep } from './credential-sweep.js';
import { createOperationRegistry } from './operation-registry.js';

const silent = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };
const callerOf = (keyId: string): Caller => ({ ...adminCaller(keyId), keyId, admin: false });

async function sweepOnce(authenticate: (authorization: unknown) => Promise<Authentication>) {
  const registry = createOperationRegistry();
  const operations = {
    revoked: registry.start('key-a', 'Bearer a'),
    valid: registry.start('key-b', 'Bearer b'),
    admin: registry.start('admin', 'Bearer admin'),
  };
  const checked: unknown[] = [];
  const sweep = startCredentialSweep({
    registries: [registry],
    authenticate: (authorization) => {
      checked.push(authorization);
      return authenticate(authorization);
    },
    intervalMs: 5,
    logger: silent,
  });
  await new Promise((resolve) => setTimeout(resolve, 40));
  await sweep.stop();
  return { operations, checked };
}

describe('credential sweep', () => {
  it('aborts the operations of a credential that stopped working, with UNAUTHENTICATED', async () => {
    const { operations, checked } = await sweepOnce((authorization) =>
      Promise.resolve(
        authorization === 'Bearer a'
          ? { ok: false, message: 'This API key was revoked at 2026-12-06T10:00:00Z.' }
          : { ok: true, caller: callerOf('key-b') },
      ),
    );
    expect(operations.revoked.signal.reason).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(String(operations.revoked.signal.reason)).toContain('revoked at');
    expect([operations.valid.signal.aborted, operations.admin.signal.aborted]).toEqual([false, false]);
    // The bootstrap admin key is configuration: never looked up.
    expect(checked).not.toContain('Bearer admin');
  });

  it('leaves everything running while keys cannot be checked', async () => {
    const { operations, checked } = await sweepOnce(() =>
      Promise.reject(new QuarryError('UPSTREAM_UNAVAILABLE', 'database down', { retryable: true })),
    );
    expect(checked.length).toBeGreaterThan(0);
    expect(Object.values(operations).some((operation) => operation.signal.aborted)).toBe(false);
  });
});
