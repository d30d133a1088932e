import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { QuarryError, type Logger, type ModelCatalog, type QuarryClient } from '@quarry/core';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { GraphQLFormattedError } from 'graphql';
import type { AddressInfo } from 'node:net';
import type { RequestLimits } from './config.js';
import type { GatewayContext } from './context.js';
import type { Caller } from './governance/caller.js';
import { createConversationService } from './conversations/conversation-service.js';
import { formatError, type FormatOptions } from './errors/format-error.js';
import { GatewayError } from './errors/gateway-error.js';
import { createGovernance, type GovernanceOptions } from './governance/governance.js';
import { createGatewayMetrics } from './metrics/gateway-metrics.js';
import { catalogResponseCache, isCatalogOperation } from './http/catalog-response-cache.js';
import { createCors } from './http/cors.js';
import { createDocumentStore } from './http/document-store.js';
import { createStaticSite } from './http/static-site.js';
import { createGraphQLFastPath } from './http/graphql-fast-path.js';
import { createPersistedQueryCache } from './http/persisted-query-cache.js';
import { createGraphQLHttpHandler } from './http/graphql-http-handler.js';
import { createReadinessProbe, sendHealth } from './http/health-routes.js';
import { rejectSubscriptionsOverHttp } from './http/reject-subscriptions-over-http.js';
import { sendGraphQLError } from './http/send-json.js';
import { createModelDirectory } from './models/model-directory.js';
import { startCredentialSweep } from './operations/credential-sweep.js';
import { createOperationRegistry } from './operations/operation-registry.js';
import { buildSchema } from './schema/build-schema.js';
import type { Store } from './store/store.js';
import { createStreamSlots } from './streaming/stream-slots.js';
import { startGraphQLWs } from './ws/graphql-ws-server.js';
import type { BatchService } from './batch/batch-service.js';
import { createJobWatchers } from './batch/job-watchers.js';
import { createIntrospectionDepthRule } from './validation/introspection-depth-rule.js';

const GRAPHQL_PATH = '/graphql';

export interface ServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly client: QuarryClient;
  readonly catalog: ModelCatalog;
  /** The gateway's database, opened and migrated; the caller owns it and closes it after stop(). */
  readonly store: Store;
  readonly logger: Logger;
  readonly limits: RequestLimits;
  readonly adminKey: string | undefined;
  /** Masks internal errors and turns off introspection, the landing page and field suggestions. */
  readonly production: boolean;
  /** Names the upstream in /ready (development only). */
  readonly upstream: string;
  /** NODE_ENV=development: /ready names the upstream and database and says why they fail. @default false */
  readonly development?: boolean | undefined;
  readonly modelCacheTtlMs: number;
  /** How long stop() lets in-flight work finish before cancelling it and closing sockets. */
  readonly shutdownGraceMs: number;
  /**
   * How often the credentials of operations in flight are checked again, so a key revoked by
   * another gateway sharing the database ends here too. @default 10000
   */
  readonly keySweepMs?: number | undefined;
  /** How long GET /ready waits for the upstream. */
  readonly readyTimeoutMs: number;
  /**
   * May the gateway run open while no admin key and no API key exist? Only with the emulator
   * upstream: with a real one it never does.
   */
  readonly allowOpen: boolean;
  /** Shares rate-limit and budget counters with other gateway processes; in-process when omitted. */
  readonly redis?: Redis | undefined;
  /** Prefix of this gateway's Redis keys. @default 'quarry:' */
  readonly redisPrefix?: string | undefined;
  /** @default '*' */
  readonly corsOrigins?: readonly string[] | '*' | undefined;
  /** Persistent key, usage, audit and budget stores; in-memory ones when omitted. */
  readonly stores?: GovernanceOptions['stores'];
  /** Wall clock for key expiry, budget months, usage days and audit times. @default Date.now */
  readonly now?: (() => number) | undefined;
  /**
   * The playground's built files, served at `/` and `/playground`; undefined turns the playground
   * off (those paths answer 404 like any unknown route).
   */
  readonly playgroundDirectory?: string | undefined;
  /** Process metrics (CPU, memory, event loop) in /metrics too. @default true */
  readonly processMetrics?: boolean | undefined;
  /** Batch inference (S3 input/output, decoding); built by the composition root. */
  readonly batch: BatchService;
  /** How often job progress subscriptions poll Bedrock: the first gap, doubling up to the longest. */
  readonly jobPolling?: { readonly minIntervalMs: number; readonly maxIntervalMs: number };
  /**
   * Serve repeated queries and mutations over HTTP without Apollo's request pipeline (same
   * answers, less CPU). Off: Apollo serves every request (the reference the differential test
   * compares with; also needed whenever Apollo's usage reporting is configured). @default true
   */
  readonly httpFastPath?: boolean | undefined;
}

export interface RunningServer {
  /** `http://host:port/graphql` (HTTP and graphql-ws). */
  readonly url: string;
  readonly port: number;
  /**
   * Graceful shutdown, bounded by the grace period: stop accepting; cancel graphql-ws operations
   * at once (each gets a retryable UPSTREAM_UNAVAILABLE error) and close their sockets
   * (terminating any still open after the grace period); let HTTP requests finish within the
   * grace period, then cancel them.
   */
  stop(): Promise<void>;
}

/** One HTTP server carrying Apollo Server (queries, mutations) and graphql-ws (subscriptions) on one path. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { logger, limits } = options;
  const schema = buildSchema(options.catalog);
  const models = createModelDirectory({
    client: options.client,
    ttlMs: options.modelCacheTtlMs,
    now: Date.now,
  });
  const httpOperations = createOperationRegistry();
  const wsOperations = createOperationRegistry();
  const streams = createStreamSlots(limits.streams);
  const metrics = createGatewayMetrics({
    processMetrics: options.processMetrics ?? true,
    activeStreams: () => streams.active(),
  });
  const governance = createGovernance({
    client: options.client,
    adminKey: options.adminKey,
    allowOpen: options.allowOpen,
    redis: options.redis,
    redisPrefix: options.redisPrefix ?? 'quarry:',
    workLimits: {
      invocations: limits.operationInvocations,
      texts: limits.operationTexts,
      images: limits.operationImages,
    },
    metrics,
    logger,
    now: options.now ?? Date.now,
    store: options.store,
    stores: options.stores,
  });
  const conversations = createConversationService({
    store: options.store,
    client: options.client,
    logger,
    writerId: randomUUID(),
  });
  // Answers a crashed gateway left mid-stream are marked before anyone can read them.
  await conversations.recover();
  const format: FormatOptions = {
    production: options.production,
    onInternalError: (error) => {
      logger.error({ event: 'gateway.internal-error', err: error }, 'unexpected error');
    },
  };
  const jobs = createJobWatchers(options.client, options.batch, logger, options.jobPolling);
  // The one place a context is made, for both transports: the caller is already known, and the
  // client the resolvers get is the governed one.
  const createContext = (signal: AbortSignal, caller: Caller, requestId: string): GatewayContext => ({
    client: governance.clients.forScope({ caller, requestId }),
    models,
    store: options.store,
    batch: options.batch,
    jobs,
    conversations,
    logger,
    requestId,
    caller,
    governance,
    metrics,
    signal,
    streams,
    maxEmbedTexts: limits.embedTexts,
    format,
    work: undefined,
  });

  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth },
    // `__typename` aliases count too: armor allows them by default, and each one is a field to resolve.
    maxAliases: { n: limits.aliases, allowList: [] },
    maxDirectives: { n: limits.directives },
    // Enforced by graphql-js's parser instead (parseOptions below): armor's version answers 500.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    // Field suggestions ("did you mean …") help developers; production hides them.
    blockFieldSuggestion: { enabled: options.production },
  });
  const protection = armor.protect();
  const validationRules = [...protection.validationRules, createIntrospectionDepthRule(limits.depth)];
  // graphql-armor's types come from Apollo's CJS build; the plugin objects are the same.
  const armorPlugins = protection.plugins as unknown as ApolloServerPlugin<GatewayContext>[];
  const formatApolloError = (formatted: GraphQLFormattedError, error: unknown) =>
    formatError(formatted, unwrapResolverError(error), format);
  // One cache for Apollo and the fast path: see createPersistedQueryCache.
  const persistedQueries = createPersistedQueryCache();
  const fastPath =
    options.httpFastPath === false
      ? undefined
      : await createGraphQLFastPath({
          schema,
          formatError: formatApolloError,
          errorPlugins: armorPlugins,
          // Those answers are the catalog response cache's, a plugin the fast path does not run.
          leaveToApollo: isCatalogOperation,
          persistedQueries,
        });
  if (options.httpFastPath !== false && fastPath === undefined)
    logger.warn(
      { event: 'gateway.http.fast-path-off' },
      "graphql-armor's plugins do more than the HTTP fast path runs; Apollo serves every request",
    );

  const httpServer = createServer();
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // A GET query with a bearer header is not a simple request a browser sends cross-site on its
    // own (the header forces a preflight), so it counts as CSRF proof, like Apollo's own headers.
    csrfPrevention: {
      requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'],
    },
    stopOnTerminationSignals: false,
    parseOptions: { maxLexicalTokens: limits.tokens },
    documentStore: createDocumentStore(),
    persistedQueries: { cache: persistedQueries },
    validationRules,
    formatError: formatApolloError,
    // The HTTP fast path answers repeated requests without running these: a plugin added here with
    // per-request hooks must be reproduced there or leave its requests to Apollo (graphql-fast-path.ts).
    plugins: [
      ...armorPlugins,
      rejectSubscriptionsOverHttp(GRAPHQL_PATH),
      catalogResponseCache({
        generation: () => models.generation(),
        // Answers from the cache still count as the operations they answer.
        onHit: (fields) => {
          for (const field of fields) metrics.operations.inc({ field, code: 'OK' });
        },
      }),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.shutdownGraceMs }),
      // Apollo installs its cache-control plugin by default, which wraps every field resolver to
      // collect cache hints; the schema declares none and every answer is per-caller, so it only cost CPU.
      ApolloServerPluginCacheControlDisabled(),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(fastPath !== undefined ? [fastPath.plugin] : []),
    ],
  });
  await apollo.start();

  const ws = startGraphQLWs({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    authenticate: (authorization) => governance.keys.authenticate(authorization),
    recheck: (caller, authorization) => governance.keys.recheck(caller, authorization),
    onSocket: (delta) => {
      metrics.activeSockets.inc(delta);
    },
    maxMessageBytes: limits.wsMessageBytes,
    maxTokens: limits.tokens,
    maxSubscriptionsPerSocket: limits.subscriptionsPerSocket,
    validationRules,
    format,
    operations: wsOperations,
    createContext,
    logger,
  });

  const handleGraphQL = createGraphQLHttpHandler({
    apollo,
    authenticate: (authorization) => governance.keys.authenticate(authorization),
    maxBodyBytes: limits.httpBodyBytes,
    operations: httpOperations,
    createContext,
    logger,
    onResponse: (status) => {
      metrics.httpRequests.inc({ status: String(status) });
    },
    onFastPath: () => {
      metrics.fastPathRequests.inc();
    },
    fastPath,
  });
  // A revoked or rotated secret stops working at once: new requests fail authentication, and what
  // the key has in flight on either transport ends now with UNAUTHENTICATED.
  governance.keys.onInvalidated((keyId) => {
    const reason = new GatewayError(
      'UNAUTHENTICATED',
      'This API key was revoked or rotated while the operation ran; use the current secret.',
    );
    ws.cancelKey(keyId, reason);
    httpOperations.abortKey(keyId, reason);
  });
  const keySweep = startCredentialSweep({
    registries: [httpOperations, wsOperations],
    authenticate: (authorization) => governance.keys.authenticate(authorization),
    intervalMs: options.keySweepMs ?? DEFAULT_KEY_SWEEP_MS,
    logger,
  });
  const cors = createCors(options.corsOrigins ?? '*');
  const site = createStaticSite(options.playgroundDirectory);
  const ready = createReadinessProbe({
    client: options.client,
    upstream: options.upstream,
    timeoutMs: options.readyTimeoutMs,
    store: options.store,
    revealDetails: options.development === true,
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
    cors(request, response);
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    if (path === GRAPHQL_PATH) return handleGraphQL(request, response);
    if (path === '/health' && request.method === 'GET') {
      sendHealth(response);
      return;
    }
    if (path === '/ready' && request.method === 'GET') return ready(response);
    if (path === '/metrics' && request.method === 'GET') {
      const text = await metrics.registry.metrics();
      response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text);
      return;
    }
    if (site(request, response, path ?? '/')) return;
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
        await keySweep.stop();
        // Apollo answers requests from here on, as it does while draining and once stopped.
        fastPath?.close();
        // A coded, retryable reason, so a client whose stream is cut can tell "retry elsewhere"
        // from a finished stream or a bug.
        const reason = new QuarryError(
          'UPSTREAM_UNAVAILABLE',
          'The gateway is shutting down: retry the request (another instance, or this one once restarted, will serve it).',
          { retryable: true },
        );
        // Streams first: they get their error while their sockets are still open (Apollo's drain
        // ends idle sockets, upgraded ones included). Then both drains run under the same grace
        // period; Apollo's closes the listener first thing.
        await ws.cancelAll(reason);
        jobs.close();
        await Promise.all([ws.close(options.shutdownGraceMs), apollo.stop()]);
        httpOperations.abortAll(reason);
        // A cancelled request settles its usage and audit rows before it answers: wait for those
        // answers (bounded), or the flush below would run before the rows were handed to it.
        await httpOperations.finished(CANCELLED_SETTLE_WAIT_MS);
        // Usage and audit rows of served calls that still wait for the database get one last try.
        await governance.writes.flush(options.shutdownGraceMs);
        if (governance.writes.pending() > 0)
          logger.error(
            { event: 'gateway.write-behind.lost', pending: governance.writes.pending() },
            `${governance.writes.pending()} usage/audit writes never reached the database before shutdown`,
          );
        logger.info({ event: 'gateway.stopped' }, 'stopped');
      })();
      return stopping;
    },
  };
}

const DEFAULT_KEY_SWEEP_MS = 10_000;

/** How long shutdown waits for cancelled HTTP requests to settle and answer. */
const CANCELLED_SETTLE_WAIT_MS = 1_000;
