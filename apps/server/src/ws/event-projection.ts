import {
  Kind,
  OperationTypeNode,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLAbstractType,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { passEvent } from '../streaming/pass-event.js';

/**
 * Answers one subscription event as graphql-js's `execute` would, or returns undefined when it
 * cannot vouch for the answer (the caller then runs `execute`).
 */
export type EventProjection = (event: unknown, contextValue: unknown) => ExecutionResult | undefined;

/** Returned by a completion that met something only graphql-js may answer (an error, a resolver). */
const BAIL = Symbol('bail');

type Completion = (value: unknown, contextValue: unknown) => unknown;

/** One response key of an object: `__typename` (the object type's name) or a field read by name. */
type FieldPlan =
  | { readonly responseKey: string; readonly fieldName: undefined }
  | { readonly responseKey: string; readonly fieldName: string; readonly complete: Completion };

/**
 * A plan for the event document of a subscription (no variables, no root arguments; see
 * subscribe-once.ts) that builds each event's result without graphql-js's per-execution work
 * (execution context, resolve infos, paths, field collection), which was most of a streamed
 * token's GraphQL cost.
 *
 * It covers the shape of stream events: one root field whose resolver is `passEvent`, objects
 * read with the default resolver, unions and interfaces with a `resolveType`, lists, scalars and
 * enums. A document with anything else (a directive, a field argument, a field with its own
 * resolver, `isTypeOf`) gets no plan. At run time every step that could fail — a null in a
 * non-null field, a value a scalar or enum refuses, a property that is a function, a type it does
 * not know — bails out to `execute`, so errors are always graphql-js's own.
 */
export function compileEventProjection(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
): EventProjection | undefined {
  const subscription = schema.getSubscriptionType();
  if (subscription == null) return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  const operation =
    operationName === undefined
      ? operations.length === 1
        ? operations[0]
        : undefined
      : operations.find((candidate) => candidate.name?.value === operationName);
  if (operation?.operation !== OperationTypeNode.SUBSCRIPTION || (operation.directives?.length ?? 0) > 0)
    return undefined;

  const builder = planBuilder(schema, fragments);
  const rootFields = builder.collect(subscription, [operation.selectionSet]);
  // graphql-js rejects a subscription with more than one root field before it gets here.
  if (rootFields === undefined || rootFields.size !== 1) return undefined;
  const [[responseKey, nodes]] = [...rootFields] as [[string, FieldNode[]]];
  const field = subscription.getFields()[(nodes[0] as FieldNode).name.value];
  if (field?.resolve !== passEvent) return undefined;
  const complete = builder.completion(field.type, nodes);
  if (complete === undefined) return undefined;

  return (event, contextValue) => {
    let value: unknown;
    try {
      value = complete(event, contextValue);
    } catch {
      // A resolveType or getter that throws: execute turns it into the event's GraphQL error.
      return undefined;
    }
    return value === BAIL ? undefined : { data: { [responseKey]: value } };
  };
}

function planBuilder(schema: GraphQLSchema, fragments: ReadonlyMap<string, FragmentDefinitionNode>) {
  /** Field nodes by response key, in graphql-js's order; undefined for what the plan does not cover. */
  const collect = (
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
    into = new Map<string, FieldNode[]>(),
  ): Map<string, FieldNode[]> | undefined => {
    for (const selectionSet of selectionSets) {
      for (const selection of selectionSet.selections) {
        if ((selection.directives?.length ?? 0) > 0) return undefined;
        if (selection.kind === Kind.FIELD) {
          if ((selection.arguments?.length ?? 0) > 0) return undefined;
          const key = selection.alias?.value ?? selection.name.value;
          const known = into.get(key);
          if (known === undefined) into.set(key, [selection]);
          else known.push(selection);
          continue;
        }
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (fragment === undefined) return undefined;
        const condition = fragment.typeCondition?.name.value;
        if (condition !== undefined && condition !== type.name) {
          const conditionType = schema.getType(condition);
          if (!isAbstractType(conditionType) || !schema.isSubType(conditionType, type)) continue;
        }
        if (fragment.kind === Kind.FRAGMENT_DEFINITION && (fragment.directives?.length ?? 0) > 0)
          return undefined;
        if (collect(type, [fragment.selectionSet], into) === undefined) return undefined;
      }
    }
    return into;
  };

  const objectCompletion = (type: GraphQLObjectType, nodes: readonly FieldNode[]): Completion | undefined => {
    if (type.isTypeOf != null) return undefined;
    const selectionSets = nodes.flatMap((node) =>
      node.selectionSet === undefined ? [] : [node.selectionSet],
    );
    const collected = collect(type, selectionSets);
    if (collected === undefined) return undefined;
    const plans: FieldPlan[] = [];
    const fields = type.getFields();
    for (const [responseKey, fieldNodes] of collected) {
      const name = (fieldNodes[0] as FieldNode).name.value;
      if (name === '__typename') {
        plans.push({ responseKey, fieldName: undefined });
        continue;
      }
      const field = fields[name];
      // A field resolver needs graphql-js's resolve info: leave such documents to execute.
      if (field === undefined || field.resolve != null) return undefined;
      const complete = completion(field.type, fieldNodes);
      if (complete === undefined) return undefined;
      plans.push({ responseKey, fieldName: name, complete });
    }
    return (value, contextValue) => {
      if (typeof value !== 'object') return BAIL;
      const source = value as Record<string, unknown>;
      const result: Record<string, unknown> = {};
      for (const plan of plans) {
        if (plan.fieldName === undefined) {
          result[plan.responseKey] = type.name;
          continue;
        }
        const property = source[plan.fieldName];
        // The default resolver calls a function-valued property; execute does that.
        if (typeof property === 'function') return BAIL;
        const completed = plan.complete(property, contextValue);
        if (completed === BAIL) return BAIL;
        result[plan.responseKey] = completed;
      }
      return result;
    };
  };

  const abstractCompletion = (
    type: GraphQLAbstractType,
    nodes: readonly FieldNode[],
  ): Completion | undefined => {
    const resolveType = type.resolveType;
    if (resolveType == null) return undefined;
    const byName = new Map<string, Completion>();
    for (const possible of schema.getPossibleTypes(type)) {
      const complete = objectCompletion(possible, nodes);
      if (complete === undefined) return undefined;
      byName.set(possible.name, complete);
    }
    return (value, contextValue) => {
      // The gateway's resolveType functions read the value only; any other answer goes to execute.
      const name = resolveType(value, contextValue, undefined as never, type);
      const complete = typeof name === 'string' ? byName.get(name) : undefined;
      return complete === undefined ? BAIL : complete(value, contextValue);
    };
  };

  const completion = (type: GraphQLOutputType, nodes: readonly FieldNode[]): Completion | undefined => {
    if (isNonNullType(type)) {
      const inner = completion(type.ofType, nodes);
      if (inner === undefined) return undefined;
      // A null here is a field error graphql-js must report.
      return (value, contextValue) => (value == null ? BAIL : inner(value, contextValue));
    }
    let complete: Completion | undefined;
    if (isListType(type)) {
      const item = completion(type.ofType, nodes);
      if (item === undefined) return undefined;
      complete = (value, contextValue) => {
        if (!Array.isArray(value)) return BAIL;
        const items: unknown[] = new Array(value.length);
        for (let index = 0; index < value.length; index++) {
          const completed = item(value[index], contextValue);
          if (completed === BAIL) return BAIL;
          items[index] = completed;
        }
        return items;
      };
    } else if (isLeafType(type)) complete = leafCompletion(type);
    else if (isObjectType(type)) complete = objectCompletion(type, nodes);
    else if (isAbstractType(type)) complete = abstractCompletion(type, nodes);
    if (complete === undefined) return undefined;
    const nullable = complete;
    return (value, contextValue) => {
      if (value == null) return null;
      // graphql-js awaits a promised value; only execute may.
      if (typeof (value as { then?: unknown }).then === 'function') return BAIL;
      return nullable(value, contextValue);
    };
  };

  return { collect, completion };
}

function leafCompletion(type: GraphQLLeafType): Completion {
  return (value) => {
    try {
      const serialized: unknown = type.serialize(value);
      return serialized == null ? BAIL : serialized;
    } catch {
      return BAIL;
    }
  };
}
