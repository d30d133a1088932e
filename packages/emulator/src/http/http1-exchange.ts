import type { IncomingMessage, ServerResponse } from 'node:http';

import {
  collectBody,
  createLazyAbort,
  createWriteTracker,
  flattenHeaders,
  type Exchange,
  type ResponseSink,
} from './exchange.js';
import { waitForDrain } from './wait-for-drain.js';

/** Adapts a Node HTTP/1.1 request to an Exchange. Node adds `date`, keep-alive and chunking itself. */
export function createHttp1Exchange(request: IncomingMessage, response: ServerResponse): Exchange {
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
    start(status, headers) {
      response.writeHead(status, headers);
    },
    async write(chunk) {
      if (response.destroyed) return;
      if (!response.write(chunk, writes.track())) await waitForDrain(response);
    },
    end(chunk) {
      if (response.destroyed) return;
      if (chunk === undefined) response.end();
      else response.end(chunk);
    },
    destroyConnection() {
      void writes.idle().then(() => request.socket.destroy());
    },
  };
  return {
    method: request.method ?? 'GET',
    rawTarget: request.url ?? '/',
    headers: flattenHeaders(request.headers),
    get signal() {
      return abort.signal;
    },
    get aborted() {
      return abort.aborted;
    },
    readBody: (maxBytes) => collectBody(request, maxBytes),
    sink,
  };
}
