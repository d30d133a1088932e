import { z } from 'zod';

/** `sortBy`/`sortOrder` query members shared by the job and model lists; spread into a `z.object`. */
export const sortQuery = {
  sortBy: z.enum(['CreationTime']).optional(),
  sortOrder: z.enum(['Ascending', 'Descending']).optional(),
};

export interface Created {
  readonly createdAt: number;
  /** Creation order inside the instance; breaks ties between resources created in the same millisecond. */
  readonly sequence: number;
}

/** Bedrock lists newest first unless asked otherwise. */
export function sortByCreationTime<Item extends Created>(
  items: readonly Item[],
  order: 'Ascending' | 'Descending' = 'Descending',
): Item[] {
  const sign = order === 'Ascending' ? 1 : -1;
  return [...items].sort((a, b) => sign * (a.createdAt - b.createdAt || a.sequence - b.sequence));
}

/** A query timestamp (`creationTimeAfter=2024-01-02T03:04:05Z`) as epoch milliseconds. */
export const timestampQuery = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'Member must be an ISO-8601 timestamp')
  .transform((value) => Date.parse(value))
  .optional();

/** Whether `time` is inside the exclusive bounds a list call gave. */
export function inTimeRange(time: number, after: number | undefined, before: number | undefined): boolean {
  return (after === undefined || time > after) && (before === undefined || time < before);
}

/** `nameContains` matching: case-insensitive substring. */
export function nameMatches(name: string, contains: string | undefined): boolean {
  return contains === undefined || name.toLowerCase().includes(contains.toLowerCase());
}
