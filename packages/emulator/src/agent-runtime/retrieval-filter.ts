import { z } from 'zod';

import type { MetadataValue } from './knowledge-base-corpus.js';

interface FilterAttribute {
  readonly key: string;
  readonly value?: unknown;
}

/** Bedrock's RetrievalFilter union: exactly one operator per object (bedrock-protocol.md §7.2). */
export interface RetrievalFilter {
  readonly equals?: FilterAttribute | undefined;
  readonly notEquals?: FilterAttribute | undefined;
  readonly greaterThan?: FilterAttribute | undefined;
  readonly greaterThanOrEquals?: FilterAttribute | undefined;
  readonly lessThan?: FilterAttribute | undefined;
  readonly lessThanOrEquals?: FilterAttribute | undefined;
  readonly in?: FilterAttribute | undefined;
  readonly notIn?: FilterAttribute | undefined;
  readonly startsWith?: FilterAttribute | undefined;
  readonly listContains?: FilterAttribute | undefined;
  readonly stringContains?: FilterAttribute | undefined;
  readonly andAll?: readonly RetrievalFilter[] | undefined;
  readonly orAll?: readonly RetrievalFilter[] | undefined;
}

const attribute = z.object({ key: z.string().min(1).max(100), value: z.unknown() }).optional();

export const RetrievalFilterSchema: z.ZodType<RetrievalFilter> = z.lazy(() =>
  z
    .object({
      equals: attribute,
      notEquals: attribute,
      greaterThan: attribute,
      greaterThanOrEquals: attribute,
      lessThan: attribute,
      lessThanOrEquals: attribute,
      in: attribute,
      notIn: attribute,
      startsWith: attribute,
      listContains: attribute,
      stringContains: attribute,
      andAll: z.array(RetrievalFilterSchema).min(2).max(5).optional(),
      orAll: z.array(RetrievalFilterSchema).min(2).max(5).optional(),
    })
    .strict()
    .refine((filter) => Object.values(filter).filter((value) => value !== undefined).length === 1, {
      message: 'Member must set exactly one filter operator',
    }),
);

/** Whether a document's metadata passes the filter. A missing key fails every operator but notEquals/notIn. */
export function matchesFilter(
  filter: RetrievalFilter,
  metadata: Readonly<Record<string, MetadataValue>>,
): boolean {
  const read = (condition: FilterAttribute): MetadataValue | undefined =>
    Object.hasOwn(metadata, condition.key) ? metadata[condition.key] : undefined;
  const compare = (condition: FilterAttribute, test: (left: number, right: number) => boolean): boolean => {
    const actual = read(condition);
    return typeof actual === 'number' && typeof condition.value === 'number' && test(actual, condition.value);
  };
  const among = (condition: FilterAttribute): boolean =>
    Array.isArray(condition.value) &&
    condition.value.some((candidate) => sameValue(read(condition), candidate));

  if (filter.equals) return sameValue(read(filter.equals), filter.equals.value);
  if (filter.notEquals) return !sameValue(read(filter.notEquals), filter.notEquals.value);
  if (filter.greaterThan) return compare(filter.greaterThan, (left, right) => left > right);
  if (filter.greaterThanOrEquals) return compare(filter.greaterThanOrEquals, (left, right) => left >= right);
  if (filter.lessThan) return compare(filter.lessThan, (left, right) => left < right);
  if (filter.lessThanOrEquals) return compare(filter.lessThanOrEquals, (left, right) => left <= right);
  if (filter.in) return among(filter.in);
  if (filter.notIn) return !among(filter.notIn);
  if (filter.startsWith) {
    const actual = read(filter.startsWith);
    return (
      typeof actual === 'string' &&
      typeof filter.startsWith.value === 'string' &&
      actual.startsWith(filter.startsWith.value)
    );
  }
  if (filter.listContains) {
    const actual = read(filter.listContains);
    return Array.isArray(actual) && actual.includes(filter.listContains.value);
  }
  if (filter.stringContains) {
    const actual = read(filter.stringContains);
    const needle = filter.stringContains.value;
    if (typeof needle !== 'string') return false;
    if (typeof actual === 'string') return actual.includes(needle);
    return Array.isArray(actual) && actual.some((item: string) => item.includes(needle));
  }
  if (filter.andAll) return filter.andAll.every((inner) => matchesFilter(inner, metadata));
  if (filter.orAll) return filter.orAll.some((inner) => matchesFilter(inner, metadata));
  return true;
}

function sameValue(actual: MetadataValue | undefined, expected: unknown): boolean {
  if (actual === undefined) return false;
  if (Array.isArray(actual)) {
    return (
      Array.isArray(expected) &&
      actual.length === expected.length &&
      actual.every((item, index) => item === expected[index])
    );
  }
  return actual === expected;
}
