import type { CatalogModel } from '../../catalog/catalog-model.js';
import { ValidationError } from '../../errors/quarry-error.js';
import type { ChatRequest } from '../../codec-kit/chat-types.js';
import type { ChatCodec } from '../../codec-kit/codec.js';
import { createNativeStreamDecoder } from '../../codec-kit/native-stream-decoder.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { partsOf, validateChatRequest, type ChatRules } from '../../codec-kit/validate-chat-request.js';
import { mapTitanTextStopReason } from './map-titan-text-stop-reason.js';
import { renderTitanPrompt } from './render-titan-prompt.js';
import { TitanTextResponseSchema } from './titan-text-schemas.js';
import { createTitanTextChunkReader } from './titan-text-stream-reader.js';
import { usageOf } from '../../codec-kit/usage.js';

const FAMILY_NAME = 'Titan Text';

const RULES: ChatRules = { maxTemperature: 1, allowAssistantPrefill: false };

/**
 * Titan's documented `maxTokenCount` ceilings (bedrock-protocol.md §5.2), checked on top of the
 * catalog's `maxOutputTokens` because Titan refuses anything above them outright.
 */
const MAX_TOKEN_COUNT: Readonly<Record<string, number>> = {
  'amazon.titan-text-lite-v1': 4096,
  'amazon.titan-text-express-v1': 8192,
  'amazon.titan-text-premier-v1:0': 3072,
};

/**
 * Amazon Titan Text (`amazon.titan-text-*`, bedrock-protocol.md §5.2): the conversation is rendered
 * into one `inputText` (see renderTitanPrompt; a system prompt is folded in front) and options go to
 * `textGenerationConfig`, sent only when set so Titan's defaults (temperature 0.7, topP 0.9,
 * maxTokenCount 512) apply. Text only: no images, no tools.
 */
export const titanTextCodec: ChatCodec = {
  family: 'titan-text',
  validate(model, request) {
    validateChatRequest(model, request, RULES);
    if (request.tools !== undefined && request.tools.length > 0) throw noToolUse(model, 'tools');
    if (request.toolChoice !== undefined) throw noToolUse(model, 'toolChoice');
    request.messages.forEach((message, index) => {
      partsOf(message).forEach((part, partIndex) => {
        if (part.type !== 'text') {
          throw new ValidationError(
            `messages[${index}].content[${partIndex}]`,
            `${model.modelId} (Titan Text) reads text only; remove the ${part.type} part or pick a model that accepts it.`,
          );
        }
      });
    });
    checkMaxTokenCount(model, request);
  },
  encodeRequest(request) {
    const textGenerationConfig = {
      ...(request.temperature !== undefined && { temperature: request.temperature }),
      ...(request.topP !== undefined && { topP: request.topP }),
      ...(request.maxTokens !== undefined && { maxTokenCount: request.maxTokens }),
      ...(request.stopSequences !== undefined && { stopSequences: [...request.stopSequences] }),
    };
    return {
      inputText: renderTitanPrompt(request),
      ...(Object.keys(textGenerationConfig).length > 0 && { textGenerationConfig }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(TitanTextResponseSchema, body, FAMILY_NAME);
    // We never ask for more than one result.
    const [result] = response.results;
    const inputTokens = response.inputTextTokenCount;
    const outputTokens = result.tokenCount;
    return {
      text: result.outputText,
      toolCalls: [],
      stopReason: mapTitanTextStopReason(result.completionReason),
      rawStopReason: result.completionReason,
      usage: usageOf(inputTokens, outputTokens),
    };
  },
  createStreamDecoder(context) {
    return createNativeStreamDecoder(context, {
      familyName: FAMILY_NAME,
      reader: createTitanTextChunkReader(),
      mapStopReason: mapTitanTextStopReason,
    });
  },
};

function noToolUse(model: CatalogModel, field: 'tools' | 'toolChoice'): ValidationError {
  return new ValidationError(
    field,
    `${model.modelId} (Titan Text) has no tool use; remove ${field}, or pick a model with tool support (Claude 3+, Nova).`,
  );
}

function checkMaxTokenCount(model: CatalogModel, request: ChatRequest): void {
  if (request.maxTokens === undefined || !Object.hasOwn(MAX_TOKEN_COUNT, model.modelId)) return;
  const cap = MAX_TOKEN_COUNT[model.modelId];
  if (cap !== undefined && request.maxTokens > cap) {
    throw new ValidationError(
      'maxTokens',
      `maxTokens ${request.maxTokens} exceeds ${model.modelId}'s maxTokenCount cap of ${cap}; set maxTokens to ${cap} or less.`,
    );
  }
}
