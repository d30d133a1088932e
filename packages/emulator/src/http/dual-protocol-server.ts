import { randomUUID } from 'node:crypto';
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';

import { BedrockHttpError, type EmulatorRequest, type EmulatorResponse } from './emulator-request.js';
import { errorResponse } from './error-response.js';
import { createEventStreamEncoder } from './event-stream-encoder.js';
import type { Exchange } from './exchange.js';
import { createHttp1Exchange } from './http1-exchange.js';
import { createHttp2Exchange } from './http2-exchange.js';
import { parseTarget } from './parse-path.js';
import type { StatsRecorder } from './emulator-stats.js';
import { regionFromAuthorization } from './region-from-authorization.js';
import { writeResponse } from './write-response.js';

/** Answers one parsed request; throw BedrockHttpError for an AWS-shaped error. */
export type RequestHandler = (request: EmulatorRequest) => Promise<EmulatorResponse>;

export interface DualProtocolServerOptions {
  readonly handler: RequestHandler;
  /** Counts connections and open event streams (how tests prove cancelled streams are released). */
  readonly stats: StatsRecorder;
  /**
   * Larger bodies are answered with ValidationException.
   * @default 25 MiB
   */
  readonly maxBodyBytes?: number;
  /** Hears about handler bugs (answered as 500 InternalServerException). @default console.error */
  readonly onInternalError?: (error: unknown) => void;
}

/** HTTP/1.1 and cleartext HTTP/2 on one port. */
export interface DualProtocolServer {
  /** Resolves with the bound port (useful with port 0). */
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting and destroys every open socket and session, so pending streams end at once. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;
// Every HTTP/2 connection starts with this preface ("prior knowledge" h2c, §1.3).
const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

/**
 * One `net.Server` that peeks at each connection's first bytes: the HTTP/2 preface goes to an
 * `http2` server (the runtime SDK clients' default), anything else to an `http` server (the control
 * plane client, NodeHttpHandler, curl). A plain HTTP/1.1 server would fail the runtime client with
 * `ERR_HTTP2_ERROR` (§1.3).
 */
export function createDualProtocolServer(options: DualProtocolServerOptions): DualProtocolServer {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const onInternalError =
    options.onInternalError ??
    ((error: unknown) => {
      console.error('[quarry-emulator]', error);
    });
  const encoder = createEventStreamEncoder();
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();

  const serve = async (exchange: Exchange): Promise<void> => {
    const requestId = randomUUID();
    let response: EmulatorResponse;
    try {
      response = await options.handler(await toRequest(exchange, maxBodyBytes));
    } catch (error) {
      if (exchange.aborted) return;
      response = errorResponse(error, onInternalError);
    }
    await writeResponse(exchange.sink, response, {
      requestId,
      isAborted: () => exchange.aborted,
      encoder,
      onInternalError,
      stats: options.stats,
    });
  };
  const serveSafely = (exchange: Exchange): void => {
    serve(exchange).catch((error: unknown) => {
      onInternalError(error);
      exchange.sink.destroyConnection();
    });
  };

  const http1Server = http.createServer((request, response) => {
    serveSafely(createHttp1Exchange(request, response));
  });
  // Keep idle keep-alive connections about as long as AWS front ends do; Node's 5 s default makes
  // pooled SDK sockets race the server's close and fail with ECONNRESET.
  http1Server.keepAliveTimeout = 65_000;
  const http2Server = http2.createServer();
  http2Server.on('session', (session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
    session.on('error', () => {
      // A client that vanishes mid-session is normal; its streams see the abort.
    });
  });
  http2Server.on('stream', (stream, headers) => {
    serveSafely(createHttp2Exchange(stream, headers));
  });

  const netServer = net.createServer({ pauseOnConnect: true, noDelay: true }, (socket) => {
    sockets.add(socket);
    options.stats.connectionOpened();
    socket.once('close', () => {
      sockets.delete(socket);
      options.stats.connectionClosed();
    });
    socket.on('error', () => {
      // Resets before the hand-off; afterwards the protocol servers handle socket errors too.
    });
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      if (startsLikeHttp2(first)) {
        // http2 reads the native handle directly and replays bytes already buffered in the socket
        // on the next tick; resuming here would hand them to a 'data' event first and the session
        // would start mid-stream ("bad client magic byte string").
        http2Server.emit('connection', socket);
      } else {
        http1Server.emit('connection', socket);
        socket.resume();
      }
    });
    socket.resume();
  });

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        netServer.once('error', reject);
        netServer.listen(port, host, () => {
          netServer.off('error', reject);
          const address = netServer.address();
          resolve(typeof address === 'object' && address !== null ? address.port : port);
        });
      });
    },
    close() {
      const closed = new Promise<void>((resolve) => {
        netServer.close(() => {
          resolve();
        });
      });
      for (const session of sessions) session.destroy();
      for (const socket of sockets) socket.destroy();
      return closed;
    },
  };
}

function startsLikeHttp2(first: Buffer): boolean {
  // Three bytes tell "PRI" from POST/PUT/PATCH; a shorter first packet is taken for HTTP/1.1.
  if (first.length < 3) return false;
  const length = Math.min(first.length, HTTP2_PREFACE.length);
  return first.subarray(0, length).equals(HTTP2_PREFACE.subarray(0, length));
}

async function toRequest(exchange: Exchange, maxBodyBytes: number): Promise<EmulatorRequest> {
  const { segments, query } = parseTarget(exchange.rawTarget);
  const body = await exchange.readBody(maxBodyBytes);
  if (body === undefined) {
    throw new BedrockHttpError(
      400,
      'ValidationException',
      `The request body is larger than the ${maxBodyBytes} bytes this endpoint accepts.`,
    );
  }
  const queryStart = exchange.rawTarget.indexOf('?');
  return {
    method: exchange.method.toUpperCase(),
    segments,
    rawPath: queryStart === -1 ? exchange.rawTarget : exchange.rawTarget.slice(0, queryStart),
    query,
    headers: exchange.headers,
    body,
    region: regionFromAuthorization(exchange.headers['authorization']),
    get signal() {
      return exchange.signal;
    },
  };
}
