import { CodecError } from '../../errors/quarry-error.js';
import type { ChatMessage, ToolCall } from '../../codec-kit/chat-types.js';
import { checkToolNames } from '../../codec-kit/check-tool-names.js';
import type { ChatCodec } from '../../codec-kit/codec.js';
import { createNativeStreamDecoder } from '../../codec-kit/native-stream-decoder.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { checkToolResultPairing } from '../../codec-kit/tool-result-pairing.js';
import { partsOf, validateChatRequest, type ChatRules } from '../../codec-kit/validate-chat-request.js';
import { mapMistralChatStopReason } from './map-mistral-chat-stop-reason.js';
import { parseArguments, textOfContent } from './mistral-chat-content.js';
import { MistralChatResponseSchema } from './mistral-chat-schemas.js';
import { createMistralChatChunkReader } from './mistral-chat-stream-reader.js';
import { toMistralToolCallId } from './mistral-tool-call-id.js';
import { usageOf } from '../../codec-kit/usage.js';
import { toFunctionTool } from '../../codec-kit/function-tools.js';

const FAMILY_NAME = 'Mistral chat';

const RULES: ChatRules = { maxTemperature: 1 };

/**
 * Mistral's chat format (Mistral Large 2407, Pixtral Large; bedrock-protocol.md §5.7): OpenAI-like
 * `messages` with a `system` message, assistant `tool_calls`, one `tool` message per tool result
 * (sent before the user's text of the same turn), `tools` and `tool_choice`.
 *
 * - `toolChoice` `{type:'tool'}` is sent as `tool_choice: "any"` with only that tool in `tools`
 *   (the documented values are `auto|any|none`).
 * - Tool call ids that are not Mistral's nine alphanumerics are replaced by a stable hash.
 * - Images become `image_url` parts with a base64 data URL [UNVERIFIED for Bedrock].
 * - Usage comes from the body's `usage` when present, else zeros (the client then reads Bedrock's
 *   token-count headers).
 */
export const mistralChatCodec: ChatCodec = {
  family: 'mistral-chat',
  validate(model, request) {
    validateChatRequest(model, request, RULES);
    checkToolNames(request, 'Mistral');
    checkToolResultPairing(request, FAMILY_NAME, { answerEveryCall: true });
  },
  encodeRequest(request) {
    const choice = request.toolChoice;
    const tools =
      choice?.type === 'tool'
        ? (request.tools ?? []).filter((tool) => tool.name === choice.name)
        : (request.tools ?? []);
    const system =
      request.system !== undefined && request.system !== ''
        ? [{ role: 'system', content: request.system }]
        : [];
    return {
      messages: [...system, ...request.messages.flatMap(toMessages)],
      ...(tools.length > 0 && { tools: tools.map(toFunctionTool) }),
      ...(tools.length > 0 &&
        choice !== undefined && { tool_choice: choice.type === 'auto' ? 'auto' : 'any' }),
      ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
      ...(request.temperature !== undefined && { temperature: request.temperature }),
      ...(request.topP !== undefined && { top_p: request.topP }),
      ...(request.stopSequences !== undefined &&
        request.stopSequences.length > 0 && { stop: [...request.stopSequences] }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(MistralChatResponseSchema, body, FAMILY_NAME);
    const [choice] = response.choices;
    const rawStopReason = choice.stop_reason ?? choice.finish_reason;
    if (rawStopReason === null || rawStopReason === undefined) {
      throw new CodecError(
        `Unreadable ${FAMILY_NAME} response body: choices.0 has neither stop_reason nor finish_reason.`,
      );
    }
    const toolCalls: ToolCall[] = (choice.message.tool_calls ?? []).map((call) => ({
      toolUseId: call.id,
      name: call.function.name,
      input: parseArguments(call.function.arguments, call.function.name),
    }));
    const inputTokens = response.usage?.prompt_tokens ?? 0;
    const outputTokens = response.usage?.completion_tokens ?? 0;
    return {
      text: textOfContent(choice.message.content),
      toolCalls,
      stopReason: mapMistralChatStopReason(rawStopReason, toolCalls.length > 0),
      rawStopReason,
      usage: usageOf(inputTokens, outputTokens),
    };
  },
  createStreamDecoder(context) {
    const reader = createMistralChatChunkReader();
    return createNativeStreamDecoder(context, {
      familyName: FAMILY_NAME,
      reader,
      mapStopReason: (raw) => mapMistralChatStopReason(raw, reader.calledTools()),
    });
  },
};

function toMessages(message: ChatMessage): Record<string, unknown>[] {
  const parts = partsOf(message);
  if (message.role === 'assistant') {
    const text = parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
    const toolCalls = parts.flatMap((part) =>
      part.type === 'tool-use'
        ? [
            {
              id: toMistralToolCallId(part.toolUseId),
              function: { name: part.name, arguments: JSON.stringify(part.input ?? {}) },
            },
          ]
        : [],
    );
    return [{ role: 'assistant', content: text, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) }];
  }
  // Mistral needs the tool messages right after the assistant's tool_calls, so they go first.
  const toolMessages = parts.flatMap((part) =>
    part.type === 'tool-result'
      ? [{ role: 'tool', tool_call_id: toMistralToolCallId(part.toolUseId), content: part.content }]
      : [],
  );
  const userParts = parts.filter((part) => part.type === 'text' || part.type === 'image');
  if (userParts.length === 0) return toolMessages;
  const content = userParts.every((part) => part.type === 'text')
    ? userParts.map((part) => part.text).join('')
    : userParts.map((part) =>
        part.type === 'text'
          ? { type: 'text', text: part.text }
          : { type: 'image_url', image_url: { url: `data:image/${part.format};base64,${part.data}` } },
      );
  return [...toolMessages, { role: 'user', content }];
}
