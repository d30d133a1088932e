import { ValidationError } from '../../errors/quarry-error.js';
import type { ContentPart, ToolCall, ToolChoice, ToolDefinition } from '../../codec-kit/chat-types.js';
import { checkToolNames } from '../../codec-kit/check-tool-names.js';
import type { ChatCodec } from '../../codec-kit/codec.js';
import { createNativeStreamDecoder } from '../../codec-kit/native-stream-decoder.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { parseNativePart } from '../../codec-kit/parse-native-part.js';
import { partsOf, validateChatRequest, type ChatRules } from '../../codec-kit/validate-chat-request.js';
import {
  AnthropicResponseSchema,
  AnthropicTextBlockSchema,
  AnthropicToolUseBlockSchema,
} from './anthropic-messages-schemas.js';
import { createAnthropicMessagesChunkReader } from './anthropic-messages-stream-reader.js';
import { mapAnthropicMessagesStopReason } from './map-anthropic-messages-stop-reason.js';
import { usageOf } from '../../codec-kit/usage.js';

const FAMILY_NAME = 'Anthropic Messages';

/** The only `anthropic_version` Bedrock accepts in InvokeModel bodies. */
const ANTHROPIC_VERSION = 'bedrock-2023-05-31';

/**
 * `max_tokens` sent when the request sets none (Claude requires the field). The codec does not see
 * the model, so this is the rule "min(4096, the model's maxOutputTokens)" evaluated once: every
 * Claude model on Bedrock allows at least 4,096 output tokens (Claude 3 Haiku's ceiling is 4,096).
 */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

const RULES: ChatRules = { maxTemperature: 1, allowAssistantPrefill: true };

/**
 * Claude through the Anthropic Messages body (`anthropic.*`, bedrock-protocol.md §5.1). Every message
 * is sent as content blocks; `tool_choice` is sent only with tools. A final assistant message is a
 * prefill that Claude continues.
 */
export const anthropicMessagesCodec: ChatCodec = {
  family: 'anthropic-messages',
  validate(model, request) {
    validateChatRequest(model, request, RULES);
    checkToolNames(request, 'Claude');
    request.messages.forEach((message, index) => {
      partsOf(message).forEach((part, partIndex) => {
        if (part.type === 'text' && part.text === '') {
          throw new ValidationError(
            `messages[${index}].content[${partIndex}].text`,
            `messages[${index}].content[${partIndex}] is an empty text part, which Claude rejects; remove it or add text.`,
          );
        }
      });
    });
    const last = request.messages.at(-1);
    const lastPart = last === undefined ? undefined : partsOf(last).at(-1);
    if (last?.role === 'assistant' && lastPart?.type === 'text' && /\s$/.test(lastPart.text)) {
      throw new ValidationError(
        `messages[${request.messages.length - 1}].content`,
        'Claude rejects an assistant prefill that ends in whitespace; trim the trailing spaces or newlines.',
      );
    }
  },
  encodeRequest(request) {
    const tools = request.tools ?? [];
    return {
      anthropic_version: ANTHROPIC_VERSION,
      max_tokens: request.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
      ...(request.system !== undefined && { system: request.system }),
      messages: request.messages.map((message) => ({
        role: message.role,
        content: partsOf(message).map(toContentBlock),
      })),
      ...(request.temperature !== undefined && { temperature: request.temperature }),
      ...(request.topP !== undefined && { top_p: request.topP }),
      ...(request.stopSequences !== undefined && { stop_sequences: [...request.stopSequences] }),
      ...(tools.length > 0 && { tools: tools.map(toTool) }),
      ...(tools.length > 0 &&
        request.toolChoice !== undefined && { tool_choice: toToolChoice(request.toolChoice) }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(AnthropicResponseSchema, body, FAMILY_NAME);
    let text = '';
    const toolCalls: ToolCall[] = [];
    response.content.forEach((block, index) => {
      const what = `${FAMILY_NAME} response content[${index}]`;
      if (block.type === 'text') {
        text += parseNativePart(AnthropicTextBlockSchema, block, what).text;
      } else if (block.type === 'tool_use') {
        const toolUse = parseNativePart(AnthropicToolUseBlockSchema, block, what);
        toolCalls.push({ toolUseId: toolUse.id, name: toolUse.name, input: toolUse.input });
      }
    });
    const { input_tokens: inputTokens, output_tokens: outputTokens } = response.usage;
    return {
      text,
      toolCalls,
      stopReason: mapAnthropicMessagesStopReason(response.stop_reason),
      rawStopReason: response.stop_reason,
      usage: usageOf(inputTokens, outputTokens),
    };
  },
  createStreamDecoder(context) {
    return createNativeStreamDecoder(context, {
      familyName: FAMILY_NAME,
      reader: createAnthropicMessagesChunkReader(),
      mapStopReason: mapAnthropicMessagesStopReason,
    });
  },
};

function toContentBlock(part: ContentPart): Record<string, unknown> {
  switch (part.type) {
    case 'text':
      return { type: 'text', text: part.text };
    case 'image':
      return {
        type: 'image',
        source: { type: 'base64', media_type: `image/${part.format}`, data: part.data },
      };
    case 'tool-use':
      return { type: 'tool_use', id: part.toolUseId, name: part.name, input: part.input };
    case 'tool-result':
      return {
        type: 'tool_result',
        tool_use_id: part.toolUseId,
        content: part.content,
        ...(part.isError === true && { is_error: true }),
      };
  }
}

function toTool(tool: ToolDefinition): Record<string, unknown> {
  return {
    name: tool.name,
    ...(tool.description !== undefined && { description: tool.description }),
    input_schema: tool.inputSchema,
  };
}

function toToolChoice(choice: ToolChoice): Record<string, unknown> {
  switch (choice.type) {
    case 'auto':
    case 'any':
      return { type: choice.type };
    case 'tool':
      return { type: 'tool', name: choice.name };
  }
}
