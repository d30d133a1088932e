import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';

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
 * Adapts an HTTP/2 stream to an Exchange. Responses never carry `connection`, `keep-alive`,
 * `transfer-encoding` or `upgrade`: Node refuses them on h2 (bedrock-protocol.md §1.3).
 */
export function createHttp2Exchange(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): Exchange {
  const abort = createLazyAbort();
  stream.on('error', () => {
    // Resets and session teardown surface here; the abort signal already tells the handler.
  });
  stream.once('close', () => {
    if (!stream.writableFinished) abort.abort();
  });
  const writes = createWriteTracker();
  const sink: ResponseSink = {
    get headersSent() {
      return stream.headersSent;
    },
    get writable() {
      return !stream.destroyed && !stream.writableEnded;
    },
    start(status, responseHeaders) {
      if (stream.destroyed) return;
      // http2 fills in `date` itself when the header is missing.
      stream.respond({ ':status': status, ...responseHeaders });
    },
    async write(chunk) {
      if (stream.destroyed) return;
      if (!stream.write(chunk, writes.track())) await waitForDrain(stream);
    },
    end(chunk) {
      if (stream.destroyed) return;
      if (chunk === undefined) stream.end();
      else stream.end(chunk);
    },
    destroyConnection() {
      const session = stream.session;
      // Destroying the session closes its socket without GOAWAY, like a dropped TCP connection.
      // The extra turn lets frames the stream has handed over reach the socket first.
      void writes.idle().then(() =>
        setImmediate(() => {
          session?.destroy();
        }),
      );
    },
  };
  return {
    method: headers[':method'] ?? 'GET',
    rawTarget: headers[':path'] ?? '/',
    headers: flattenHeaders(headers),
    get signal() {
      return abort.signal;
    },
    get aborted() {
      return abort.aborted;
    },
    readBody: (maxBytes) => collectBody(stream, maxBytes),
    sink,
  };
}
