import { ValidationError } from '../../errors/quarry-error.js';
import type { ChatRequest, ContentPart } from '../chat-types.js';
import { checkNoTools, checkSupportedParts } from '../check-supported-parts.js';
import type { ChatCodec } from '../codec.js';
import { createNativeStreamDecoder } from '../native-stream-decoder.js';
import { parseNativeBody } from '../parse-native-body.js';
import { checkControlMarkers } from '../prompt-control-markers.js';
import { validateChatRequest, type ChatRules } from '../validate-chat-request.js';
import { LlamaResponseSchema } from './llama-schemas.js';
import { createLlamaChunkReader } from './llama-stream-reader.js';
import { mapLlamaStopReason } from './map-llama-stop-reason.js';
import { usageOf } from '../usage.js';

/** A rendered Llama prompt and the base64 images its `<|image|>` placeholders refer to, in order. */
export interface LlamaPrompt {
  readonly prompt: string;
  readonly images: readonly string[];
}

export interface LlamaCodecOptions {
  readonly family: 'llama2' | 'llama3';
  /** Display name for messages, e.g. `Llama 3`. */
  readonly familyName: string;
  /** Renders the conversation into the family's prompt template; input is validated. */
  readonly render: (request: ChatRequest) => LlamaPrompt;
  /** Control markers of the template, refused in message and system text. */
  readonly controlMarkers: RegExp;
  /** Part types the template can express. */
  readonly supportedParts: readonly ContentPart['type'][];
}

/**
 * A final assistant message is continued by the model: the template leaves that turn open, so
 * the result holds only the continuation.
 */
const RULES: ChatRules = { maxTemperature: 1, allowAssistantPrefill: true };

/**
 * The Meta Llama body (bedrock-protocol.md §5.6): `prompt` plus `max_gen_len`, `temperature`,
 * `top_p` (and `images` for Llama 3.2 vision). Llama 2 and Llama 3 share body, response and stream
 * and differ only in how the prompt is rendered. Bedrock defaults: temperature 0.5, top_p 0.9,
 * max_gen_len 512; the ceiling (2,048) comes from the catalog's maxOutputTokens.
 *
 * `decodeResponse` returns the body's token counts (zeros where absent); the client prefers the
 * `x-amzn-bedrock-input-token-count`/`-output-token-count` headers when Bedrock sends them.
 */
export function createLlamaCodec(options: LlamaCodecOptions): ChatCodec {
  const { family, familyName, render, controlMarkers, supportedParts } = options;
  return {
    family,
    validate(model, request) {
      validateChatRequest(model, request, RULES);
      if (request.stopSequences !== undefined && request.stopSequences.length > 0) {
        throw new ValidationError(
          'stopSequences',
          `${familyName} on Bedrock takes no stop sequences (its body has no stop field); remove stopSequences and cut the text client-side.`,
        );
      }
      checkNoTools(request, familyName);
      checkSupportedParts(request, supportedParts, familyName);
      checkControlMarkers(request, controlMarkers, `${familyName} prompt template`);
    },
    encodeRequest(request) {
      const { prompt, images } = render(request);
      return {
        prompt,
        ...(images.length > 0 && { images: [...images] }),
        ...(request.maxTokens !== undefined && { max_gen_len: request.maxTokens }),
        ...(request.temperature !== undefined && { temperature: request.temperature }),
        ...(request.topP !== undefined && { top_p: request.topP }),
      };
    },
    decodeResponse(body) {
      const response = parseNativeBody(LlamaResponseSchema, body, familyName);
      const inputTokens = response.prompt_token_count ?? 0;
      const outputTokens = response.generation_token_count ?? 0;
      return {
        text: response.generation,
        toolCalls: [],
        stopReason: mapLlamaStopReason(response.stop_reason),
        rawStopReason: response.stop_reason,
        usage: usageOf(inputTokens, outputTokens),
      };
    },
    createStreamDecoder(context) {
      return createNativeStreamDecoder(context, {
        familyName,
        reader: createLlamaChunkReader(familyName),
        mapStopReason: mapLlamaStopReason,
      });
    },
  };
}
