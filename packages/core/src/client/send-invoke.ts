import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { CodecError } from '../errors/quarry-error.js';
import { withRetry } from '../retry/with-retry.js';
import { instrumentCommand, type CallCapture } from './call-middleware.js';
import type { ClientContext } from './client-context.js';
import type { CallOptions } from './client-types.js';
import { abortOptions } from './linked-abort.js';

export interface SentInvoke {
  readonly json: unknown;
  readonly capture: CallCapture;
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
  let capture: CallCapture = { headers: {}, statusCode: undefined };
  const output = await withRetry(
    (attempt) => {
      attempts = attempt;
      const command = new InvokeModelCommand({
        modelId,
        body,
        contentType: 'application/json',
        accept: 'application/json',
      });
      capture = instrumentCommand(command, options.headers);
      return context.runtime.send(command, abortOptions(options.signal));
    },
    context.retry,
    { signal: options.signal, context: { modelId, region: context.region, operation: 'InvokeModel' } },
  );
  return {
    json: parseJsonBody(output.body.transformToString()),
    capture,
    requestId: output.$metadata.requestId,
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
