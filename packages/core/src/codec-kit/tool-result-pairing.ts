import { ValidationError } from '../errors/quarry-error.js';
import type { ChatMessage, ChatRequest, ContentPart } from './chat-types.js';
import { partsOf } from './validate-chat-request.js';

export type ToolUsePart = Extract<ContentPart, { readonly type: 'tool-use' }>;
export type ToolResultPart = Extract<ContentPart, { readonly type: 'tool-result' }>;

export interface ToolPairingRules {
  /** Every tool call must be answered by the next user message (Mistral chat); otherwise calls may go unanswered. */
  readonly answerEveryCall: boolean;
}

/** The tool-use parts of a message by toolUseId; empty for an absent or user message. */
export function toolUsesById(message: ChatMessage | undefined): ReadonlyMap<string, ToolUsePart> {
  const uses = new Map<string, ToolUsePart>();
  if (message?.role !== 'assistant') return uses;
  for (const part of partsOf(message)) if (part.type === 'tool-use') uses.set(part.toolUseId, part);
  return uses;
}

/**
 * Checks the tool turns of families that carry tool results as their own messages or fields: tool-use
 * parts only in assistant messages, tool-result parts only in user messages, each result answering a
 * call of the assistant message just before it and, when asked, every call answered.
 */
export function checkToolResultPairing(
  request: ChatRequest,
  familyName: string,
  rules: ToolPairingRules,
): void {
  request.messages.forEach((message, index) => {
    const calls = toolUsesById(request.messages[index - 1]);
    const answered = new Set<string>();
    partsOf(message).forEach((part, partIndex) => {
      const field = `messages[${index}].content[${partIndex}]`;
      if (part.type === 'tool-use' && message.role !== 'assistant') {
        throw new ValidationError(
          field,
          `${field} is a tool-use part in a ${message.role} message; only assistant messages call tools.`,
        );
      }
      if (part.type !== 'tool-result') return;
      if (message.role !== 'user') {
        throw new ValidationError(
          field,
          `${field} is a tool-result part in an assistant message; send tool results in a user message.`,
        );
      }
      if (!calls.has(part.toolUseId)) {
        throw new ValidationError(
          `${field}.toolUseId`,
          `${field} answers toolUseId ${JSON.stringify(part.toolUseId)}, but messages[${index - 1}] made no tool call with that id; ` +
            `${familyName} needs each tool result right after the assistant message that requested it.`,
        );
      }
      answered.add(part.toolUseId);
    });
    if (!rules.answerEveryCall || message.role !== 'user') return;
    for (const toolUseId of calls.keys()) {
      if (!answered.has(toolUseId)) {
        throw new ValidationError(
          `messages[${index}].content`,
          `messages[${index - 1}] called a tool with toolUseId ${JSON.stringify(toolUseId)} that messages[${index}] does not answer; ` +
            `${familyName} needs a tool-result part for every tool call.`,
        );
      }
    }
  });
}
