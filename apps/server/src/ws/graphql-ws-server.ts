import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { GatewayContext } from '../context.js';
import { QuarryError, type Logger } from '@quarry/core';
import { ClientGoneError } from '../errors/client-gone-error.js';
import { GatewayError } from '../errors/gateway-error.js';
import { formatError, type FormatOptions } from '../errors/format-error.js';
import type { Caller } from '../governance/caller.js';
import type { Authentication } from '../governance/key-service.js';
import type { OperationRegistry } from '../operations/operation-registry.js';
import { batchWrites } from './batched-writes.js';
import { completedOperationId } from './completed-operation-id.js';
import { createDocumentCache, DOCUMENT_CACHE_LIMITS } from './document-cache.js';
import { createSubscribeOnce } from './subscribe-once.js';

export interface GraphQLWsOptions {
  readonly httpServer: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  /** Resolves connection_init's authorization once per socket, and again for each operation (revocation, expiry). */
  readonly authenticate: (authorization: unknown) => Promise<Authentication>;
  readonly recheck: (caller: Caller, authorization: unknown) => Promise<Authentication>;
  readonly maxMessageBytes: number;
  readonly maxTokens: number;
  readonly maxSubscriptionsPerSocket: number;
  /** Depth, alias and directive limits, shared with the HTTP side. */
  readonly validationRules: readonly ValidationRule[];
  readonly format: FormatOptions;
  readonly operations: OperationRegistry;
  readonly createContext: (signal: AbortSignal, caller: Caller, requestId: string) => GatewayContext;
  /** Sockets opened (+1) and closed (-1). */
  readonly onSocket: (delta: 1 | -1) => void;
  readonly logger: Logger;
}

export interface GraphQLWsServer {
  /**
   * Cancels every operation at once with `reason`, which clients receive as the operation's
   * error; resolves once those errors are sent (or after a second at most).
   */
  cancelAll(reason: Error): Promise<void>;
  /**
   * Closes each socket with 1001 Going Away and terminates sockets still open after `graceMs`
   * (a client that stopped reading never completes the close).
   */
  close(graceMs: number): Promise<void>;
  /**
   * Ends the operations of a key whose secret stopped working (revoked, rotated) with `reason`
   * (UNAUTHENTICATED); the socket's later operations are refused by the per-operation recheck.
   */
  cancelKey(keyId: string, reason: Error): void;
}

/** graphql-ws on the same HTTP server and path as Apollo, with the same limits and error format. */
export function startGraphQLWs(options: GraphQLWsOptions): GraphQLWsServer {
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: options.maxMessageBytes,
  });
  const rules = [
    ...specifiedRules,
    ...options.validationRules,
    // Apollo turns introspection off in production on HTTP; the socket must not be a side door.
    ...(options.format.production ? [NoSchemaIntrospectionCustomRule] : []),
  ];
  const documents = createDocumentCache<DocumentNode | readonly GraphQLError[]>(DOCUMENT_CACHE_LIMITS);
  const formatAll = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => formatError(error.toJSON(), error.originalError ?? error, options.format));

  const prepare = (query: string): DocumentNode | readonly GraphQLError[] => {
    const cached = documents.get(query);
    if (cached !== undefined) return cached;
    let result: DocumentNode | readonly GraphQLError[] = [];
    let document: DocumentNode | undefined;
    try {
      document = parse(query, { maxLexicalTokens: options.maxTokens });
    } catch (error) {
      result = [asCoded(error, 'GRAPHQL_PARSE_FAILED')];
    }
    if (document !== undefined) {
      try {
        const errors = validate(options.schema, document, rules);
        result =
          errors.length > 0 ? errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) : document;
      } catch (error) {
        // graphql-js 16 throws from validation on a subscription whose root field has
        // @include/@skip with a variable (the spec forbids those directives there).
        result = [asCoded(error, 'GRAPHQL_VALIDATION_FAILED')];
      }
    }
    documents.set(query, result);
    return result;
  };

  // Running operations by their subscribe payload, which graphql-ws hands to onSubscribe and
  // onComplete alike: unlike the id, which a client may reuse as soon as it sent `complete`, the
  // payload names one operation.
  const running = new WeakMap<object, RunningOperation>();
  // The current operation of each id on a socket: what a client `complete` or a closed socket cancels.
  const currentById = new WeakMap<WebSocket, Map<string, RunningOperation>>();
  // How many have not finished, so shutdown can let their errors go out before closing sockets.
  let unfinished = 0;
  let onIdle: (() => void) | undefined;
  let stopping: Error | undefined;

  // Who each socket authenticated as (connection_init), and with what, for the per-operation recheck.
  const identities = new WeakMap<WebSocket, { caller: Caller; authorization: unknown }>();

  const track = (
    socket: WebSocket,
    id: string,
    payload: object,
    keyId: string,
    credential: unknown,
  ): AbortController => {
    const operation = { controller: options.operations.start(keyId, credential), socket, id, payload };
    running.set(payload, operation);
    let byId = currentById.get(socket);
    if (byId === undefined) {
      byId = new Map();
      currentById.set(socket, byId);
    }
    byId.set(id, operation);
    unfinished += 1;
    return operation.controller;
  };
  const finish = (payload: object): void => {
    const operation = running.get(payload);
    if (operation === undefined) return;
    running.delete(payload);
    const byId = currentById.get(operation.socket);
    if (byId?.get(operation.id) === operation) byId.delete(operation.id);
    options.operations.finish(operation.controller);
    unfinished -= 1;
    if (unfinished === 0) onIdle?.();
  };

  wsServer.on('connection', (socket: WebSocket) => {
    // Before graphql-ws's own listener sends anything: each burst of events leaves in one write.
    batchWrites(socket);
    options.onSocket(1);
    socket.once('close', () => {
      options.onSocket(-1);
    });
    socket.on('message', (data) => {
      const id = completedOperationId(data);
      if (id === undefined) return;
      currentById.get(socket)?.get(id)?.controller.abort(new ClientGoneError('completed'));
    });
  });

  const cleanup = useServer(
    {
      schema: options.schema,
      // Variables coerced once per subscription, not once per streamed event.
      subscribe: createSubscribeOnce(options.schema),
      onConnect: async (ctx) => {
        const authorization = ctx.connectionParams?.['authorization'];
        let auth: Authentication;
        try {
          auth = await options.authenticate(authorization);
        } catch (error) {
          if (!(error instanceof QuarryError)) throw error;
          // The key store is unreachable: 1013 Try Again Later, not 4403 (the key may be fine).
          ctx.extra.socket.close(1013, 'The gateway cannot check API keys right now; retry shortly.');
          return false;
        }
        if (!auth.ok) return false;
        identities.set(ctx.extra.socket, { caller: auth.caller, authorization });
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        // This subscription is already counted in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > options.maxSubscriptionsPerSocket) {
          const error = new GatewayError(
            'RATE_LIMITED',
            `This socket already has ${options.maxSubscriptionsPerSocket} active subscriptions; complete some or open another socket.`,
          );
          return [new GraphQLError(error.message, { originalError: error })];
        }
        // Between cancelAll and the sockets closing, new work would only be cut without a reason.
        if (stopping !== undefined) return [new GraphQLError(stopping.message, { originalError: stopping })];
        const identity = identities.get(ctx.extra.socket);
        // A key revoked, rotated away or expired since connection_init gets nothing more on this socket.
        let auth: Authentication | undefined;
        try {
          auth =
            identity === undefined
              ? undefined
              : await options.recheck(identity.caller, identity.authorization);
        } catch (error) {
          if (!(error instanceof QuarryError)) throw error;
          return [new GraphQLError(error.message, { originalError: error })];
        }
        if (auth?.ok !== true) {
          const error = new GatewayError('UNAUTHENTICATED', auth?.message ?? 'Not authenticated.');
          return [new GraphQLError(error.message, { originalError: error })];
        }
        const document = prepare(payload.query);
        if (isErrorList(document)) return document;
        const controller = track(ctx.extra.socket, id, payload, auth.caller.keyId, identity?.authorization);
        return {
          schema: options.schema,
          document,
          ...(payload.operationName != null && { operationName: payload.operationName }),
          ...(payload.variables != null && { variableValues: payload.variables }),
          contextValue: options.createContext(controller.signal, auth.caller, randomUUID()),
        };
      },
      onComplete: (_ctx, _id, payload) => {
        finish(payload);
      },
      // A closed socket cancels what it started: queries and mutations included, not only streams.
      onClose: (ctx) => {
        for (const operation of [...(currentById.get(ctx.extra.socket)?.values() ?? [])]) {
          operation.controller.abort(new ClientGoneError('socket-closed'));
          finish(operation.payload);
        }
      },
      onNext: (_ctx, _id, payload, _args, result) => {
        if (result.errors === undefined) return undefined;
        const cut = cancelledWith(payload);
        if (cut !== undefined) return { errors: formatAll([cut]) };
        return {
          ...(result.data !== undefined && { data: result.data }),
          errors: formatAll(result.errors),
          ...(result.extensions !== undefined && { extensions: result.extensions }),
        };
      },
      // graphql-ws rebuilds an iterator's error from its message alone; originalError keeps the code.
      onError: (_ctx, _id, payload, errors) => {
        const cut = cancelledWith(payload);
        return formatAll(cut === undefined ? errors : [cut]);
      },
    },
    wsServer,
  );
  // graphql-ws prints socket errors (an oversized message, a broken frame) and server errors (a
  // taken port, re-emitted from the HTTP server) to stderr as multi-line stacks. ws has already
  // closed such a socket with the right code (1009 for a message over maxPayload); operators get
  // one JSON line instead. The taken port is reported by startServer's caller.
  wsServer.removeAllListeners('error');
  wsServer.on('error', () => undefined);
  wsServer.on('connection', (socket: WebSocket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error: Error & { code?: string }) => {
      options.logger.warn(
        { event: 'gateway.ws.socket-error', code: error.code, reason: error.message },
        `graphql-ws socket closed: ${error.message}`,
      );
    });
  });

  /**
   * An operation cancelled by the gateway with a coded reason (revocation) reports that reason,
   * whatever error its resolver saw when its upstream call was aborted.
   */
  const cancelledWith = (payload: object): GraphQLError | undefined => {
    const reason: unknown = running.get(payload)?.controller.signal.reason;
    return reason instanceof GatewayError
      ? new GraphQLError(reason.message, { originalError: reason })
      : undefined;
  };

  return {
    cancelKey(keyId, reason) {
      options.operations.abortKey(keyId, reason);
    },
    async cancelAll(reason) {
      stopping = reason;
      const idle = new Promise<void>((resolve) => {
        onIdle = resolve;
        if (unfinished === 0) resolve();
      });
      options.operations.abortAll(reason);
      // Cancelled operations end within a few ticks; wait (bounded) so their errors go out first.
      await raceTimeout(idle, MAX_CANCEL_WAIT_MS);
    },
    async close(graceMs) {
      const closed = [...wsServer.clients].map(
        (client) =>
          new Promise<void>((resolve) => {
            client.once('close', () => {
              resolve();
            });
            client.close(1001, 'Server shutting down');
          }),
      );
      await raceTimeout(Promise.all(closed), graceMs);
      for (const client of wsServer.clients) client.terminate();
      await cleanup.dispose();
    },
  };
}

interface RunningOperation {
  readonly controller: AbortController;
  readonly socket: WebSocket;
  readonly id: string;
  readonly payload: object;
}

/** How long shutdown waits for cancelled operations to send their errors before closing sockets. */
const MAX_CANCEL_WAIT_MS = 1_000;

/** Resolves when `promise` does or after `ms`, whichever is first. */
async function raceTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    promise,
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

function isErrorList(value: DocumentNode | readonly GraphQLError[]): value is readonly GraphQLError[] {
  return Array.isArray(value);
}

function asCoded(error: unknown, code: string): GraphQLError {
  return withCode(error instanceof GraphQLError ? error : new GraphQLError(String(error)), code);
}

/** A copy of a graphql-js error with a code, so both transports report the same codes. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    ...(error.nodes !== undefined && { nodes: error.nodes }),
    ...(error.source !== undefined && { source: error.source }),
    ...(error.positions !== undefined && { positions: error.positions }),
    extensions: { ...error.extensions, code },
  });
}
