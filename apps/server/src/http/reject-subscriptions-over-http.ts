import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';

/**
 * Apollo cannot run subscriptions over HTTP and would answer with an internal error; tell the
 * caller where subscriptions live instead.
 */
export function rejectSubscriptionsOverHttp<Context extends object>(
  path: string,
): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation(requestContext) {
          if (requestContext.operation?.operation !== OperationTypeNode.SUBSCRIPTION)
            return Promise.resolve();
          return Promise.reject(
            new GraphQLError(
              `Subscriptions are served over graphql-ws: connect a graphql-ws client to ws://<host>${path}.`,
              {
                extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
              },
            ),
          );
        },
      });
    },
  };
}
