import { CodecError } from '../errors/quarry-error.js';
import { withRetry } from '../retry/with-retry.js';
import type { ClientContext } from './client-context.js';
import type { CallOptions } from './client-types.js';

export interface SentInvoke {
  readonly json: unknown;
  /** The response headers (Bedrock's usage counts live there). */
  readonly headers: Readonly<Record<string, string>>;
  readonly requestId: string | undefined;
  readonly attempts: number;
}

/** One InvokeModel call with retries; parses the native JSON body. */
export async function sendInvoke(
  context: ClientContext,
  modelId: string,
  body: string,
  options: CallOptions,
): Promise<SentInvoke> {
  let attempts = 0;
  const answer = await withRetry(
    (attempt) => {
      attempts = attempt;
      return context.transport.invokeModel({
        modelId,
        body,
        headers: options.headers,
        signal: options.signal,
      });
    },
    context.retry,
    { signal: options.signal, context: { modelId, region: context.region, operation: 'InvokeModel' } },
  );
  return {
    json: parseJsonBody(answer.text),
    headers: answer.headers,
    requestId: answer.requestId,
    attempts,
  };
}

/** Bedrock bodies are JSON; anything else means a broken proxy or upstream. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CodecError(`Bedrock returned a body that is not JSON (${text.slice(0, 80)}…)`, {
      cause: error,
    });
  }
}
