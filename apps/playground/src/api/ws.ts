import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../__generated__/graphql';
import { authorizationHeader, onApiKeyChange } from './api-key';
import { toGatewayError, type GatewayError } from './gateway-error';
import { GRAPHQL_PATH } from './http';

export interface SubscriptionSink<T> {
  next(value: T): void;
  error(error: GatewayError): void;
  complete(): void;
}

let client: Client | undefined;

// A new key means a new connection: graphql-ws authenticates once, at connection_init.
onApiKeyChange(() => {
  void client?.dispose();
  client = undefined;
});

function socket(): Client {
  client ??= createClient({
    url: `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_PATH}`,
    connectionParams: () => authorizationHeader(),
    lazy: true,
    retryAttempts: 0,
  });
  return client;
}

/**
 * Starts a subscription; the returned function stops it. Stopping sends graphql-ws `complete`, on
 * which the gateway cancels the upstream Bedrock stream at once.
 */
export function subscribe<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  sink: SubscriptionSink<TResult>,
): () => void {
  return socket().subscribe<TResult>(
    { query: document.toString(), variables },
    {
      next: (message) => {
        if (message.errors !== undefined && message.errors.length > 0)
          sink.error(toGatewayError(message.errors));
        else if (message.data !== undefined && message.data !== null) sink.next(message.data);
      },
      error: (error) => {
        sink.error(toGatewayError(error));
      },
      complete: () => {
        sink.complete();
      },
    },
  );
}
