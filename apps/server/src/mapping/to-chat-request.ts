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
  const parts = messageParts(message).map(({ part }) => part);
  // Plain text stays a string: the simplest shape for every codec.
  const only = parts[0];
  return { role: message.role, content: parts.length === 1 && only?.type === 'text' ? only.text : parts };
}

/** A message's parts in the order core sees them, each with the input field it came from. */
function messageParts(message: MessageInput): { part: ContentPart; path: string }[] {
  const parts: { part: ContentPart; path: string }[] = [];
  (message.toolResults ?? []).forEach((result, index) => {
    parts.push({
      part: {
        type: 'tool-result',
        toolUseId: result.toolUseId,
        content: result.content,
        ...(result.isError != null && { isError: result.isError }),
      },
      path: `toolResults[${index}]`,
    });
  });
  (message.images ?? []).forEach((image, index) => {
    parts.push({
      part: { type: 'image', format: image.format, data: image.base64 },
      path: `images[${index}]`,
    });
  });
  const toolUses = message.toolUses ?? [];
  // An empty content string only stands for "no text" when the turn carries something else.
  if (message.content !== '' || (parts.length === 0 && toolUses.length === 0)) {
    parts.push({ part: { type: 'text', text: message.content }, path: 'content' });
  }
  toolUses.forEach((use, index) => {
    parts.push({
      part: { type: 'tool-use', toolUseId: use.toolUseId, name: use.name, input: use.input },
      path: `toolUses[${index}]`,
    });
  });
  return parts;
}

// Core names a part's fields after ContentPart; the GraphQL input names some differently.
const PART_FIELD_IN_INPUT: Readonly<Record<string, string>> = {
  '.data': '.base64',
  '.text': '',
  '.type': '',
};

/**
 * The InvokeInput field (relative, e.g. `messages[0].images[1].base64` or `prompt`) behind a path
 * core's validation names in the ChatRequest that toChatRequest built from `input`, so the caller
 * is pointed at what they sent rather than at core's shape.
 */
export function chatInputPath(input: Pick<InvokeInput, 'prompt' | 'messages'>, field: string): string {
  const turn = /^messages\[(\d+)\](.*)$/.exec(field);
  if (turn === null) return field === 'messages' && input.prompt != null ? 'prompt' : field;
  const index = Number(turn[1]);
  const rest = turn[2] ?? '';
  // A prompt is the single user turn: everything core says about turn 0 is about it.
  if (input.prompt != null) return 'prompt';
  const message = input.messages?.[index];
  const part = /^\.content\[(\d+)\](.*)$/.exec(rest);
  if (message === undefined || part === null) return field;
  const source = messageParts(message)[Number(part[1])];
  if (source === undefined) return field;
  const sub = part[2] ?? '';
  return `messages[${index}].${source.path}${PART_FIELD_IN_INPUT[sub] ?? sub}`;
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
