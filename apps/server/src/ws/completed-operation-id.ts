import type { RawData } from 'ws';

/** `{"id":"<uuid>","type":"complete"}` is ~60 bytes; anything much larger is another message. */
const MAX_COMPLETE_BYTES = 512;

/**
 * The operation id of a client `complete` message, else undefined. graphql-ws only stops
 * subscriptions on `complete`; a running query or mutation keeps going, so the gateway watches
 * for the message itself to cancel the upstream call. Cheap by design: it runs on every message
 * and only parses the tiny ones that can be a `complete`.
 */
export function completedOperationId(data: RawData): string | undefined {
  if (!Buffer.isBuffer(data) || data.length > MAX_COMPLETE_BYTES) return undefined;
  const text = data.toString('utf8');
  if (!text.includes('"complete"')) return undefined;
  try {
    const message = JSON.parse(text) as unknown;
    if (typeof message !== 'object' || message === null) return undefined;
    const { id, type } = message as { id?: unknown; type?: unknown };
    return type === 'complete' && typeof id === 'string' ? id : undefined;
  } catch {
    return undefined; // graphql-ws itself answers malformed messages
  }
}
