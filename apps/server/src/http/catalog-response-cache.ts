import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import {
  Kind,
  OperationTypeNode,
  type FormattedExecutionResult,
  type OperationDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';

/** Root fields whose answer is the model directory's, the same for every caller. */
const CATALOG_FIELDS = new Set(['models', 'model', '__typename']);

export interface CatalogResponseCacheOptions {
  /**
   * A token that changes whenever the model directory's answers change and never repeats, or
   * undefined while it has no fresh answer loaded (then nothing is served from or stored in the cache).
   */
  readonly generation: () => unknown;
  /** Distinct operations (document, operation name and variables) kept. @default 64 */
  readonly maxEntries?: number;
  /** Called with the root fields of each answer served from the cache (for metrics). */
  readonly onHit?: (fields: string[]) => void;
}

/**
 * Serves repeated catalog queries (`models`, `model`) from their previous answer while the model
 * directory still holds the data that answer was built from. The directory caches Bedrock's model
 * and profile lists for QUARRY_MODEL_CACHE_TTL_MS anyway, so a cached answer is never older than
 * what re-executing would return; what it saves is graphql-js completing every field of every
 * model again (about half the gateway's CPU for a `models` request). An answer is stored under the
 * generation current before it was built, so one built while the directory reloaded is never
 * served (that generation never comes back); answers with errors are never stored.
 */
export function catalogResponseCache<Context extends object>(
  options: CatalogResponseCacheOptions,
): ApolloServerPlugin<Context> {
  const entries = new LRUCache<string, { generation: unknown; result: FormattedExecutionResult }>({
    max: options.maxEntries ?? 64,
  });
  return {
    requestDidStart() {
      let key: string | undefined;
      let generation: unknown;
      let hit = false;
      return Promise.resolve({
        responseForOperation(requestContext: GraphQLRequestContext<Context>) {
          key = keyOf(requestContext);
          if (key === undefined) return Promise.resolve(null);
          generation = options.generation();
          const entry = entries.get(key);
          if (generation === undefined || entry?.generation !== generation) return Promise.resolve(null);
          hit = true;
          options.onHit?.(rootFieldsOf(requestContext));
          return Promise.resolve({
            http: requestContext.response.http,
            body: { kind: 'single' as const, singleResult: entry.result },
          });
        },
        willSendResponse(requestContext: GraphQLRequestContext<Context>) {
          const body = requestContext.response.body;
          if (hit || key === undefined || generation === undefined || body?.kind !== 'single')
            return Promise.resolve();
          const result = body.singleResult;
          if (result.errors !== undefined) return Promise.resolve();
          entries.set(key, { generation, result });
          return Promise.resolve();
        },
      });
    },
  };
}

/** Whether this plugin may answer the operation: a query of catalog fields only. */
export function isCatalogOperation(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && CATALOG_FIELDS.has(selection.name.value),
    )
  );
}

/** The cache key of a query whose root fields are all catalog fields; undefined for anything else. */
function keyOf<Context extends object>(requestContext: GraphQLRequestContext<Context>): string | undefined {
  const operation = requestContext.operation;
  if (operation === undefined || !isCatalogOperation(operation)) return undefined;
  return JSON.stringify([
    requestContext.source,
    requestContext.request.operationName ?? null,
    requestContext.request.variables ?? null,
  ]);
}

function rootFieldsOf<Context extends object>(requestContext: GraphQLRequestContext<Context>): string[] {
  return (requestContext.operation?.selectionSet.selections ?? []).flatMap((selection) =>
    selection.kind === Kind.FIELD && selection.name.value !== '__typename' ? [selection.name.value] : [],
  );
}
