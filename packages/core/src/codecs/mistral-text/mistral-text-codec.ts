import { checkNoTools, checkSupportedParts } from '../../codec-kit/check-supported-parts.js';
import type { ChatCodec } from '../../codec-kit/codec.js';
import { createNativeStreamDecoder } from '../../codec-kit/native-stream-decoder.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { checkControlMarkers } from '../../codec-kit/prompt-control-markers.js';
import { validateChatRequest, type ChatRules } from '../../codec-kit/validate-chat-request.js';
import { mapMistralTextStopReason } from './map-mistral-text-stop-reason.js';
import { MISTRAL_TEXT_CONTROL_MARKERS, renderMistralTextPrompt } from './mistral-text-prompt.js';
import { MistralTextResponseSchema } from './mistral-text-schemas.js';
import { createMistralTextChunkReader } from './mistral-text-stream-reader.js';
import { usageOf } from '../../codec-kit/usage.js';

const FAMILY_NAME = 'Mistral text';

/** Mistral's `stop` takes at most 10 sequences; a final assistant message is continued (open template turn). */
const RULES: ChatRules = { maxTemperature: 1, allowAssistantPrefill: true, maxStopSequences: 10 };

/**
 * Mistral's text format (Mistral 7B, Mixtral 8x7B, Large 2402, Small 2402; bedrock-protocol.md §5.7):
 * an `[INST]` prompt plus `max_tokens`, `stop`, `temperature`, `top_p`. Text only, no tools.
 *
 * The body carries no token counts: `decodeResponse` returns zero usage, which the client replaces
 * with Bedrock's `x-amzn-bedrock-input-token-count`/`-output-token-count` headers; streams take usage
 * from `amazon-bedrock-invocationMetrics`.
 */
export const mistralTextCodec: ChatCodec = {
  family: 'mistral-text',
  validate(model, request) {
    validateChatRequest(model, request, RULES);
    checkNoTools(request, FAMILY_NAME);
    checkSupportedParts(request, ['text'], FAMILY_NAME);
    checkControlMarkers(request, MISTRAL_TEXT_CONTROL_MARKERS, 'Mistral instruct template');
  },
  encodeRequest(request) {
    return {
      prompt: renderMistralTextPrompt(request),
      ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
      ...(request.stopSequences !== undefined &&
        request.stopSequences.length > 0 && { stop: [...request.stopSequences] }),
      ...(request.temperature !== undefined && { temperature: request.temperature }),
      ...(request.topP !== undefined && { top_p: request.topP }),
    };
  },
  decodeResponse(body) {
    const [{ text, stop_reason: rawStopReason }] = parseNativeBody(
      MistralTextResponseSchema,
      body,
      FAMILY_NAME,
    ).outputs;
    return {
      text,
      toolCalls: [],
      stopReason: mapMistralTextStopReason(rawStopReason),
      rawStopReason,
      usage: usageOf(0, 0),
    };
  },
  createStreamDecoder(context) {
    return createNativeStreamDecoder(context, {
      familyName: FAMILY_NAME,
      reader: createMistralTextChunkReader(),
      mapStopReason: mapMistralTextStopReason,
    });
  },
};
