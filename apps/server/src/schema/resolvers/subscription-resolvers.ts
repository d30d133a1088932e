import { requireOperation } from '../../governance/require-operation.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { underInput, withInputPaths } from '../../errors/input-paths.js';
import { chatInputPath, toChatRequest } from '../../mapping/to-chat-request.js';
import { abortableIterator } from '../../streaming/abortable-iterator.js';
import type { GatewayStreamEvent } from '../../streaming/gateway-stream-event.js';
import type { SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import { toAgentEventView, toInvokeAgentRequest } from '../../agents/agent-views.js';
import { requireOwnedBatchJob } from '../../batch/batch-job-owners.js';
import { passEvent } from '../../streaming/pass-event.js';

export function createSubscriptionResolvers(): SubscriptionResolvers {
  return {
    invokeStream: {
      // Input and model limits are checked here, before any upstream call, so a bad request is an
      // immediate error instead of a stream that fails on its first event.
      subscribe: async (_root, { input }, context) => {
        const request = await withInputPaths(
          underInput((field) => chatInputPath(input, field)),
          async () => {
            const built = toChatRequest(input);
            await context.client.validateChat(input.modelId, built, { signal: context.signal });
            return built;
          },
        );
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
        return abortableIterator<GatewayStreamEvent>(
          // Core's events are the union's members as they are (stream-end carries a few more
          // fields, which GraphQL never selects): no copying layer in between.
          (signal) => context.client.stream(input.modelId, request, { signal }),
          context.signal,
          (ending) => {
            context.streams.release();
            // A stream the client completed or left is routine: one info line, never an error.
            if (ending === 'cancelled')
              context.logger.info(
                { event: 'gateway.stream.cancelled', modelId: input.modelId, requestId: context.requestId },
                'stream cancelled before its end; upstream stream closed',
              );
          },
        );
      },
      resolve: passEvent,
    },
    batchJobProgress: {
      subscribe: async (_root, { id }, context) => {
        await requireOwnedBatchJob(context, id);
        return abortableIterator((signal) => context.jobs.batch.watch(id, signal), context.signal, noop);
      },
      resolve: passEvent,
    },
    customizationJobProgress: {
      subscribe: (_root, { id }, context) => {
        requireOperation(context.caller, 'JOBS', 'customizationJobProgress');
        return abortableIterator(
          (signal) => context.jobs.customization.watch(id, signal),
          context.signal,
          noop,
        );
      },
      resolve: passEvent,
    },
    invokeAgentStream: {
      subscribe: (_root, { input }, context) =>
        abortableIterator(
          (signal) =>
            wrapIterable(
              context.client.invokeAgentStream(toInvokeAgentRequest(input), { signal }),
              toAgentEventView,
            ),
          context.signal,
          noop,
        ),
      resolve: passEvent,
    },
  };
}

function noop(): void {
  // Nothing to release: job pollers and agent streams clean up when their iterator ends.
}

/** Maps each item of an async iterable, passing `return()` through so unsubscribing stops the source. */
function wrapIterable<T, U>(source: AsyncIterable<T>, map: (item: T) => U): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const wrapped: AsyncIterableIterator<U> = {
    async next() {
      const next = await iterator.next();
      return next.done === true ? { done: true, value: undefined } : { done: false, value: map(next.value) };
    },
    async return() {
      await iterator.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => wrapped,
  };
  return wrapped;
}
