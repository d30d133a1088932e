import type { EmulatorResponse } from '../http/emulator-request.js';

/** A JSON answer; the transport serialises `body` and drops undefined members. */
export function jsonResponse(status: number, body: unknown): EmulatorResponse {
  return { kind: 'json', status, body };
}
