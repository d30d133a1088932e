import type { Usage } from '../codec-kit/chat-types.js';
import { usageOf } from '../codec-kit/usage.js';

/** The raw HTTP facts of one SDK call that its typed output does not model. */
export interface CallCapture {
  headers: Readonly<Record<string, string>>;
  statusCode: number | undefined;
}

interface RawHttpMessage {
  headers?: Record<string, string>;
  statusCode?: number;
}

type Next = (args: { request: unknown }) => Promise<{ response: unknown; output: unknown }>;

/** The slice of a smithy command Quarry touches; every SDK command satisfies it. */
interface InstrumentableCommand {
  readonly middlewareStack: {
    add(
      middleware: (next: Next) => Next,
      options: { step: 'build' | 'deserialize'; name: string; override?: boolean },
    ): void;
  };
}

/**
 * Adds per-command middleware (never touching the shared client): extra request headers (e.g.
 * `x-quarry-fault` for the emulator, tracing headers) and a capture of the response headers, where
 * Bedrock puts the InvokeModel token counts and latency (`x-amzn-bedrock-*`).
 */
export function instrumentCommand(
  sdkCommand: { readonly middlewareStack: unknown },
  requestHeaders: Readonly<Record<string, string>> | undefined,
): CallCapture {
  const command = sdkCommand as InstrumentableCommand;
  const capture: CallCapture = { headers: {}, statusCode: undefined };
  if (requestHeaders !== undefined && Object.keys(requestHeaders).length > 0) {
    command.middlewareStack.add(
      (next) => (args) => {
        const request = args.request as RawHttpMessage;
        request.headers = { ...request.headers, ...requestHeaders };
        return next(args);
      },
      { step: 'build', name: 'quarryRequestHeaders', override: true },
    );
  }
  command.middlewareStack.add(
    (next) => async (args) => {
      try {
        const result = await next(args);
        record(capture, result.response as RawHttpMessage | undefined);
        return result;
      } catch (error) {
        record(capture, (error as { $response?: RawHttpMessage }).$response);
        throw error;
      }
    },
    { step: 'deserialize', name: 'quarryCaptureResponse', override: true },
  );
  return capture;
}

function record(capture: CallCapture, response: RawHttpMessage | undefined): void {
  if (response === undefined) return;
  capture.headers = response.headers ?? {};
  capture.statusCode = response.statusCode;
}

/** Bedrock's InvokeModel usage headers (its billing counts), when present. */
export function usageFromHeaders(headers: Readonly<Record<string, string>>): Usage | undefined {
  const inputHeader = headers['x-amzn-bedrock-input-token-count'];
  if (inputHeader === undefined) return undefined;
  const input = Number(inputHeader);
  // Embedding and image responses may omit the output count.
  const output = Number(headers['x-amzn-bedrock-output-token-count'] ?? 0);
  if (!Number.isInteger(input) || !Number.isInteger(output) || input < 0 || output < 0) return undefined;
  return usageOf(input, output);
}
