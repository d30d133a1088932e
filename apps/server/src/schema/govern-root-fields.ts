import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.js';
import { checkOperationWork, countOperationWork } from '../governance/operation-work.js';
import { codeOf } from '../governance/policy.js';

type RootResolvers = Record<string, unknown>;
type FieldResolver = GraphQLFieldResolver<unknown, GatewayContext, Record<string, unknown>>;

/**
 * Wraps every Query, Mutation and Subscription root field with the per-operation step both
 * transports share (Apollo's plugins never see graphql-ws, but both execute this schema):
 * the operation's work limit, checked by whichever root field runs first and before any of them
 * calls upstream, and per-field metrics.
 */
export function governRootFields<R extends { Query?: unknown; Mutation?: unknown; Subscription?: unknown }>(
  resolvers: R,
): R {
  const wrapAll = (fields: unknown, isSubscription: boolean): unknown => {
    if (fields === undefined) return undefined;
    const wrapped: RootResolvers = {};
    for (const [name, value] of Object.entries(fields as RootResolvers)) {
      if (isSubscription) {
        const field = value as { subscribe: FieldResolver; resolve?: FieldResolver };
        wrapped[name] = { ...field, subscribe: instrument(name, field.subscribe) };
      } else wrapped[name] = instrument(name, value as FieldResolver);
    }
    return wrapped;
  };
  return {
    ...resolvers,
    Query: wrapAll(resolvers.Query, false),
    Mutation: wrapAll(resolvers.Mutation, false),
    Subscription: wrapAll(resolvers.Subscription, true),
  };
}

function instrument(field: string, resolve: FieldResolver): FieldResolver {
  return async (root, args, context, info) => {
    const started = performance.now();
    try {
      admitOperation(context, info);
      const result: unknown = await resolve(root, args, context, info);
      context.metrics.operations.inc({ field, code: 'OK' });
      return result;
    } catch (error) {
      context.metrics.operations.inc({ field, code: codeOf(error) });
      throw error;
    } finally {
      context.metrics.operationSeconds.observe({ field }, (performance.now() - started) / 1000);
    }
  };
}

/** Counts the operation once (the first root field to run) and refuses every field of an operation over its limits. */
function admitOperation(context: GatewayContext, info: GraphQLResolveInfo): void {
  if (context.work === undefined) {
    try {
      const work = countOperationWork(info);
      checkOperationWork(work, context.governance.workLimits);
      context.work = work;
    } catch (error) {
      context.work = error as Error;
    }
  }
  if (context.work instanceof Error) throw context.work;
}
