import { z } from 'zod';

import { validationError } from './bedrock-errors.js';

/** Page size when a list call sends no `maxResults`. */
const DEFAULT_PAGE_SIZE = 100;

/** Query members of every paginated list (bedrock-protocol.md §6.3); spread into a `z.object`. */
export const pagingQuery = {
  maxResults: z.coerce.number().int().min(1).max(1000).optional(),
  nextToken: z.string().min(1).max(2048).optional(),
};

export interface PagingInput {
  readonly maxResults?: number | undefined;
  readonly nextToken?: string | undefined;
}

export interface Page<Item> {
  readonly items: readonly Item[];
  /** Absent on the last page: the SDK paginators stop on a missing token. */
  readonly nextToken: string | undefined;
}

const TokenSchema = z.object({ scope: z.string(), offset: z.number().int().min(0) });

/**
 * One page of an already filtered and sorted list. The token is opaque to clients (base64url JSON)
 * and bound to `scope` (the operation), so a token from another list is rejected with
 * ValidationException rather than silently misread.
 */
export function paginate<Item>(items: readonly Item[], paging: PagingInput, scope: string): Page<Item> {
  const offset = paging.nextToken === undefined ? 0 : decodeToken(paging.nextToken, scope);
  const end = offset + (paging.maxResults ?? DEFAULT_PAGE_SIZE);
  return {
    items: items.slice(offset, end),
    nextToken: end < items.length ? encodeToken(scope, end) : undefined,
  };
}

function encodeToken(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ scope, offset })).toString('base64url');
}

function decodeToken(token: string, scope: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = TokenSchema.safeParse(parsed);
  if (!result.success || result.data.scope !== scope) {
    throw validationError(
      `Invalid value for 'nextToken': the pagination token is not valid for this request.`,
    );
  }
  return result.data.offset;
}

/** A list response body: the items under `key`, plus `nextToken` only when more pages remain. */
export function pageBody<Item>(key: string, page: Page<Item>): Record<string, unknown> {
  return { [key]: page.items, ...(page.nextToken !== undefined && { nextToken: page.nextToken }) };
}
