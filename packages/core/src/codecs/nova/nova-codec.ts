import { ValidationError } from '../../errors/quarry-error.js';
import type {
  ChatRequest,
  ContentPart,
  ToolCall,
  ToolChoice,
  ToolDefinition,
} from '../../codec-kit/chat-types.js';
import { checkToolNames } from '../../codec-kit/check-tool-names.js';
import type { ChatCodec } from '../../codec-kit/codec.js';
import { createNativeStreamDecoder } from '../../codec-kit/native-stream-decoder.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import { partsOf, validateChatRequest, type ChatRules } from '../../codec-kit/validate-chat-request.js';
import { mapNovaStopReason } from './map-nova-stop-reason.js';
import { NovaResponseSchema } from './nova-schemas.js';
import { createNovaChunkReader } from './nova-stream-reader.js';
import { usageOf } from '../../codec-kit/usage.js';

const FAMILY_NAME = 'Amazon Nova';

/** Nova continues a final assistant message (prefill), like Claude. */
const RULES: ChatRules = { maxTemperature: 1, allowAssistantPrefill: true };

/**
 * Amazon Nova understanding models (`amazon.nova-*`, bedrock-protocol.md §5.5). The body is
 * Converse-shaped with `schemaVersion: "messages-v1"` and image bytes as base64 strings;
 * `inferenceConfig` and `toolConfig` are sent only when they have content, so Nova's defaults apply.
 */
export const novaCodec: ChatCodec = {
  family: 'nova',
  validate(model, request) {
    validateChatRequest(model, request, RULES);
    checkToolNames(request, 'Nova');
    request.messages.forEach((message, index) => {
      partsOf(message).forEach((part, partIndex) => {
        if (part.type === 'text' && part.text === '') {
          throw new ValidationError(
            `messages[${index}].content[${partIndex}].text`,
            `messages[${index}].content[${partIndex}] is an empty text part, which Nova rejects; remove it or add text.`,
          );
        }
      });
    });
  },
  encodeRequest(request) {
    const inferenceConfig = {
      ...(request.maxTokens !== undefined && { maxTokens: request.maxTokens }),
      ...(request.temperature !== undefined && { temperature: request.temperature }),
      ...(request.topP !== undefined && { topP: request.topP }),
      ...(request.stopSequences !== undefined && { stopSequences: [...request.stopSequences] }),
    };
    return {
      schemaVersion: 'messages-v1',
      ...(request.system !== undefined && { system: [{ text: request.system }] }),
      messages: request.messages.map((message) => ({
        role: message.role,
        content: partsOf(message).map(toContentBlock),
      })),
      ...(Object.keys(inferenceConfig).length > 0 && { inferenceConfig }),
      ...toToolConfig(request),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(NovaResponseSchema, body, FAMILY_NAME);
    let text = '';
    const toolCalls: ToolCall[] = [];
    for (const block of response.output.message.content) {
      if (block.text !== undefined) text += block.text;
      if (block.toolUse !== undefined) {
        const { toolUseId, name, input } = block.toolUse;
        toolCalls.push({ toolUseId, name, input });
      }
    }
    const { inputTokens, outputTokens } = response.usage;
    return {
      text,
      toolCalls,
      stopReason: mapNovaStopReason(response.stopReason),
      rawStopReason: response.stopReason,
      usage: usageOf(inputTokens, outputTokens),
    };
  },
  createStreamDecoder(context) {
    return createNativeStreamDecoder(context, {
      familyName: FAMILY_NAME,
      reader: createNovaChunkReader(),
      mapStopReason: mapNovaStopReason,
    });
  },
};

function toContentBlock(part: ContentPart): Record<string, unknown> {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'image':
      return { image: { format: part.format, source: { bytes: part.data } } };
    case 'tool-use':
      return { toolUse: { toolUseId: part.toolUseId, name: part.name, input: part.input } };
    case 'tool-result':
      return {
        toolResult: {
          toolUseId: part.toolUseId,
          content: [{ text: part.content }],
          status: part.isError === true ? 'error' : 'success',
        },
      };
  }
}

function toToolConfig(request: ChatRequest): { toolConfig?: Record<string, unknown> } {
  const tools = request.tools ?? [];
  if (tools.length === 0) return {};
  return {
    toolConfig: {
      tools: tools.map(toToolSpec),
      ...(request.toolChoice !== undefined && { toolChoice: toToolChoice(request.toolChoice) }),
    },
  };
}

function toToolSpec(tool: ToolDefinition): Record<string, unknown> {
  return {
    toolSpec: {
      name: tool.name,
      ...(tool.description !== undefined && { description: tool.description }),
      inputSchema: { json: tool.inputSchema },
    },
  };
}

function toToolChoice(choice: ToolChoice): Record<string, unknown> {
  switch (choice.type) {
    case 'auto':
      return { auto: {} };
    case 'any':
      return { any: {} };
    case 'tool':
      return { tool: { name: choice.name } };
  }
}
