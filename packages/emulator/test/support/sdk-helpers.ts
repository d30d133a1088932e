import type { InvokeModelWithResponseStreamCommandOutput } from '@aws-sdk/client-bedrock-runtime';

/** A decoded native payload, read loosely: tests index into many shapes and let assertions check them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type LooseJson = Record<string, any>;

/** JSON-encodes a native body for InvokeModel. */
export function body(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

/** Decodes an InvokeModel response body. */
export function decodeBody(bytes: Uint8Array | undefined): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** Drains an InvokeModelWithResponseStream body into decoded native chunks. */
export async function collectChunks(
  output: InvokeModelWithResponseStreamCommandOutput,
): Promise<Record<string, unknown>[]> {
  const chunks: Record<string, unknown>[] = [];
  for await (const event of output.body ?? []) {
    if (event.chunk?.bytes !== undefined) chunks.push(decodeBody(event.chunk.bytes));
  }
  return chunks;
}

/** Installs a middleware that captures the raw HTTP response headers of each call. */
export function captureHeaders(client: {
  middlewareStack: { add: (...args: never[]) => void };
}): () => Record<string, string> {
  let headers: Record<string, string> = {};
  const middleware =
    (next: (args: unknown) => Promise<{ response: { headers: Record<string, string> } }>) =>
    async (args: unknown) => {
      const result = await next(args);
      headers = result.response.headers;
      return result;
    };
  (client.middlewareStack.add as (middleware: unknown, options: unknown) => void)(middleware, {
    step: 'deserialize',
    name: 'captureHeaders',
  });
  return () => headers;
}

/**
 * Adds request headers (e.g. `x-quarry-fault`) to every call of an SDK client; mutate the returned
 * object to change them between calls.
 */
export function extraHeaders(client: {
  middlewareStack: { add: (...args: never[]) => void };
}): Record<string, string> {
  const headers: Record<string, string> = {};
  const middleware =
    (next: (args: { request: { headers: Record<string, string> } }) => Promise<unknown>) =>
    (args: { request: { headers: Record<string, string> } }) => {
      Object.assign(args.request.headers, headers);
      return next(args);
    };
  (client.middlewareStack.add as (middleware: unknown, options: unknown) => void)(middleware, {
    step: 'build',
    name: 'extraHeaders',
  });
  return headers;
}
