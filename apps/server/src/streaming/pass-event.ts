/**
 * The `resolve` of a subscription field whose value is the event itself. A named function rather
 * than an inline `(event) => event`, so the per-event projection (ws/event-projection.ts) can tell
 * by identity that resolving the root field is a no-op it may skip.
 */
export function passEvent<T>(event: T): T {
  return event;
}
