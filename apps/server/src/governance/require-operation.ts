import { GatewayError } from '../errors/gateway-error.js';
import type { Caller } from './caller.js';
import type { Operation } from './operation.js';

/**
 * Scope check for work that reaches Bedrock through a service rather than the governed client
 * (batch jobs, job progress, conversations): the same FORBIDDEN the policy step gives.
 */
export function requireOperation(caller: Caller, operation: Operation, action: string): void {
  if (caller.admin || caller.operations.includes(operation)) return;
  throw new GatewayError(
    'FORBIDDEN',
    `This API key may not use operation ${operation} (${action}); it allows ${caller.operations.join(', ')}. Ask an admin for a key with ${operation}.`,
  );
}
