import type { IncomingHttpHeaders, ServerHttp2Stream } from 'node:http2';

import type { Exchange } from './exchange.js';
import { createNodeExchange } from './node-exchange.js';

/**
 * Adapts an HTTP/2 stream to an Exchange. Responses never carry `connection`, `keep-alive`,
 * `transfer-encoding` or `upgrade`: Node refuses them on h2 (bedrock-protocol.md §1.3).
 */
export function createHttp2Exchange(stream: ServerHttp2Stream, headers: IncomingHttpHeaders): Exchange {
  stream.on('error', () => {
    // Resets and session teardown surface here; the abort signal already tells the handler.
  });
  return createNodeExchange({
    method: headers[':method'] ?? 'GET',
    rawTarget: headers[':path'] ?? '/',
    headers,
    body: stream,
    response: stream,
    start(status, responseHeaders) {
      if (stream.destroyed) return;
      // http2 fills in `date` itself when the header is missing.
      stream.respond({ ':status': status, ...responseHeaders });
    },
    destroyConnection(written) {
      const session = stream.session;
      // Destroying the session closes its socket without GOAWAY, like a dropped TCP connection.
      // The extra turn lets frames the stream has handed over reach the socket first.
      void written.then(() =>
        setImmediate(() => {
          session?.destroy();
        }),
      );
    },
  });
}
