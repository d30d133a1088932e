import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Logger, ModelCatalog, QuarryClient } from '@quarry/core';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestLimits } from './config.js';
import type { GatewayContext } from './context.js';
import { formatError, type FormatOptions } from './errors/format-error.js';
import { createGraphQLHttpHandler } from './http/graphql-http-handler.js';
import { sendHealth, sendReady } from './http/health-routes.js';
import { sendGraphQLError } from './http/send-json.js';
import { createModelDirectory } from './models/model-directory.js';
import { buildSchema } from './schema/build-schema.js';
import { startGraphQLWs } from './ws/graphql-ws-server.js';

export const GRAPHQL_PATH = '/graphql';

export interface ServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly client: QuarryClient;
  readonly catalog: ModelCatalog;
  readonly logger: Logger;
  readonly limits: RequestLimits;
  readonly adminKey: string | undefined;
  /** Masks internal errors and turns off introspection and the landing page. */
  readonly production: boolean;
  /** Names the upstream in /ready. */
  readonly upstream: string;
  readonly modelCacheTtlMs: number;
  /** How long stop() lets in-flight HTTP requests finish before cancelling them. @default 10000 */
  readonly shutdownGraceMs?: number;
  readonly now?: () => number;
}

export interface RunningServer {
  /** `http://host:port/graphql` (HTTP and graphql-ws). */
  readonly url: string;
  readonly port: number;
  /**
   * Graceful shutdown: stop accepting, close graphql-ws sockets (cancelling their upstream
   * streams), let HTTP requests finish within the grace period, then cancel the rest.
   */
  stop(): Promise<void>;
}

/** One HTTP server carrying Apollo Server (queries, mutations) and graphql-ws (subscriptions) on one path. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? (() => performance.now());
  const { logger, limits } = options;
  const schema = buildSchema(options.catalog);
  const models = createModelDirectory({
    client: options.client,
    catalog: options.catalog,
    ttlMs: options.modelCacheTtlMs,
    now: Date.now,
  });
  const shutdown = new AbortController();
  // Requests in flight, aborted together at the end of shutdown. A Set instead of
  // AbortSignal.any() per request: cheaper, and no dependent signals piling up on `shutdown`.
  const inFlight = new Set<AbortController>();
  const format: FormatOptions = {
    production: options.production,
    onInternalError: (error) => {
      logger.error({ event: 'gateway.internal-error', err: error }, 'unexpected error');
    },
  };
  const createContext = (signal: AbortSignal): GatewayContext => ({
    client: options.client,
    models,
    logger,
    requestId: randomUUID(),
    signal,
    now,
  });

  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth },
    maxAliases: { n: limits.aliases },
    maxDirectives: { n: limits.directives },
    maxTokens: { n: limits.tokens },
    costLimit: { enabled: false },
    // Field suggestions ("did you mean …") help developers; they are hidden in production only.
    blockFieldSuggestion: { enabled: options.production },
  });
  const protection = armor.protect();

  const httpServer = createServer();
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false,
    validationRules: protection.validationRules,
    formatError: (formatted, error) => formatError(formatted, unwrapResolverError(error), format),
    plugins: [
      // graphql-armor's types come from Apollo's CJS build; the plugin objects are the same.
      ...(protection.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: options.shutdownGraceMs ?? 10_000,
      }),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
  });
  await apollo.start();

  const ws = startGraphQLWs({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    adminKey: options.adminKey,
    maxMessageBytes: limits.wsMessageBytes,
    maxTokens: limits.tokens,
    maxSubscriptionsPerSocket: limits.subscriptionsPerSocket,
    validationRules: protection.validationRules,
    format,
    createContext: () => createContext(shutdown.signal),
  });

  const handleGraphQL = createGraphQLHttpHandler({
    apollo,
    adminKey: options.adminKey,
    maxBodyBytes: limits.httpBodyBytes,
    createContext,
    inFlight,
  });

  httpServer.on('request', (request: IncomingMessage, response: ServerResponse) => {
    route(request, response).catch((error: unknown) => {
      logger.error({ event: 'gateway.http.error', err: error }, 'request failed');
      if (!response.headersSent)
        sendGraphQLError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else response.destroy();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '/').split('?', 1)[0];
    allowCors(response);
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    if (path === GRAPHQL_PATH) return handleGraphQL(request, response);
    if (path === '/health' && request.method === 'GET') {
      sendHealth(response);
      return;
    }
    if (path === '/ready' && request.method === 'GET') {
      return sendReady(response, { models, upstream: options.upstream, readyTimeoutMs: 2_000 });
    }
    sendGraphQLError(
      response,
      404,
      'NOT_FOUND',
      `No route ${request.method ?? 'GET'} ${path ?? '/'}; GraphQL is served at ${GRAPHQL_PATH}.`,
    );
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}${GRAPHQL_PATH}`;

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop() {
      stopping ??= (async () => {
        logger.info({ event: 'gateway.stopping' }, 'shutting down');
        await ws.dispose();
        // Drains HTTP: stops accepting, waits for in-flight requests up to the grace period.
        await apollo.stop();
        const reason = new Error('server shutting down');
        shutdown.abort(reason);
        for (const controller of inFlight) controller.abort(reason);
        logger.info({ event: 'gateway.stopped' }, 'stopped');
      })();
      return stopping;
    },
  };
}

/** API keys travel as bearer tokens, never cookies, so any origin may call. */
function allowCors(response: ServerResponse): void {
  response.setHeader('access-control-allow-origin', '*');
  response.setHeader('access-control-allow-headers', 'authorization, content-type, apollo-require-preflight');
  response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
}
