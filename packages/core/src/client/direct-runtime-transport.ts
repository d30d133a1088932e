import type {
  BedrockRuntimeClient,
  ConverseStreamOutput,
  ResponseStream,
} from '@aws-sdk/client-bedrock-runtime';
import { HttpRequest } from '@smithy/core/protocols';
import type { HttpResponse } from '@smithy/types';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ConverseRequestFields } from '../converse/converse-request.js';
import { resolveDirectRuntimeSetup, type DirectRuntimeSetup } from './direct-runtime-setup.js';
import { httpErrorOf, requestIdOf, streamErrorOf } from './direct-runtime-errors.js';
import { eventStreamBody } from './event-stream-body.js';
import { utf8Of } from './event-stream-frames.js';
import type { OpenedStream } from './read-event-stream.js';
import type { RuntimeCall, RuntimeTransport } from './runtime-transport.js';

export interface DirectRuntimeOptions {
  /** Used for calls the direct path does not take (bearer API keys) and as the reference. */
  readonly fallback: RuntimeTransport;
  /** `amz-sdk-invocation-id` per call. @default crypto.randomUUID */
  readonly invocationId?: (() => string) | undefined;
}

/** ConverseStream's event members; any other event type is skipped, as the SDK does. */
const CONVERSE_EVENTS = new Set([
  'messageStart',
  'contentBlockStart',
  'contentBlockDelta',
  'contentBlockStop',
  'messageStop',
  'metadata',
]);

/**
 * The hot runtime operations without the SDK's per-command machinery (see RuntimePath). Plain
 * calls go through `runtime`'s request handler and streams through `streamingRuntime`'s, so the
 * connection pools are the ones the SDK path uses.
 */
export function createDirectRuntimeTransport(
  runtime: BedrockRuntimeClient,
  streamingRuntime: BedrockRuntimeClient,
  options: DirectRuntimeOptions,
): RuntimeTransport {
  const invocationId = options.invocationId ?? randomUUID;
  const { fallback } = options;
  let plainSetup: Promise<DirectRuntimeSetup | undefined> | undefined;
  let streamSetup: Promise<DirectRuntimeSetup | undefined> | undefined;
  // Resolved on first use (the SDK resolves its providers lazily too); a failure is retried next call.
  const setupOf = (streaming: boolean): Promise<DirectRuntimeSetup | undefined> => {
    const pending = streaming
      ? (streamSetup ??= resolveDirectRuntimeSetup(streamingRuntime))
      : (plainSetup ??= resolveDirectRuntimeSetup(runtime));
    pending.catch(() => {
      if (streaming) streamSetup = undefined;
      else plainSetup = undefined;
    });
    return pending;
  };

  async function send(
    setup: DirectRuntimeSetup,
    call: RuntimeCall,
    operation: string,
    body: string,
    accept: Readonly<Record<string, string>>,
    streaming: boolean,
  ): Promise<HttpResponse> {
    const identity = await setup.credentials();
    const [sdkAgent, fullAgent] = setup.userAgent(identity);
    // Header order and values as the SDK's build and finalize steps leave them.
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...accept,
      'content-length': String(Buffer.byteLength(body)),
      ...call.headers,
      'x-amz-user-agent': sdkAgent,
      'user-agent': fullAgent,
      [setup.authorityHeader]: setup.authority,
      'amz-sdk-invocation-id': invocationId(),
      'amz-sdk-request': `attempt=1; max=${setup.maxAttempts}`,
    };
    const request = new HttpRequest({
      protocol: setup.protocol,
      hostname: setup.hostname,
      ...(setup.port !== undefined && { port: setup.port }),
      method: 'POST',
      path: `${setup.basePath}/model/${encodeLabel(call.modelId)}/${operation}`,
      query: {},
      headers,
      body,
    });
    const sentAt = Date.now();
    const signed = await setup.signer.sign(request, {
      signingDate: setup.signingDate(),
      signingRegion: setup.region,
      signingService: 'bedrock',
    });
    const { response } = await setup.handler.handle(
      signed,
      call.signal === undefined ? {} : { abortSignal: call.signal },
    );
    if (!streaming) setup.sampleClock(response.headers, sentAt);
    if (response.statusCode < 200 || response.statusCode >= 300) {
      const text = await readText(response.body as Readable | undefined);
      throw httpErrorOf({ statusCode: response.statusCode, headers: response.headers }, text);
    }
    return response;
  }

  return {
    path: 'direct',
    async invokeModel(call) {
      const setup = await setupOf(false);
      if (setup === undefined) return fallback.invokeModel(call);
      const response = await send(setup, call, 'invoke', call.body, { accept: 'application/json' }, false);
      return {
        text: await readText(response.body as Readable | undefined),
        headers: response.headers,
        requestId: requestIdOf(response.headers),
      };
    },
    async invokeModelStream(call) {
      const setup = await setupOf(true);
      if (setup === undefined) return fallback.invokeModelStream(call);
      // The streaming operation carries its `accept` member in a header of its own.
      const response = await send(
        setup,
        call,
        'invoke-with-response-stream',
        call.body,
        {
          'x-amzn-bedrock-accept': 'application/json',
        },
        true,
      );
      return {
        requestId: requestIdOf(response.headers),
        events: invokeStreamEvents(response.body as Readable),
      } satisfies OpenedStream<ResponseStream>;
    },
    async converse(call) {
      const setup = await setupOf(false);
      if (setup === undefined) return fallback.converse(call);
      const response = await send(setup, call, 'converse', converseBody(call.fields), {}, false);
      const text = await readText(response.body as Readable | undefined);
      return { output: JSON.parse(text) as never, requestId: requestIdOf(response.headers) };
    },
    async converseStream(call) {
      const setup = await setupOf(true);
      if (setup === undefined) return fallback.converseStream(call);
      const response = await send(setup, call, 'converse-stream', converseBody(call.fields), {}, true);
      return {
        requestId: requestIdOf(response.headers),
        events: converseStreamEvents(response.body as Readable),
      } satisfies OpenedStream<ConverseStreamOutput>;
    },
  };
}

function invokeStreamEvents(body: Readable): AsyncIterableIterator<ResponseStream> {
  return eventStreamBody(body, {
    errorOf: (message) => streamErrorOf('InvokeModelWithResponseStream', message),
    asFirstError: asSendError,
    toEvent: (message) => {
      if (message.headers[':event-type']?.value !== 'chunk') return undefined;
      const payload = JSON.parse(utf8Of(message.body)) as { bytes?: string };
      return { chunk: { bytes: Buffer.from(payload.bytes ?? '', 'base64') } };
    },
  });
}

function converseStreamEvents(body: Readable): AsyncIterableIterator<ConverseStreamOutput> {
  return eventStreamBody(body, {
    errorOf: (message) => streamErrorOf('ConverseStream', message),
    asFirstError: asSendError,
    toEvent: (message) => {
      const type = message.headers[':event-type']?.value;
      if (typeof type !== 'string' || !CONVERSE_EVENTS.has(type)) return undefined;
      return { [type]: JSON.parse(utf8Of(message.body)) as unknown } as unknown as ConverseStreamOutput;
    },
  });
}

/**
 * The SDK reads the first frame inside send(), so an exception there passes its retry step,
 * which stamps the attempt count on it; later in-stream exceptions carry no metadata.
 */
function asSendError(error: Error): Error {
  const withMetadata = error as Error & { $metadata?: Record<string, unknown> };
  withMetadata.$metadata = { ...withMetadata.$metadata, attempts: 1, totalRetryDelay: 0 };
  return error;
}

async function readText(body: Readable | undefined): Promise<string> {
  if (body === undefined) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Converse's JSON body as the SDK's schema serializer writes it: blobs (image bytes) as base64,
 * members in schema order, which puts a structure's required members first. Only ToolSpecification
 * (`name`, `inputSchema`, then `description`) differs from the order toConverseRequest builds.
 */
function converseBody(fields: ConverseRequestFields): string {
  return JSON.stringify(fields, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key];
    if (original instanceof Uint8Array) return Buffer.from(original).toString('base64');
    if (key === 'toolSpec' && typeof value === 'object' && value !== null) {
      const { name, inputSchema, ...rest } = value as Record<string, unknown>;
      return { name, inputSchema, ...rest };
    }
    return value;
  });
}

/** A path label as the SDK escapes it: encodeURIComponent plus ! ' ( ) * (bedrock-protocol.md §1.4). */
function encodeLabel(label: string): string {
  return encodeURIComponent(label).replace(
    /[!'()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
