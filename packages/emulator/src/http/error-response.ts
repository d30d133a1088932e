import { BedrockHttpError, type EmulatorResponse } from './emulator-request.js';

// Real responses carry this suffix on the error type; the SDK cuts it at the first `:` (§4.1).
const ERROR_TYPE_SUFFIX = ':http://internal.amazon.com/coral/com.amazon.bedrock/';

/**
 * The response Bedrock gives for an error: status from §4.2, `x-amzn-errortype`, and a JSON body
 * with a lower-case `message` plus any modeled extra members. Anything that is not a
 * BedrockHttpError is a bug of ours and becomes a 500 InternalServerException; `onInternalError`
 * hears about it so it does not go unnoticed.
 */
export function errorResponse(error: unknown, onInternalError: (error: unknown) => void): EmulatorResponse {
  if (!(error instanceof BedrockHttpError)) {
    onInternalError(error);
    return errorResponse(
      new BedrockHttpError(
        500,
        'InternalServerException',
        'The server encountered an internal error while processing the request.',
      ),
      onInternalError,
    );
  }
  return {
    kind: 'json',
    status: error.status,
    headers: { ...error.headers, 'x-amzn-errortype': `${error.exception}${ERROR_TYPE_SUFFIX}` },
    body: { ...error.extra, message: error.message },
  };
}
