import { ValidationError } from '../../errors/quarry-error.js';
import type { ChatMessage, ToolCall } from '../../codec-kit/chat-types.js';
import { checkToolNames } from '../../codec-kit/check-tool-names.js';
import type { ChatCodec } from '../../codec-kit/codec.js';
import { createNativeStreamDecoder } from '../../codec-kit/native-stream-decoder.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { partsOf, validateChatRequest, type ChatRules } from '../../codec-kit/validate-chat-request.js';
import { Ai21JambaResponseSchema } from './ai21-jamba-schemas.js';
import { createAi21JambaChunkReader } from './ai21-jamba-stream-reader.js';
import { mapAi21JambaStopReason } from './map-ai21-jamba-stop-reason.js';
import { usageOf } from '../../codec-kit/usage.js';
import { parseFunctionArguments, toFunctionTool } from '../../codec-kit/function-tools.js';

const FAMILY_NAME = 'AI21 Jamba';

/** Jamba samples with temperatures up to 2 (AI21 documents 0.0–2.0). */
const RULES: ChatRules = { maxTemperature: 2, allowAssistantPrefill: false };

/**
 * AI21 Jamba 1.5 (`ai21.jamba-*`, bedrock-protocol.md §5.9): OpenAI-like `messages` with string
 * content and a leading `system` message; text parts of a turn are joined with `\n`. Tools go out as
 * `{type: "function", function: {name, description, parameters}}`; a tool-use part becomes an
 * assistant `tool_calls` entry (arguments as a JSON string) and a tool-result part a `tool` message
 * placed before the rest of its user turn. Jamba has no `tool_choice` and no error flag on tool
 * results, so `isError` is not sent. `n` is never sent (one choice).
 */
export const ai21JambaCodec: ChatCodec = {
  family: 'ai21-jamba',
  validate(model, request) {
    validateChatRequest(model, request, RULES);
    checkToolNames(request, 'Jamba');
    request.messages.forEach((message, index) => {
      partsOf(message).forEach((part, partIndex) => {
        if (part.type === 'image') {
          throw new ValidationError(
            `messages[${index}].content[${partIndex}]`,
            `${model.modelId} (AI21 Jamba) reads text only; remove the image or pick a model whose inputModalities include IMAGE.`,
          );
        }
      });
    });
    if (request.toolChoice !== undefined && request.toolChoice.type !== 'auto') {
      throw new ValidationError(
        'toolChoice',
        `${model.modelId} (AI21 Jamba) always decides itself whether to call a tool; remove toolChoice or set it to auto.`,
      );
    }
  },
  encodeRequest(request) {
    const tools = request.tools ?? [];
    return {
      messages: [
        ...(request.system !== undefined ? [{ role: 'system', content: request.system }] : []),
        ...request.messages.flatMap(toJambaMessages),
      ],
      ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
      ...(request.temperature !== undefined && { temperature: request.temperature }),
      ...(request.topP !== undefined && { top_p: request.topP }),
      ...(request.stopSequences !== undefined && { stop: [...request.stopSequences] }),
      ...(tools.length > 0 && { tools: tools.map(toFunctionTool) }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(Ai21JambaResponseSchema, body, FAMILY_NAME);
    const [choice] = response.choices;
    const toolCalls = (choice.message.tool_calls ?? []).map((call, index): ToolCall => ({
      toolUseId: call.id,
      name: call.function.name,
      input: parseFunctionArguments(
        call.function.arguments,
        `Unreadable ${FAMILY_NAME} response body: choices.0.message.tool_calls.${index}.function.arguments`,
      ),
    }));
    const { prompt_tokens: inputTokens, completion_tokens: outputTokens } = response.usage;
    return {
      text: choice.message.content ?? '',
      toolCalls,
      stopReason: mapAi21JambaStopReason(choice.finish_reason),
      rawStopReason: choice.finish_reason,
      usage: usageOf(inputTokens, outputTokens),
    };
  },
  createStreamDecoder(context) {
    return createNativeStreamDecoder(context, {
      familyName: FAMILY_NAME,
      reader: createAi21JambaChunkReader(),
      mapStopReason: mapAi21JambaStopReason,
    });
  },
};

function toJambaMessages(message: ChatMessage): Record<string, unknown>[] {
  const parts = partsOf(message);
  const text = parts.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
  if (message.role === 'assistant') {
    const toolCalls = parts.flatMap((part) =>
      part.type === 'tool-use'
        ? [
            {
              id: part.toolUseId,
              type: 'function',
              function: { name: part.name, arguments: JSON.stringify(part.input) },
            },
          ]
        : [],
    );
    return [{ role: 'assistant', content: text, ...(toolCalls.length > 0 && { tool_calls: toolCalls }) }];
  }
  // Tool messages answer the previous assistant turn's tool_calls, so they come first.
  const toolMessages = parts.flatMap((part) =>
    part.type === 'tool-result'
      ? [{ role: 'tool', content: part.content, tool_call_id: part.toolUseId }]
      : [],
  );
  const hasText = parts.some((part) => part.type === 'text');
  return [...toolMessages, ...(hasText ? [{ role: 'user', content: text }] : [])];
}
