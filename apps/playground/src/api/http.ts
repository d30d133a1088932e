import type { TypedDocumentString } from '../__generated__/graphql';
import { authorizationHeader } from './api-key';
import { GatewayError, toGatewayError } from './gateway-error';

export const GRAPHQL_PATH = '/graphql';

interface GraphQLResponse<T> {
  readonly data?: T | null;
  readonly errors?: readonly unknown[];
}

/** A query or mutation over plain HTTP POST: the whole client a request/response call needs. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorizationHeader() },
      body: JSON.stringify({ query: document.toString(), variables }),
      ...(signal !== undefined && { signal }),
    });
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw new GatewayError('NETWORK_ERROR', `The gateway did not answer: ${String(error)}. Is it running?`);
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new GatewayError(
      'NETWORK_ERROR',
      `The gateway answered ${response.status} without a GraphQL body.`,
    );
  }
  if (body.errors !== undefined && body.errors.length > 0) throw toGatewayError(body.errors);
  if (body.data === undefined || body.data === null) {
    throw new GatewayError('NETWORK_ERROR', `The gateway answered ${response.status} without data.`);
  }
  return body.data;
}
