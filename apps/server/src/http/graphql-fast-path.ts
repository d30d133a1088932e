import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContext,
  type GraphQLRequestContextDidEncounterErrors,
} from '@apollo/server';
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { IncomingHttpHeaders } from 'node:http';
import type { GatewayContext } from '../context.js';
import { createDocumentCache, DOCUMENT_CACHE_LIMITS } from '../ws/document-cache.js';
import { createJsonBytes, type JsonBytes } from './json-bytes.js';

/**
 * Serves the common HTTP request — a POST of a query or mutation Apollo has already parsed and
 * validated — without Apollo's per-request pipeline (plugin hook fan-out, sha256 of the query
 * text, the header copy, content negotiation, request-context objects), which cost about a tenth
 * of the gateway's CPU per `invoke`. It answers byte for byte what Apollo Server 5 would for the
 * plugins server.ts installs; every request it is not sure about goes to Apollo unchanged, and a
 * differential test (test/http-fast-path.test.ts) holds the two to the same bytes.
 *
 * What Apollo does for such a request and how it is reproduced here (Apollo 5.5,
 * dist/esm/ApolloServer.js, runHttpQuery.js, requestPipeline.js, errorNormalize.js):
 * - CSRF prevention passes any request whose content-type is not a "simple" one: only exact
 *   `application/json` content-types are taken.
 * - The answer's content-type is negotiated from `accept` by `negotiator`: only the accept values
 *   in ACCEPTED (whose negotiated type the differential test checks) are taken.
 * - Parse and validation (incl. armor's and the introspection-depth rules, NoIntrospection in
 *   production) happen in Apollo only: a document is served here only after Apollo validated the
 *   same query text (learned by `plugin`), so the rules can never drift apart.
 * - Plugins: armor's block-field-suggestion plugin (production) rewrites error messages in
 *   didEncounterErrors, run here the same way (`errorPlugins`); the subscription refusal never
 *   applies to a query or mutation; the catalog response cache's operations are left to Apollo
 *   (`leaveToApollo`); drain, landing page and the disabled cache control have no per-request
 *   hooks. Apollo's own usage reporting (APOLLO_KEY) does: the composition root turns this path
 *   off when it could be installed.
 * - Automatic Persisted Queries: Apollo answers a hash it has (`persistedQueries.cache`) by
 *   running the stored text exactly as if it had been sent inline, and writes to that cache only
 *   when a request carries both text and hash. So a hash-only request is taken here when the very
 *   cache Apollo reads holds the hash now and the text it maps to is a learned document; a miss
 *   (PERSISTED_QUERY_NOT_FOUND), another version, text plus hash (the check and the write) and any
 *   other extension are Apollo's.
 * - Shutdown: `close()` (at the start of stop()) sends everything to Apollo, which answers as it
 *   does while draining or stopped; requests served here are ordinary HTTP requests to the drain.
 */
export interface GraphQLFastPathOptions {
  readonly schema: GraphQLSchema;
  /** The very function Apollo is given as `formatError`. */
  readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  /**
   * Apollo plugins whose only per-request hook is didEncounterErrors (graphql-armor's); run on an
   * execution's errors as Apollo does. Anything else there turns the fast path off.
   */
  readonly errorPlugins: readonly ApolloServerPlugin<GatewayContext>[];
  /** Operations another plugin answers in Apollo's pipeline (the catalog response cache). */
  readonly leaveToApollo: (operation: OperationDefinitionNode) => boolean;
  /**
   * The cache Apollo is given as `persistedQueries.cache`, keyed by the hash alone (see
   * createPersistedQueryCache); undefined: persisted queries are Apollo's only.
   */
  readonly persistedQueries?: KeyValueCache | undefined;
}

/** A request the fast path can answer. */
export interface FastRequest {
  readonly document: DocumentNode;
  readonly variables: Record<string, unknown> | undefined;
  readonly operationName: string | undefined;
  /** The content-type Apollo would negotiate from the request's accept header. */
  readonly contentType: string;
}

/** The fast path's answer: Apollo's status and headers, and the body already as UTF-8 bytes. */
export interface FastResponse {
  readonly status?: number;
  readonly headers: HeaderMap;
  /** The bytes of the string Apollo would answer (see json-bytes.ts for why bytes). */
  readonly body: Buffer;
}

export interface GraphQLFastPath {
  /** Add to Apollo's plugins: learns the query texts Apollo parsed and validated. */
  readonly plugin: ApolloServerPlugin<GatewayContext>;
  /**
   * The request's plan when it can skip Apollo's pipeline, else undefined (Apollo serves it).
   * Asynchronous for a persisted query's hash, looked up in Apollo's cache.
   */
  match(
    method: string | undefined,
    body: unknown,
    headers: IncomingHttpHeaders,
  ): Promise<FastRequest | undefined>;
  /** Executes the request and builds Apollo's answer (status, headers and body). */
  execute(request: FastRequest, contextValue: GatewayContext): Promise<FastResponse>;
  /** From now on every request goes to Apollo (shutdown). */
  close(): void;
}

const JSON_UTF8 = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/**
 * Accept values common clients send, with what Apollo's negotiation picks for each (missing or
 * empty accept: JSON). Any other value is negotiated by Apollo.
 */
const ACCEPTED = new Map<string | undefined, string>([
  [undefined, JSON_UTF8],
  ['', JSON_UTF8],
  ['*/*', JSON_UTF8],
  ['application/json', JSON_UTF8],
  ['application/json; charset=utf-8', JSON_UTF8],
  ['application/json, text/plain, */*', JSON_UTF8],
  ['application/graphql-response+json', GRAPHQL_RESPONSE_JSON],
  ['application/graphql-response+json, application/json;q=0.9', GRAPHQL_RESPONSE_JSON],
  ['application/graphql-response+json,application/json;q=0.9', GRAPHQL_RESPONSE_JSON],
]);

/** Content-types that pass Apollo's CSRF check (not a "simple" type) and carry JSON. */
const JSON_CONTENT_TYPES = new Set([
  'application/json',
  'application/json; charset=utf-8',
  'application/json;charset=utf-8',
]);

/**
 * The fast path, or undefined when an error plugin does more than the fast path runs (a newer
 * graphql-armor, say): then Apollo serves everything, as before.
 */
export async function createGraphQLFastPath(
  options: GraphQLFastPathOptions,
): Promise<GraphQLFastPath | undefined> {
  if (!(await onlyErrorHooks(options.errorPlugins))) return undefined;
  // The same bounds as the graphql-ws document cache: the documents are Apollo's own objects
  // (its document store holds them too), so this holds little beyond the hot few.
  const documents = createDocumentCache<DocumentNode>(DOCUMENT_CACHE_LIMITS);
  const json = createJsonBytes();
  let closed = false;

  async function didEncounterErrors(errors: readonly GraphQLError[]): Promise<void> {
    if (options.errorPlugins.length === 0) return;
    // Armor's hooks read nothing but `errors` (checked by onlyErrorHooks and the production
    // differential test); a full request context would be Apollo's pipeline again.
    const requestContext = { errors } as unknown as GraphQLRequestContextDidEncounterErrors<GatewayContext>;
    await Promise.all(
      options.errorPlugins.map(async (plugin) => {
        const listener = await plugin.requestDidStart?.(requestContext);
        await listener?.didEncounterErrors?.(requestContext);
      }),
    );
  }

  /** Apollo's normalizeAndFormatErrors with includeStacktraceInErrorResponses off (as server.ts sets it). */
  function formatErrors(errors: readonly GraphQLError[]) {
    const http: { status: number | undefined; headers: HeaderMap } = {
      status: undefined,
      headers: new HeaderMap(),
    };
    const enrich = (error: GraphQLError): GraphQLFormattedError => {
      const extensions: Record<string, unknown> = {
        ...error.extensions,
        code: error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR',
      };
      // An error may carry HTTP status and headers for the answer (Apollo's convention).
      const head = extensions['http'];
      if (isPartialHttpHead(head)) {
        if (head.status) http.status = head.status;
        for (const [name, value] of head.headers ?? []) http.headers.set(name, value);
        delete extensions['http'];
      }
      return { ...error.toJSON(), extensions };
    };
    const formatted = errors.map((error) => {
      try {
        return options.formatError(enrich(error), error);
      } catch {
        return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
    });
    return { formatted, http };
  }

  return {
    plugin: {
      requestDidStart() {
        return Promise.resolve({
          // Reached only once the document parsed and passed every validation rule.
          didResolveOperation(requestContext) {
            documents.set(requestContext.source, requestContext.document);
            return Promise.resolve();
          },
        });
      },
    },

    async match(method, body, headers) {
      if (closed || method !== 'POST' || !isRecord(body)) return undefined;
      let hash: string | undefined;
      // Anything beyond these (other extensions and the like) is Apollo's to interpret.
      for (const key in body) {
        if (key === 'extensions') {
          hash = persistedQueryHash(body['extensions']);
          if (hash === undefined) return undefined;
        } else if (key !== 'query' && key !== 'variables' && key !== 'operationName') return undefined;
      }
      const { query, variables, operationName } = body;
      if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
      if (operationName !== undefined && operationName !== null && typeof operationName !== 'string')
        return undefined;
      const contentType = headers['content-type'];
      if (contentType === undefined || !JSON_CONTENT_TYPES.has(contentType)) return undefined;
      const answerType = ACCEPTED.get(headers.accept);
      if (answerType === undefined) return undefined;
      let text: unknown = query;
      if (hash !== undefined) {
        // Text with the hash: Apollo checks the one against the other and writes the cache (a
        // register, once per client and document). Apollo reads a null query as none.
        if ((query !== undefined && query !== null) || options.persistedQueries === undefined)
          return undefined;
        // Apollo's own lookup: what it finds it runs as if sent inline; a miss is its to answer.
        try {
          text = await options.persistedQueries.get(hash);
        } catch {
          // A cache that fails to answer is Apollo's to report.
          return undefined;
        }
      }
      // An empty query is Apollo's to refuse.
      if (typeof text !== 'string' || text === '') return undefined;
      const document = documents.get(text);
      if (document === undefined) return undefined;
      // Apollo treats a null operationName as absent.
      const operation = getOperationAST(document, operationName ?? undefined);
      if (operation == null || operation.operation === OperationTypeNode.SUBSCRIPTION) return undefined;
      if (options.leaveToApollo(operation)) return undefined;
      return {
        document,
        variables: variables ?? undefined,
        operationName: operationName ?? undefined,
        contentType: answerType,
      };
    },

    async execute(request, contextValue) {
      let result: ExecutionResult;
      try {
        result = await execute({
          schema: options.schema,
          document: request.document,
          contextValue,
          variableValues: request.variables,
          operationName: request.operationName,
        });
      } catch (thrown) {
        // graphql-js throws only for arguments it cannot execute at all; Apollo answers 500.
        const errors = [asGraphQLError(thrown)];
        await didEncounterErrors(errors);
        const { formatted, http } = formatErrors(errors);
        return respond(json, http.status ?? 500, http.headers, request.contentType, { errors: formatted });
      }
      // Apollo relabels graphql-js's variable coercion errors BAD_USER_INPUT.
      const errors = result.errors?.map((error) =>
        isBadUserInputError(error) && error.extensions['code'] == null ? userInputError(error) : error,
      );
      if (errors !== undefined) await didEncounterErrors(errors);
      const { formatted, http } =
        errors !== undefined
          ? formatErrors(errors)
          : { formatted: undefined, http: { status: undefined, headers: new HeaderMap() } };
      // Apollo 5 answers 400 when nothing executed (no data) and no error chose a status.
      if (errors !== undefined && errors.length > 0 && result.data === undefined && !http.status)
        http.status = 400;
      return respond(json, http.status, http.headers, request.contentType, {
        // Apollo's field order: errors, data, extensions.
        errors: formatted,
        data: result.data,
        extensions: result.extensions,
      });
    },

    close() {
      closed = true;
    },
  };
}

function respond(
  json: JsonBytes,
  status: number | undefined,
  headers: HeaderMap,
  contentType: string,
  body: Record<string, unknown>,
): FastResponse {
  // An error's own content-type header wins, as in Apollo.
  if (!headers.get('content-type')) headers.set('content-type', contentType);
  // Apollo's default stringifyResult (prettyJSONStringify): compact JSON and a newline.
  return { ...(status !== undefined && { status }), headers, body: json.encode(body, '\n') };
}

/** Whether each plugin's only hook is requestDidStart, whose listener has only didEncounterErrors. */
async function onlyErrorHooks(plugins: readonly ApolloServerPlugin<GatewayContext>[]): Promise<boolean> {
  for (const plugin of plugins) {
    if (Object.keys(plugin).some((key) => key !== 'requestDidStart')) return false;
    let listener: unknown;
    try {
      listener = await plugin.requestDidStart?.({} as GraphQLRequestContext<GatewayContext>);
    } catch {
      // A plugin that needs a real request context to start is more than an error hook.
      return false;
    }
    if (listener && Object.keys(listener).some((key) => key !== 'didEncounterErrors')) return false;
  }
  return true;
}

/**
 * The hash of `extensions` that hold exactly an Automatic Persisted Query of version 1, else
 * undefined (another version, a hash that is no string, other extensions: Apollo's).
 */
function persistedQueryHash(extensions: unknown): string | undefined {
  if (!isRecord(extensions)) return undefined;
  for (const key in extensions) if (key !== 'persistedQuery') return undefined;
  const persistedQuery = extensions['persistedQuery'];
  if (!isRecord(persistedQuery)) return undefined;
  for (const key in persistedQuery) if (key !== 'version' && key !== 'sha256Hash') return undefined;
  const { version, sha256Hash } = persistedQuery;
  return version === 1 && typeof sha256Hash === 'string' ? sha256Hash : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Apollo's isPartialHTTPGraphQLHead. */
function isPartialHttpHead(value: unknown): value is { status?: number; headers?: Map<string, string> } {
  return (
    isRecord(value) &&
    (!('status' in value) || typeof value['status'] === 'number') &&
    (!('headers' in value) || value['headers'] instanceof Map)
  );
}

/** Apollo's ensureGraphQLError(ensureError(thrown)). */
function asGraphQLError(thrown: unknown): GraphQLError {
  const error =
    thrown instanceof Error ? thrown : new GraphQLError(`Unexpected error value: ${String(thrown)}`);
  return error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
}

/** Apollo's isBadUserInputGraphQLError: graphql-js refusing a variable's value. */
function isBadUserInputError(error: GraphQLError): boolean {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== Kind.VARIABLE_DEFINITION) return false;
  const prefix = `Variable "$${node.variable.name.value}" `;
  return (
    error.message.startsWith(`${prefix}has invalid value`) ||
    error.message.startsWith(`${prefix}got invalid value `) ||
    error.message.startsWith(`${prefix}of required type `) ||
    error.message.startsWith(`${prefix}of non-null type `)
  );
}

/** Apollo's UserInputError(error), which it does not export. */
function userInputError(error: GraphQLError): GraphQLError {
  const wrapped = new GraphQLError(error.message, {
    ...(error.nodes !== undefined && { nodes: error.nodes }),
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });
  wrapped.name = 'UserInputError';
  return wrapped;
}
