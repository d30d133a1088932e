import { QuarryError, type Logger } from '@quarry/core';
import { GatewayError } from '../errors/gateway-error.js';
import { ADMIN_KEY_ID } from '../governance/caller.js';
import type { Authentication } from '../governance/key-service.js';
import type { OperationRegistry } from './operation-registry.js';

export interface CredentialSweepOptions {
  readonly registries: readonly OperationRegistry[];
  readonly authenticate: (authorization: unknown) => Promise<Authentication>;
  readonly intervalMs: number;
  readonly logger: Logger;
}

export interface CredentialSweep {
  /** No sweep starts from now on; resolves once one already running has ended. */
  stop(): Promise<void>;
}

/**
 * Re-checks, every `intervalMs`, the credentials of the operations in flight, and ends those whose
 * key stopped working with UNAUTHENTICATED. The process that revokes or rotates a key ends that
 * key's operations at once (KeyService.onInvalidated); gateways sharing its database learn of it
 * only here, so a stream cannot outlive its key on another instance by more than one interval.
 * While keys cannot be checked (the database is down), operations in flight go on: an outage is
 * not a revocation.
 */
export function startCredentialSweep(options: CredentialSweepOptions): CredentialSweep {
  let running: Promise<void> | undefined;
  let stopped = false;
  const sweep = async (): Promise<void> => {
    const credentials = new Map<unknown, string>();
    for (const registry of options.registries)
      for (const [credential, keyId] of registry.credentials())
        // The bootstrap admin key is configuration, not a stored key: nothing can revoke it. (An open
        // gateway's callers share its id; open mode runs only against the emulator.)
        if (keyId !== ADMIN_KEY_ID) credentials.set(credential, keyId);
    for (const [credential, keyId] of credentials) {
      // Shutdown cancels everything anyway, and the store may be closing.
      if (stopped) return;
      let auth: Authentication;
      try {
        auth = await options.authenticate(credential);
      } catch (error) {
        if (error instanceof QuarryError) return;
        throw error;
      }
      if (auth.ok && auth.caller.keyId === keyId) continue;
      const reason = new GatewayError(
        'UNAUTHENTICATED',
        `This API key stopped working while the operation ran (revoked, rotated or expired): ${auth.ok ? 'the secret now names another key' : auth.message}`,
      );
      options.logger.info(
        { event: 'gateway.key.swept', keyId },
        'ended the operations of a key that stopped working elsewhere',
      );
      for (const registry of options.registries) registry.abortCredential(credential, reason);
    }
  };
  const timer = setInterval(() => {
    if (running !== undefined) return;
    running = sweep()
      .catch((error: unknown) => {
        options.logger.error({ event: 'gateway.key.sweep-failed', err: error }, 'the key sweep failed');
      })
      .finally(() => {
        running = undefined;
      });
  }, options.intervalMs);
  // A sweep never keeps the process alive on its own.
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
