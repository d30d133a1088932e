import { InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import type { ChatRequest } from '../codecs/chat-types.js';
import type { ChatCodec } from '../codecs/codec.js';
import { CodecError } from '../errors/quarry-error.js';
import { retryStream } from '../retry/retry-stream.js';
import { isContentEvent, type StreamEvent, type TokenStream } from '../stream/stream-event.js';
import { instrumentCommand } from './call-middleware.js';
import { chatCodecFor, type ClientContext } from './client-context.js';
import type { CallOptions } from './client-types.js';
import { nextWithin } from './idle-watchdog.js';
import { parseJsonBody } from './send-invoke.js';
import { abortOptions, linkedAbort } from './linked-abort.js';

/**
 * Streams a chat completion through InvokeModelWithResponseStream. Resolution and validation run
 * on the first `next()`, before any upstream call; opening is retried until the first content event.
 * Breaking out of the loop or aborting `options.signal` cancels the upstream HTTP request at once.
 */
export function stream(
  context: ClientContext,
  modelId: string,
  request: ChatRequest,
  options: CallOptions = {},
): TokenStream {
  return {
    async *[Symbol.asyncIterator]() {
      const resolved = await context.resolver.resolve(modelId, options.signal);
      const codec = chatCodecFor(context, resolved);
      codec.validate(resolved.model, request);
      const body = JSON.stringify(codec.encodeRequest(request));
      yield* retryStream(
        (_attempt, signal) => openStream(context, modelId, codec, body, options.headers, signal),
        isContentEvent,
        context.retry,
        {
          signal: options.signal,
          context: { modelId, region: context.region, operation: 'InvokeModelWithResponseStream' },
        },
      );
    },
  };
}

async function* openStream(
  context: ClientContext,
  modelId: string,
  codec: ChatCodec,
  body: string,
  headers: Readonly<Record<string, string>> | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<StreamEvent, void, undefined> {
  const link = linkedAbort(signal);
  let finished = false;
  try {
    const command = new InvokeModelWithResponseStreamCommand({
      modelId,
      body,
      contentType: 'application/json',
      accept: 'application/json',
    });
    instrumentCommand(command, headers);
    const response = await context.runtime.send(command, abortOptions(link.signal));
    if (response.body === undefined)
      throw new CodecError('InvokeModelWithResponseStream answered without a stream body');
    const decoder = codec.createStreamDecoder({ modelId, requestId: response.$metadata.requestId });
    const iterator = response.body[Symbol.asyncIterator]();
    let ended = false;
    for (;;) {
      const next = await nextWithin(iterator, context.streamIdleTimeoutMs, link.abort);
      if (next.done === true) break;
      const bytes = next.value.chunk?.bytes;
      if (bytes === undefined) continue; // an event type this SDK version does not model
      for (const event of decoder.push(parseJsonBody(Buffer.from(bytes).toString('utf8')))) {
        if (event.type === 'stream-end') ended = true;
        yield event;
      }
    }
    // The SDK ends the iterator quietly when the caller aborts (bedrock-protocol.md §9.3).
    if (signal?.aborted === true) return;
    if (!ended) throw truncated();
    yield* decoder.finish();
    finished = true;
  } finally {
    link.dispose();
    // Releases the socket when the consumer stopped early or something failed.
    if (!finished) link.abort();
  }
}

/** Every family marks its last chunk; a stream ending without it was cut off upstream. */
function truncated(): CodecError {
  return new CodecError(
    'The model stream ended before its final chunk (the connection was cut). Retry the request.',
    {
      retryable: true,
    },
  );
}
