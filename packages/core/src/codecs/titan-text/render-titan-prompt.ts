import type { ChatMessage, ChatRequest } from '../../codec-kit/chat-types.js';
import { partsOf } from '../../codec-kit/validate-chat-request.js';

/**
 * Titan Text has no chat structure, so a conversation becomes one `inputText` in the
 * conversational format AWS documents (`User: <prompt>\nBot:`, bedrock-protocol.md §5.2):
 *
 * ```text
 * <system>                  ← only when `system` is set, followed by a blank line
 *
 * User: <first user turn>
 * Bot: <first assistant turn>
 * User: <last user turn>
 * Bot:
 * ```
 *
 * Turns are joined with `\n`; the text parts of one turn are joined with `\n`. The trailing `Bot:`
 * (no space) asks the model to answer on its own line.
 */
export function renderTitanPrompt(request: ChatRequest): string {
  const turns = request.messages.map(
    (message) => `${message.role === 'user' ? 'User' : 'Bot'}: ${textOf(message)}`,
  );
  const conversation = [...turns, 'Bot:'].join('\n');
  return request.system === undefined ? conversation : `${request.system}\n\n${conversation}`;
}

function textOf(message: ChatMessage): string {
  return partsOf(message)
    .flatMap((part) => (part.type === 'text' ? [part.text] : []))
    .join('\n');
}
