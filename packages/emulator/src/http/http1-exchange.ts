import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Exchange } from './exchange.js';
import { createNodeExchange } from './node-exchange.js';

/** Adapts a Node HTTP/1.1 request to an Exchange. Node adds `date`, keep-alive and chunking itself. */
export function createHttp1Exchange(request: IncomingMessage, response: ServerResponse): Exchange {
  return createNodeExchange({
    method: request.method ?? 'GET',
    rawTarget: request.url ?? '/',
    headers: request.headers,
    body: request,
    response,
    start(status, headers) {
      response.writeHead(status, headers);
    },
    destroyConnection(written) {
      void written.then(() => request.socket.destroy());
    },
  });
}
