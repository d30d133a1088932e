import type { BedrockService } from '../http/bedrock-service.js';
import type { FaultKind, StreamException } from './fault-spec.js';

/** The fault kinds that answer with an HTTP error instead of the operation. */
export type ErrorFaultKind = Extract<
  FaultKind,
  'throttle' | 'model-not-ready' | 'timeout' | 'internal' | 'unavailable' | 'model-error'
>;

/** The error a fault kind answers with on one service. */
export interface FaultException {
  readonly status: number;
  /** PascalCase, as in `x-amzn-errortype`. */
  readonly exception: string;
  readonly message: string;
  /** Modeled extra members (`originalStatusCode`, …). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

// Messages as real Bedrock words them where known (bedrock-protocol.md §4.3).
const THROTTLING: FaultException = {
  status: 429,
  exception: 'ThrottlingException',
  message: 'Too many requests, please wait before trying again.',
};
const INTERNAL: FaultException = {
  status: 500,
  exception: 'InternalServerException',
  message: 'The server encountered an internal error while processing the request.',
};
const UNAVAILABLE: FaultException = {
  status: 503,
  exception: 'ServiceUnavailableException',
  message: 'Bedrock is unable to process your request.',
};
const NOT_READY_MESSAGE = 'Model is not ready to serve inference requests. Try your request again later.';

/**
 * Each service only has the exceptions its model defines (bedrock-protocol.md §4.2); anything else
 * reaches the caller as an untyped ServiceException, which is not what a fault is for. Where the
 * runtime's exception does not exist, the closest modeled one stands in, keeping the runtime's
 * retry class (retried or not) where the service has such an exception (README "Faults").
 */
const FAULT_EXCEPTIONS: Readonly<Record<BedrockService, Readonly<Record<ErrorFaultKind, FaultException>>>> = {
  runtime: {
    throttle: THROTTLING,
    'model-not-ready': { status: 429, exception: 'ModelNotReadyException', message: NOT_READY_MESSAGE },
    timeout: {
      status: 408,
      exception: 'ModelTimeoutException',
      message: 'Model has timed out in processing the request. Try your request again.',
    },
    internal: INTERNAL,
    unavailable: UNAVAILABLE,
    'model-error': {
      status: 424,
      exception: 'ModelErrorException',
      message: 'The model returned an error.',
      extra: { originalStatusCode: 500 },
    },
  },
  // No model exceptions at all: a model that is not ready, slow or failing is the service being
  // unavailable (retried, like the runtime's ModelNotReady) or failing internally.
  'control-plane': {
    throttle: THROTTLING,
    'model-not-ready': UNAVAILABLE,
    timeout: UNAVAILABLE,
    internal: INTERNAL,
    unavailable: UNAVAILABLE,
    'model-error': INTERNAL,
  },
  // ModelNotReady is 424 here, and not retried. A failing or timed-out model is a failed
  // dependency (424, not retried, as the runtime's 408/424); there is no ServiceUnavailable,
  // BadGateway (502, retried) is the closest.
  'agent-runtime': {
    throttle: THROTTLING,
    'model-not-ready': { status: 424, exception: 'ModelNotReadyException', message: NOT_READY_MESSAGE },
    timeout: {
      status: 424,
      exception: 'DependencyFailedException',
      message: 'The model timed out while processing the request. Try your request again.',
    },
    internal: INTERNAL,
    unavailable: {
      status: 502,
      exception: 'BadGatewayException',
      message: 'Bedrock is unable to process your request.',
    },
    'model-error': {
      status: 424,
      exception: 'DependencyFailedException',
      message: 'The model returned an error.',
    },
  },
};

/** The error `kind` answers with on `service`. */
export function faultException(service: BedrockService, kind: ErrorFaultKind): FaultException {
  return FAULT_EXCEPTIONS[service][kind];
}

/**
 * The `stream-error` exception when the fault names none: one from the operation's event-stream
 * union (§3.5, §7.1), so the SDK throws it typed. The control plane has no streams.
 */
export const DEFAULT_STREAM_EXCEPTION: Readonly<Record<BedrockService, StreamException>> = {
  runtime: 'modelStreamErrorException',
  'control-plane': 'internalServerException',
  // In both InvokeAgent's and RetrieveAndGenerateStream's unions; the agent-runtime analogue of
  // the runtime's "the model failed mid-stream".
  'agent-runtime': 'dependencyFailedException',
};

/** In-stream exception payloads (`{"message", …modeled extras}`). */
export const STREAM_EXCEPTION_PAYLOADS: Readonly<Record<StreamException, Readonly<Record<string, unknown>>>> =
  {
    modelStreamErrorException: {
      message: 'The model stream was interrupted by an error. Try your request again.',
      originalStatusCode: 500,
      originalMessage: 'Internal model error',
    },
    throttlingException: { message: 'Too many tokens, please wait before trying again.' },
    internalServerException: {
      message: 'The server encountered an internal error while processing the request.',
    },
    serviceUnavailableException: { message: 'Bedrock is unable to process your request.' },
    validationException: { message: 'The request failed validation while the response was streaming.' },
    modelTimeoutException: {
      message: 'Model has timed out in processing the request. Try your request again.',
    },
    dependencyFailedException: {
      message: 'The model returned an error while the response was streaming. Try your request again.',
    },
    badGatewayException: { message: 'Bedrock is unable to process your request.' },
  };
