import { BedrockHttpError } from '../http/emulator-request.js';

// Status codes per bedrock-protocol.md §4.2 (control plane and agent runtime agree on these four).

export function validationError(message: string): BedrockHttpError {
  return new BedrockHttpError(400, 'ValidationException', message);
}

export function notFoundError(message: string): BedrockHttpError {
  return new BedrockHttpError(404, 'ResourceNotFoundException', message);
}

export function accessDeniedError(message: string): BedrockHttpError {
  return new BedrockHttpError(403, 'AccessDeniedException', message);
}

/** The control plane models ConflictException as 400, unlike the agent runtime's 409. */
export function conflictError(message: string): BedrockHttpError {
  return new BedrockHttpError(400, 'ConflictException', message);
}
