import { conflictError } from './bedrock-errors.js';

/**
 * Replays Create* calls by `clientRequestToken`: the SDK fills the token with a fresh UUID per call
 * and keeps it across retries, so a repeated token is a retry and must not create a second resource.
 */
export interface IdempotencyCache<Result> {
  /** The earlier result for this token, or undefined; throws ConflictException if the parameters differ. */
  replay(region: string, token: string | undefined, request: unknown): Result | undefined;
  remember(region: string, token: string | undefined, request: unknown, result: Result): void;
  /** Forgets every token, for when the resources they replay are dropped (ControlPlane.close). */
  clear(): void;
}

/** Tokens are scoped per region, like the resources they create. */
export function createIdempotencyCache<Result>(): IdempotencyCache<Result> {
  const entries = new Map<string, { readonly fingerprint: string; readonly result: Result }>();
  return {
    replay(region, token, request) {
      if (token === undefined) return undefined;
      const entry = entries.get(`${region}|${token}`);
      if (entry === undefined) return undefined;
      if (entry.fingerprint !== JSON.stringify(request)) {
        throw conflictError(
          `The clientRequestToken ${token} was already used with different request parameters.`,
        );
      }
      return entry.result;
    },
    remember(region, token, request, result) {
      if (token !== undefined)
        entries.set(`${region}|${token}`, { fingerprint: JSON.stringify(request), result });
    },
    clear() {
      entries.clear();
    },
  };
}
