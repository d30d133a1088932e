import { GatewayError } from '../../errors/gateway-error.js';
import { toChatRequest } from '../../mapping/to-chat-request.js';
import { abortableIterator } from '../../streaming/abortable-iterator.js';
import type { GatewayStreamEvent } from '../../streaming/gateway-stream-event.js';
import { toGatewayEvents } from '../../streaming/to-gateway-events.js';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';

export function createSubscriptionResolvers(): SubscriptionResolvers {
  return {
    invokeStream: {
      // Input and model limits are checked here, before any upstream call, so a bad request is an
      // immediate error instead of a stream that fails on its first event.
      subscribe: async (_root, { input }, context) => {
        const request = toChatRequest(input);
        await context.client.validateChat(input.modelId, request, { signal: context.signal });
        if (!context.streams.tryAcquire()) {
          throw new GatewayError(
            'RATE_LIMITED',
            `The gateway is serving its maximum of ${context.streams.limit} concurrent streams; retry shortly or use the invoke mutation.`,
          );
        }
        context.logger.debug(
          { event: 'gateway.stream.open', modelId: input.modelId, requestId: context.requestId },
          'stream open',
        );
        return abortableIterator(
          (signal) => toGatewayEvents(context.client.stream(input.modelId, request, { signal })),
          context.signal,
          () => {
            context.streams.release();
          },
        );
      },
      resolve: (event: GatewayStreamEvent) => event,
    },
  };
}
