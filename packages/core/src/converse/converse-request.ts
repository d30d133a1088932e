import type {
  ContentBlock,
  ConverseCommandInput,
  Message,
  Tool,
  ToolChoice as SdkToolChoice,
} from '@aws-sdk/client-bedrock-runtime';
import type { ChatRequest, ContentPart, ToolChoice } from '../codec-kit/chat-types.js';
import { partsOf } from '../codec-kit/validate-chat-request.js';

/** The Converse request fields for a neutral ChatRequest (everything but `modelId`). */
export type ConverseRequestFields = Omit<ConverseCommandInput, 'modelId'>;

/**
 * Maps a ChatRequest onto Bedrock's Converse API. Converse is Bedrock's own family-neutral
 * format, so one mapping serves every model that supports it.
 */
export function toConverseRequest(request: ChatRequest): ConverseRequestFields {
  const messages: Message[] = request.messages.map((message) => ({
    role: message.role,
    content: partsOf(message).map(toContentBlock),
  }));
  const inferenceConfig = {
    ...(request.maxTokens !== undefined && { maxTokens: request.maxTokens }),
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.topP !== undefined && { topP: request.topP }),
    ...(request.stopSequences !== undefined && { stopSequences: [...request.stopSequences] }),
  };
  const tools = request.tools ?? [];
  return {
    messages,
    ...(request.system !== undefined && { system: [{ text: request.system }] }),
    ...(Object.keys(inferenceConfig).length > 0 && { inferenceConfig }),
    ...(tools.length > 0 && {
      toolConfig: {
        tools: tools.map((tool): Tool => ({
          toolSpec: {
            name: tool.name,
            ...(tool.description !== undefined && { description: tool.description }),
            inputSchema: { json: tool.inputSchema as never },
          },
        })),
        ...(request.toolChoice !== undefined && { toolChoice: toToolChoice(request.toolChoice) }),
      },
    }),
  };
}

function toContentBlock(part: ContentPart): ContentBlock {
  switch (part.type) {
    case 'text':
      return { text: part.text };
    case 'image':
      return { image: { format: part.format, source: { bytes: Buffer.from(part.data, 'base64') } } };
    case 'tool-use':
      return { toolUse: { toolUseId: part.toolUseId, name: part.name, input: part.input as never } };
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

function toToolChoice(choice: ToolChoice): SdkToolChoice {
  switch (choice.type) {
    case 'auto':
      return { auto: {} };
    case 'any':
      return { any: {} };
    case 'tool':
      return { tool: { name: choice.name } };
  }
}
