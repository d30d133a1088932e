/** What can go wrong on demand (README "Faults"). */
export const FAULT_KINDS = [
  'throttle',
  'model-not-ready',
  'timeout',
  'internal',
  'unavailable',
  'model-error',
  'stream-error',
  'stall',
  'slow',
  'drop',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/**
 * In-stream exception members (lower-camel, as in `:exception-type`). Each operation's union has
 * only some (bedrock-protocol.md §3.5, §7.1); the SDK throws any other as a generic Error:
 * `modelTimeoutException` is only modeled for InvokeModelWithResponseStream, `modelStreamErrorException`
 * and `serviceUnavailableException` only on the runtime, `dependencyFailedException` and
 * `badGatewayException` only on the agent runtime (InvokeAgent, RetrieveAndGenerateStream).
 */
export const STREAM_EXCEPTIONS = [
  'modelStreamErrorException',
  'throttlingException',
  'internalServerException',
  'serviceUnavailableException',
  'validationException',
  'modelTimeoutException',
  'dependencyFailedException',
  'badGatewayException',
] as const;
export type StreamException = (typeof STREAM_EXCEPTIONS)[number];

/** One fault, from the `x-quarry-fault` header or a per-model rule. */
export interface FaultSpec {
  readonly kind: FaultKind;
  /** How many calls it hits before it is used up; undefined hits every call. */
  readonly count?: number;
  /** throttle / model-not-ready: back-off hint in `x-amz-retry-after` and `retry-after`. @default 1000 for throttle */
  readonly retryAfterMs?: number;
  /** stream-error / stall / drop: event frames sent first. drop without it drops before responding. */
  readonly after?: number;
  /**
   * stream-error: which exception member to send. @default 'modelStreamErrorException' on the
   * runtime, 'dependencyFailedException' on the agent runtime
   */
  readonly exception?: StreamException;
  /** Wait before acting (any kind); for slow, the pause before every frame. @default 250 for slow */
  readonly delayMs?: number;
  /** Overrides the exception message. */
  readonly message?: string;
  /**
   * Header faults only: `call` keys the `count` by `amz-sdk-invocation-id`, which the SDK keeps
   * across the retries of one call, so "fail twice" applies to each call separately.
   * @default 'header' (keyed by the header value, shared by every call that sends it)
   */
  readonly scope?: 'header' | 'call';
}

// Kinds that only rewrite an event stream; `drop` with `after` also drops a non-streaming answer.
const STREAM_ONLY_KINDS: ReadonlySet<FaultKind> = new Set(['stream-error', 'stall', 'slow']);

/**
 * Whether `fault` can change the answer of an operation: the stream-only kinds cannot reach an
 * operation that answers without an event stream, so such a call must not use up their `count`.
 */
export function faultReaches(fault: FaultSpec, eventStream: boolean): boolean {
  return eventStream || !STREAM_ONLY_KINDS.has(fault.kind);
}

/** A malformed `x-quarry-fault` value or rule. */
export class FaultSyntaxError extends Error {
  override name = 'FaultSyntaxError';
}

const NUMERIC: Readonly<Record<string, 'count' | 'retryAfterMs' | 'after' | 'delayMs'>> = {
  count: 'count',
  'retry-after-ms': 'retryAfterMs',
  after: 'after',
  'delay-ms': 'delayMs',
};

/**
 * Parses `kind(;name=value)*`, e.g. `throttle;count=2;retry-after-ms=50` or
 * `stream-error;after=3;exception=throttlingException`. Parameters: count, retry-after-ms,
 * retry-after (seconds), after, delay-ms, exception, message (percent-decoded), scope, key (only
 * distinguishes counters). Throws FaultSyntaxError naming the bad part.
 */
export function parseFaultHeader(value: string): FaultSpec {
  const [rawKind = '', ...parameters] = value.split(';').map((part) => part.trim());
  const kind = FAULT_KINDS.find((candidate) => candidate === rawKind);
  if (kind === undefined) {
    throw new FaultSyntaxError(`unknown fault kind "${rawKind}"; expected one of ${FAULT_KINDS.join(', ')}`);
  }
  const spec: { -readonly [K in keyof FaultSpec]: FaultSpec[K] } = { kind };
  for (const parameter of parameters) {
    if (parameter === '') continue;
    const equals = parameter.indexOf('=');
    const name = (equals === -1 ? parameter : parameter.slice(0, equals)).trim().toLowerCase();
    const raw = equals === -1 ? '' : parameter.slice(equals + 1).trim();
    const numeric = NUMERIC[name];
    if (numeric !== undefined) spec[numeric] = nonNegativeInteger(name, raw);
    else if (name === 'retry-after') spec.retryAfterMs = Math.round(nonNegativeNumber(name, raw) * 1000);
    else if (name === 'exception') spec.exception = streamException(raw);
    else if (name === 'message') spec.message = decodeMessage(raw);
    else if (name === 'scope') spec.scope = scope(raw);
    else if (name !== 'key') throw new FaultSyntaxError(`unknown fault parameter "${name}"`);
  }
  return spec;
}

/** Checks a FaultSpec given as an object (config or admin API); returns it unchanged. */
export function checkFaultSpec(spec: FaultSpec): FaultSpec {
  if (!FAULT_KINDS.includes(spec.kind)) throw new FaultSyntaxError(`unknown fault kind "${spec.kind}"`);
  for (const name of ['count', 'retryAfterMs', 'after', 'delayMs'] as const) {
    const value = spec[name];
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new FaultSyntaxError(`${name} must be a non-negative integer, got ${String(value)}`);
    }
  }
  if (spec.exception !== undefined) streamException(spec.exception);
  return spec;
}

function nonNegativeInteger(name: string, raw: string): number {
  const value = nonNegativeNumber(name, raw);
  if (!Number.isInteger(value))
    throw new FaultSyntaxError(`fault parameter ${name} must be an integer, got "${raw}"`);
  return value;
}

function nonNegativeNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value) || value < 0) {
    throw new FaultSyntaxError(`fault parameter ${name} must be a non-negative number, got "${raw}"`);
  }
  return value;
}

function streamException(raw: string): StreamException {
  const exception = STREAM_EXCEPTIONS.find((candidate) => candidate.toLowerCase() === raw.toLowerCase());
  if (exception === undefined) {
    throw new FaultSyntaxError(
      `unknown stream exception "${raw}"; expected one of ${STREAM_EXCEPTIONS.join(', ')}`,
    );
  }
  return exception;
}

function decodeMessage(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new FaultSyntaxError(`fault parameter message is not valid percent-encoding: "${raw}"`);
  }
}

function scope(raw: string): 'header' | 'call' {
  if (raw === 'header' || raw === 'call') return raw;
  throw new FaultSyntaxError(`fault scope must be "header" or "call", got "${raw}"`);
}
