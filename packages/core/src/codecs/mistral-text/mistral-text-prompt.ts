import type { ChatRequest } from '../../codec-kit/chat-types.js';
import { textOf } from '../../codec-kit/validate-chat-request.js';

/** Mistral's instruction delimiters; refused inside message text. */
export const MISTRAL_TEXT_CONTROL_MARKERS = /\[\/?INST\]/;

/**
 * Mistral's instruct template as AWS documents it for Bedrock (bedrock-protocol.md §5.7):
 *
 * `<s>[INST] {user} [/INST] {assistant}</s>[INST] {user} [/INST]`
 *
 * Mistral has no system role: the system prompt opens the first instruction, followed by a blank
 * line. A final assistant message is left open (no `</s>`) so the model continues it.
 */
export function renderMistralTextPrompt(request: ChatRequest): string {
  const system = request.system !== undefined && request.system !== '' ? `${request.system}\n\n` : '';
  const lastIndex = request.messages.length - 1;
  let prompt = '<s>';
  request.messages.forEach((message, index) => {
    const text = textOf(message);
    if (message.role === 'user') {
      prompt += `[INST] ${index === 0 ? system : ''}${text} [/INST]`;
    } else {
      prompt += index === lastIndex ? ` ${text}` : ` ${text}</s>`;
    }
  });
  return prompt;
}
