import {
  ValidationError,
  type ChatMessage,
  type ChatRequest,
  type ContentPart,
  type ToolChoice,
} from '@quarry/core';
import type { InvokeInput, MessageInput, ToolChoiceInput } from '../schema/__generated__/resolvers-types.js';

/**
 * Turns GraphQL's InvokeInput into core's ChatRequest. Checks only what the GraphQL types cannot
 * say (prompt XOR messages, a tool choice that names its tool, tool schemas as objects); model
 * limits are core's job, which runs them before any upstream call.
 */
export function toChatRequest(input: InvokeInput): ChatRequest {
  const messages = toMessages(input);
  return {
    messages,
    ...(input.system != null && { system: input.system }),
    ...(input.maxTokens != null && { maxTokens: input.maxTokens }),
    ...(input.temperature != null && { temperature: input.temperature }),
    ...(input.topP != null && { topP: input.topP }),
    ...(input.stopSequences != null && { stopSequences: input.stopSequences }),
    ...(input.tools != null &&
      input.tools.length > 0 && {
        tools: input.tools.map((tool, index) => {
          if (
            typeof tool.inputSchema !== 'object' ||
            tool.inputSchema === null ||
            Array.isArray(tool.inputSchema)
          ) {
            throw new ValidationError(
              `tools[${index}].inputSchema`,
              'inputSchema must be a JSON Schema object, e.g. {"type":"object","properties":{}}.',
            );
          }
          return {
            name: tool.name,
            ...(tool.description != null && { description: tool.description }),
            inputSchema: tool.inputSchema as Record<string, unknown>,
          };
        }),
      }),
    ...(input.toolChoice != null && { toolChoice: toToolChoice(input.toolChoice) }),
  };
}

function toMessages(input: InvokeInput): ChatMessage[] {
  if (input.prompt != null && input.messages != null) {
    throw new ValidationError('prompt', 'Give either prompt or messages, not both.');
  }
  if (input.prompt != null) return [{ role: 'user', content: input.prompt }];
  if (input.messages == null) {
    throw new ValidationError(
      'messages',
      'Give messages (a conversation) or prompt (a single user message).',
    );
  }
  return input.messages.map(toMessage);
}

function toMessage(message: MessageInput): ChatMessage {
  const parts: ContentPart[] = [];
  for (const result of message.toolResults ?? []) {
    parts.push({
      type: 'tool-result',
      toolUseId: result.toolUseId,
      content: result.content,
      ...(result.isError != null && { isError: result.isError }),
    });
  }
  for (const image of message.images ?? [])
    parts.push({ type: 'image', format: image.format, data: image.base64 });
  const toolUses = message.toolUses ?? [];
  // An empty content string only stands for "no text" when the turn carries something else.
  if (message.content !== '' || (parts.length === 0 && toolUses.length === 0)) {
    parts.push({ type: 'text', text: message.content });
  }
  for (const use of toolUses)
    parts.push({ type: 'tool-use', toolUseId: use.toolUseId, name: use.name, input: use.input });
  // Plain text stays a string: the simplest shape for every codec.
  const only = parts[0];
  return { role: message.role, content: parts.length === 1 && only?.type === 'text' ? only.text : parts };
}

function toToolChoice(choice: ToolChoiceInput): ToolChoice {
  switch (choice.mode) {
    case 'auto':
      return { type: 'auto' };
    case 'any':
      return { type: 'any' };
    case 'tool':
      if (choice.name == null || choice.name === '') {
        throw new ValidationError(
          'toolChoice.name',
          'toolChoice mode TOOL needs the name of the tool to call.',
        );
      }
      return { type: 'tool', name: choice.name };
  }
}
