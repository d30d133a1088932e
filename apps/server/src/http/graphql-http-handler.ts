import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import { Kind, OperationTypeNode, parse } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { QuarryError, type Logger } from '@quarry/core';
import type { GatewayContext } from '../context.js';
import { ClientGoneError } from '../errors/client-gone-error.js';
import type { Caller } from '../governance/caller.js';
import type { Authentication } from '../governance/key-service.js';
import type { OperationRegistry } from '../operations/operation-registry.js';
import type { GraphQLFastPath } from './graphql-fast-path.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { requestIdOf } from './request-id.js';
import { sendGraphQLError } from './send-json.js';

export interface GraphQLHttpHandlerOptions {
  readonly apollo: ApolloServer<GatewayContext>;
  readonly authenticate: (authorization: unknown) => Promise<Authentication>;
  readonly maxBodyBytes: number;
  /** Builds the context of one request; `signal` aborts when the client disconnects. */
  readonly createContext: (signal: AbortSignal, caller: Caller, requestId: string) => GatewayContext;
  /** Requests in flight; shutdown and key revocation abort what is still here. */
  readonly operations: OperationRegistry;
  readonly onResponse: (status: number) => void;
  /** A request the fast path answered. */
  readonly onFastPath?: (() => void) | undefined;
  readonly logger: Logger;
  /** Answers the common requests without Apollo's pipeline; undefined: Apollo answers every request. */
  readonly fastPath?: GraphQLFastPath | undefined;
}

const SUBSCRIPTIONS_OVER_WS =
  'Subscriptions are served over graphql-ws: connect a graphql-ws client to ws://<host>/graphql.';

/**
 * Whether the request's document holds a subscription. Apollo's plugin refuses those too, but only
 * after validation, and graphql-js 16's validation throws (answered 500) on a subscription whose
 * root field has `@include`/`@skip` with a variable. Parsed only when the text could be one.
 */
function isSubscriptionRequest(body: unknown, url: string): boolean {
  const query =
    body === undefined
      ? new URLSearchParams(url.slice(url.indexOf('?') + 1)).get('query')
      : typeof body === 'object' && body !== null && 'query' in body
        ? body.query
        : undefined;
  if (typeof query !== 'string' || !query.includes('subscription')) return false;
  try {
    return parse(query, { maxTokens: MAX_PEEK_TOKENS }).definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION &&
        definition.operation === OperationTypeNode.SUBSCRIPTION,
    );
  } catch {
    // Not parseable (or too long to peek at): Apollo answers it with the usual parse error.
    return false;
  }
}

/** Enough for any document under the gateway's token limit; larger ones are Apollo's to refuse. */
const MAX_PEEK_TOKENS = 10_000;

/**
 * Serves Apollo on plain node:http (no framework in the hot path): request id, identity, body
 * limit and JSON parsing here, everything GraphQL in Apollo — or, for a request the fast path
 * recognises (a known, valid query or mutation), in the fast path, which answers what Apollo
 * would. The request's AbortSignal fires when the client goes away or its key is revoked,
 * cancelling its upstream Bedrock call.
 */
export function createGraphQLHttpHandler(options: GraphQLHttpHandlerOptions) {
  return async function handleGraphQL(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = requestIdOf(request.headers['x-request-id']);
    response.setHeader('x-request-id', requestId);
    response.once('finish', () => {
      options.onResponse(response.statusCode);
    });
    let auth: Authentication;
    try {
      auth = await options.authenticate(request.headers.authorization);
    } catch (error) {
      // Keys live in the database: while it is unreachable a key cannot be checked, so the request
      // is refused — quickly, and with a code that says to retry — rather than let in or answered 500.
      if (!(error instanceof QuarryError)) throw error;
      sendGraphQLError(response, 503, error.code, error.message, { retryable: error.retryable });
      return;
    }
    if (!auth.ok) {
      sendGraphQLError(response, 401, 'UNAUTHENTICATED', auth.message);
      return;
    }
    let body: unknown;
    if (request.method === 'POST') {
      try {
        const raw = await readBody(request, options.maxBodyBytes);
        body = raw.length === 0 ? undefined : (JSON.parse(raw.toString('utf8')) as unknown);
      } catch (error) {
        if (error instanceof BodyTooLargeError) sendGraphQLError(response, 413, 'BAD_REQUEST', error.message);
        else
          sendGraphQLError(
            response,
            400,
            'BAD_REQUEST',
            'The request body is not valid JSON: send {"query": "...", "variables": {...}}.',
          );
        return;
      }
    }
    if (isSubscriptionRequest(request.method === 'POST' ? body : undefined, request.url ?? '/')) {
      sendGraphQLError(response, 400, 'BAD_REQUEST', SUBSCRIPTIONS_OVER_WS);
      return;
    }
    // Settles in microtasks (the persisted-query cache is in memory), so no 'close' can pass unheard.
    const fast = await options.fastPath?.match(request.method, body, request.headers);
    const controller = options.operations.start(auth.caller.keyId, request.headers.authorization);
    // 'close' on the response fires when it finished or the connection died; only the latter cancels.
    response.once('close', () => {
      if (response.writableFinished) return;
      // A client hanging up is its own choice, not a gateway fault: one info line, no error.
      options.logger.info(
        { event: 'gateway.request.client-gone', requestId },
        'client disconnected before the answer; its upstream call is cancelled',
      );
      controller.abort(new ClientGoneError('disconnected'));
    });
    const createContext = () => options.createContext(controller.signal, auth.caller, requestId);
    try {
      if (fast !== undefined && options.fastPath !== undefined) {
        let contextValue: GatewayContext | undefined;
        try {
          contextValue = createContext();
        } catch {
          // Apollo has its own answer (and hooks) for a context factory that throws: it calls the
          // factory again below and answers as it always has.
        }
        if (contextValue !== undefined) {
          const answer = await options.fastPath.execute(fast, contextValue);
          options.onFastPath?.();
          for (const [name, value] of answer.headers) response.setHeader(name, value);
          response.statusCode = answer.status ?? 200;
          // Bytes, not a string: Node writes a Buffer as it is, after the header, where a string
          // is measured, then joined to the header and copied again (json-bytes.ts).
          response.end(answer.body);
          return;
        }
      }
      const result: HTTPGraphQLResponse = await executeInApollo(request, body, createContext);
      for (const [name, value] of result.headers) response.setHeader(name, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') {
        response.end(result.body.string);
        return;
      }
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    } finally {
      // Finished once its resolvers settled (usage and audit rows handed on), not when its
      // connection closed, which may be earlier: shutdown waits for exactly this.
      options.operations.finish(controller);
    }
  };

  function executeInApollo(
    request: IncomingMessage,
    body: unknown,
    createContext: () => GatewayContext,
  ): Promise<HTTPGraphQLResponse> {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    return options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: (request.method ?? 'GET').toUpperCase(),
        headers,
        search: queryStart === -1 ? '' : url.slice(queryStart),
        body,
      },
      context: () => Promise.resolve(createContext()),
    });
  }
}
