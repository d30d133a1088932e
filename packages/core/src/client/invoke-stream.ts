import type { ResponseStream } from '@aws-sdk/client-bedrock-runtime';
import type { ChatRequest } from '../codec-kit/chat-types.js';
import type { ChatCodec, StreamDecoder } from '../codec-kit/codec.js';
import { callStream } from './call-stream.js';
import { chatCodecFor, type ClientContext } from './client-context.js';
import type { CallOptions, CallTokenStream } from './client-types.js';
import { utf8Of } from './event-stream-frames.js';
import { parseJsonBody } from './send-invoke.js';
import { converseStreamTarget } from './converse.js';
import { deferredIterator } from '../stream/deferred-iterator.js';

/**
 * Streams a chat completion through InvokeModelWithResponseStream. Resolution and validation run
 * on the first `next()`, before any upstream call; opening is retried until the first content event.
 * Breaking out of the loop or aborting `options.signal` cancels the upstream HTTP request at once;
 * an abort rejects the iteration with the signal's reason.
 */
export function stream(
  context: ClientContext,
  modelId: string,
  request: ChatRequest,
  options: CallOptions = {},
): CallTokenStream {
  return {
    [Symbol.asyncIterator]: () =>
      deferredIterator(async () => {
        const started = context.now();
        const target = await context.resolver.resolveChat(modelId, options.signal);
        if (target.kind === 'live') {
          // A model only Bedrock's list knows has no codec here: ConverseStream speaks to every family.
          return converseStreamTarget(context, target, request, options, started);
        }
        const resolved = target.resolved;
        const codec = chatCodecFor(context, resolved);
        codec.validate(resolved.model, request);
        const body = JSON.stringify(codec.encodeRequest(request));
        return callStream<ResponseStream>(context, {
          model: resolved.model,
          modelId,
          operation: 'InvokeModelWithResponseStream',
          started,
          signal: options.signal,
          open: (abortSignal) =>
            context.transport.invokeModelStream({
              modelId,
              body,
              headers: options.headers,
              signal: abortSignal,
            }),
          createDecoder: (requestId) => chunkDecoder(codec, modelId, requestId),
        });
      }),
  };
}

/** `chunk` events carry one native JSON chunk as bytes; other members are ones this SDK does not model. */
function chunkDecoder(
  codec: ChatCodec,
  modelId: string,
  requestId: string | undefined,
): StreamDecoder<ResponseStream> {
  const decoder = codec.createStreamDecoder({ modelId, requestId });
  return {
    push: (event) => {
      const bytes = event.chunk?.bytes;
      return bytes === undefined ? [] : decoder.push(parseJsonBody(utf8Of(bytes)));
    },
    finish: () => decoder.finish(),
  };
}
