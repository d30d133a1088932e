import type { Server } from 'node:http';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { GatewayContext } from '../context.js';
import type { FormatOptions } from '../errors/format-error.js';
import { formatError } from '../errors/format-error.js';
import { isAuthorized } from '../http/auth.js';

export interface GraphQLWsOptions {
  readonly httpServer: Server;
  readonly path: string;
  readonly schema: GraphQLSchema;
  readonly adminKey: string | undefined;
  readonly maxMessageBytes: number;
  readonly maxTokens: number;
  readonly maxSubscriptionsPerSocket: number;
  /** Depth, alias and directive limits, shared with the HTTP side. */
  readonly validationRules: readonly ValidationRule[];
  readonly format: FormatOptions;
  readonly createContext: () => GatewayContext;
}

export interface GraphQLWsServer {
  /** Closes every socket (1001 Going Away), which cancels their subscriptions' upstream streams. */
  dispose(): Promise<void>;
  connections(): number;
}

/** graphql-ws on the same HTTP server and path as Apollo. */
export function startGraphQLWs(options: GraphQLWsOptions): GraphQLWsServer {
  const wsServer = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: options.maxMessageBytes,
  });
  const rules = [...specifiedRules, ...options.validationRules];
  const formatAll = (errors: readonly GraphQLError[]): GraphQLFormattedError[] =>
    errors.map((error) => formatError(error.toJSON(), error.originalError ?? error, options.format));

  const cleanup = useServer(
    {
      schema: options.schema,
      onConnect: (ctx) => isAuthorized(ctx.connectionParams?.['authorization'], options.adminKey),
      onSubscribe: (ctx, _id, payload) => {
        // This subscription is already counted in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > options.maxSubscriptionsPerSocket) {
          return [
            new GraphQLError(
              `This socket already has ${options.maxSubscriptionsPerSocket} active subscriptions; complete some or open another socket.`,
              { extensions: { code: 'RATE_LIMITED' } },
            ),
          ];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: options.maxTokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error))];
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length > 0) return errors;
        return {
          schema: options.schema,
          document,
          ...(payload.operationName != null && { operationName: payload.operationName }),
          ...(payload.variables != null && { variableValues: payload.variables }),
          contextValue: options.createContext(),
        };
      },
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors === undefined
          ? undefined
          : {
              ...(result.data !== undefined && { data: result.data }),
              errors: formatAll(result.errors),
              ...(result.extensions !== undefined && { extensions: result.extensions }),
            },
      // graphql-ws rebuilds an iterator's error from its message alone; originalError keeps the code.
      onError: (_ctx, _id, _payload, errors) => formatAll(errors),
    },
    wsServer,
  );

  return {
    // graphql-ws closes every socket with 1001 Going Away; each close returns its subscriptions.
    async dispose() {
      await cleanup.dispose();
    },
    connections: () => wsServer.clients.size,
  };
}
