import type { Writable } from 'node:stream';

import {
  collectBody,
  createLazyAbort,
  createWriteTracker,
  flattenHeaders,
  type Exchange,
  type ResponseSink,
} from './exchange.js';
import { waitForDrain } from './wait-for-drain.js';

/**
 * One request as a Node transport hands it over: a ServerResponse answers on HTTP/1.1, the stream
 * itself on HTTP/2. Both are Writables, so writing, ending and noticing a vanished client work the
 * same; only sending the head and cutting the connection differ.
 */
export interface NodeTransportRequest {
  readonly method: string;
  readonly rawTarget: string;
  readonly headers: Readonly<Record<string, string | string[] | number | undefined>>;
  readonly body: NodeJS.ReadableStream;
  readonly response: Writable & { readonly headersSent: boolean };
  /** Sends the status and headers; becomes the sink's `start` as is, so it must not rely on `this`. */
  readonly start: (status: number, headers: Readonly<Record<string, string>>) => void;
  /** Cuts the connection without a proper end once `written` resolves (the bytes written so far have left). */
  readonly destroyConnection: (written: Promise<void>) => void;
}

/** Adapts either transport's request to an Exchange. */
export function createNodeExchange(transport: NodeTransportRequest): Exchange {
  const { response } = transport;
  const abort = createLazyAbort();
  response.once('close', () => {
    if (!response.writableFinished) abort.abort();
  });
  const writes = createWriteTracker();
  const sink: ResponseSink = {
    get headersSent() {
      return response.headersSent;
    },
    get writable() {
      return !response.destroyed && !response.writableEnded;
    },
    start: transport.start,
    write(chunk) {
      if (response.destroyed) return undefined;
      return response.write(chunk, writes.track()) ? undefined : waitForDrain(response);
    },
    end(chunk) {
      if (response.destroyed) return;
      if (chunk === undefined) response.end();
      else response.end(chunk);
    },
    destroyConnection() {
      transport.destroyConnection(writes.idle());
    },
  };
  return {
    method: transport.method,
    rawTarget: transport.rawTarget,
    headers: flattenHeaders(transport.headers),
    get signal() {
      return abort.signal;
    },
    get aborted() {
      return abort.aborted;
    },
    readBody: (maxBytes) => collectBody(transport.body, maxBytes),
    sink,
  };
}
