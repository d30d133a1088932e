import {
  GraphQLObjectType,
  GraphQLSchema,
  Kind,
  OperationTypeNode,
  createSourceEventStream,
  execute,
  subscribe,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type OperationDefinitionNode,
} from 'graphql';

import { compileEventProjection, type EventProjection } from './event-projection.js';

type SubscribeResult = Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult>;

/**
 * graphql-js's `subscribe`, minus the per-event cost of the operation's variables.
 *
 * graphql-js executes the whole operation again for every event, and each execution coerces the
 * variables again: for a subscription that carries a conversation (tens of KB of messages) that
 * was 30% of the gateway's CPU per streamed token. Here the variables are coerced once, when the
 * source stream starts (`createSourceEventStream` runs the root field's `subscribe` with them);
 * each event is then executed with a copy of the document that has no variable definitions and
 * no root-field arguments, against a copy of the schema whose Subscription fields take none.
 * Root-field `resolve` functions only map the event (they never read arguments), and the event's
 * selection is the same, so each event's result is what graphql-js would have produced.
 *
 * Each event is answered by the document's projection (event-projection.ts) where it covers the
 * document and the event, which skips graphql-js's per-execution work; `execute` answers the rest.
 *
 * An operation that uses variables anywhere else (a `@skip(if: $x)`, a nested field's argument)
 * goes through graphql-js's own `subscribe` unchanged.
 */
export function createSubscribeOnce(schema: GraphQLSchema): (args: ExecutionArgs) => SubscribeResult {
  const eventSchema = withArgumentlessSubscriptions(schema);
  // Documents come from the graphql-ws document cache, so the same operation is the same object.
  const eventOperations = new WeakMap<DocumentNode, Map<string, EventOperation | null>>();
  const eventOperationOf = (document: DocumentNode, operationName: string | null | undefined) => {
    let byName = eventOperations.get(document);
    if (byName === undefined) {
      byName = new Map();
      eventOperations.set(document, byName);
    }
    const key = operationName ?? '';
    let eventOperation = byName.get(key);
    if (eventOperation === undefined) {
      const stripped = toEventDocument(document, operationName);
      eventOperation =
        stripped === null
          ? null
          : {
              document: stripped,
              projection: compileEventProjection(eventSchema, stripped, operationName ?? undefined),
            };
      byName.set(key, eventOperation);
    }
    return eventOperation;
  };

  return async (args) => {
    const eventOperation =
      args.schema === schema ? eventOperationOf(args.document, args.operationName) : null;
    if (eventOperation === null) return subscribe(args);
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    // The projection answers ordinary events; execute answers whatever it bails on (errors included).
    const projection =
      args.fieldResolver == null && args.typeResolver == null ? eventOperation.projection : undefined;
    return mapAsyncIterator(
      source,
      (payload) =>
        projection?.(payload, args.contextValue) ??
        execute({
          schema: eventSchema,
          document: eventOperation.document,
          rootValue: payload,
          contextValue: args.contextValue,
          ...(args.operationName != null && { operationName: args.operationName }),
          ...(args.fieldResolver != null && { fieldResolver: args.fieldResolver }),
          ...(args.typeResolver != null && { typeResolver: args.typeResolver }),
        }),
    );
  };
}

/** A subscription's per-event document and, where it covers the document, its projection. */
interface EventOperation {
  readonly document: DocumentNode;
  readonly projection: EventProjection | undefined;
}

/** The same schema, its Subscription fields without arguments (the event executions pass none). */
export function withArgumentlessSubscriptions(schema: GraphQLSchema): GraphQLSchema {
  const subscription = schema.getSubscriptionType();
  if (subscription == null) return schema;
  const config = subscription.toConfig();
  const eventSubscription = new GraphQLObjectType({
    ...config,
    fields: Object.fromEntries(
      Object.entries(config.fields).map(([name, field]) => [name, { ...field, args: {} }]),
    ),
  });
  const schemaConfig = schema.toConfig();
  return new GraphQLSchema({
    ...schemaConfig,
    subscription: eventSubscription,
    types: schemaConfig.types.filter((type) => type !== subscription),
  });
}

/**
 * The operation with its variable definitions and its root fields' arguments removed; null when
 * the operation is not one subscription or uses a variable anywhere but in root-field arguments.
 */
function toEventDocument(
  document: DocumentNode,
  operationName: string | null | undefined,
): DocumentNode | null {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    operationName == null
      ? operations.length === 1
        ? operations[0]
        : undefined
      : operations.find((candidate) => candidate.name?.value === operationName);
  if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return null;

  const rootFields = new Set(
    operation.selectionSet.selections.filter((selection) => selection.kind === Kind.FIELD),
  );
  const stripped = visit(document, {
    OperationDefinition: (node) => (node === operation ? { ...node, variableDefinitions: [] } : node),
    Field: (node) => (rootFields.has(node) ? { ...node, arguments: [] } : undefined),
  });
  // Whatever still names a variable (a directive, a nested argument, a fragment) needs them.
  const uses = { variables: false };
  visit(stripped, {
    Variable: () => {
      uses.variables = true;
    },
    // Other operations of the document are never executed here.
    OperationDefinition: (node) => (node.name?.value === operation.name?.value ? undefined : false),
  });
  return uses.variables ? null : stripped;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as { [Symbol.asyncIterator]?: unknown } | null)?.[Symbol.asyncIterator] === 'function';
}

/**
 * Maps each value of `iterable` through `map`. `return()` reaches the source at once, even while a
 * `next()` is pending, so a client's `complete` ends the upstream stream without waiting for its
 * next event (an async generator would wait).
 */
function mapAsyncIterator<T, U>(
  iterable: AsyncIterable<T>,
  map: (value: T) => U | Promise<U>,
): AsyncIterableIterator<U> {
  const iterator = iterable[Symbol.asyncIterator]();
  const closeAndThrow = async (error: unknown): Promise<never> => {
    await iterator.return?.().catch(() => undefined);
    throw error;
  };
  // Synchronous when `map` is (graphql-js executes a plain event without a promise): each event
  // then costs the one promise of the source's next() instead of an async function's several.
  const mapResult = (result: IteratorResult<T>): IteratorResult<U> | Promise<IteratorResult<U>> => {
    if (result.done === true) return { done: true, value: undefined };
    let mapped: U | Promise<U>;
    try {
      mapped = map(result.value);
    } catch (error) {
      return closeAndThrow(error);
    }
    return mapped instanceof Promise
      ? mapped.then((value): IteratorResult<U> => ({ done: false, value }), closeAndThrow)
      : { done: false, value: mapped };
  };
  return {
    next: () => iterator.next().then(mapResult),
    return: async () =>
      iterator.return === undefined ? { done: true, value: undefined } : mapResult(await iterator.return()),
    throw: async (error: unknown) => {
      if (iterator.throw === undefined) throw error;
      return mapResult(await iterator.throw(error));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
