import { ValidationError } from '@quarry/core';
import { getArgumentValues, Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** Most upstream work one GraphQL operation may ask for, counted across all its aliases. */
export interface WorkLimits {
  /** Root fields that call a model (invoke, invokeRaw, embed, generateImage, invokeStream, …). */
  readonly invocations: number;
  /** Texts across every embed field. */
  readonly texts: number;
  /** Images across every generateImage field. */
  readonly images: number;
}

export interface OperationWork {
  invocations: number;
  texts: number;
  images: number;
}

/** Root fields that reach a model once each (names other helpers add can join this list). */
const INVOKING_FIELDS = new Set([
  'invoke',
  'invokeRaw',
  'embed',
  'generateImage',
  'invokeStream',
  'sendMessage',
  'sendMessageStream',
  'invokeAgent',
  'invokeAgentStream',
  'retrieve',
  'retrieveAndGenerate',
]);

/**
 * Counts what an operation will send upstream, from the operation itself (aliases, fragments and
 * variables included), so three aliased `embed` fields of 2,048 texts are one 6,144-text request
 * and refused as such before any of them runs. Works from `info`, which both transports provide.
 */
export function countOperationWork(info: GraphQLResolveInfo): OperationWork {
  const work: OperationWork = { invocations: 0, texts: 0, images: 0 };
  const root = info.parentType;
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = info.fragments[selection.name.value];
        // graphql-js merges a fragment's fields under the same response keys however often it is
        // spread, so each fragment counts once.
        if (fragment !== undefined && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          visit(fragment.selectionSet, seen);
        }
      } else if (INVOKING_FIELDS.has(selection.name.value)) {
        work.invocations += 1;
        const field = root.getFields()[selection.name.value];
        if (field === undefined) continue;
        let args: Record<string, unknown>;
        try {
          args = getArgumentValues(field, selection, info.variableValues);
        } catch {
          continue; // graphql-js reports bad arguments itself
        }
        const input = args['input'] as { texts?: unknown; count?: unknown } | undefined;
        if (selection.name.value === 'embed' && Array.isArray(input?.texts)) work.texts += input.texts.length;
        if (selection.name.value === 'generateImage')
          work.images += typeof input?.count === 'number' ? input.count : 1;
      }
    }
  };
  visit(info.operation.selectionSet, new Set());
  return work;
}

/** Throws BAD_USER_INPUT naming the limit an operation passes; returns quietly otherwise. */
export function checkOperationWork(work: OperationWork, limits: WorkLimits): void {
  const over = (what: string, count: number, limit: number): never => {
    throw new ValidationError(
      'operation',
      `This operation asks for ${count} ${what} across its fields and aliases; the gateway allows ${limit} per operation. Split it into several requests.`,
    );
  };
  if (work.invocations > limits.invocations) over('model invocations', work.invocations, limits.invocations);
  if (work.texts > limits.texts) over('embedding texts', work.texts, limits.texts);
  if (work.images > limits.images) over('images', work.images, limits.images);
}
