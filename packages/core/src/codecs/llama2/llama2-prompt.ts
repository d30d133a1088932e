import type { ChatRequest } from '../../codec-kit/chat-types.js';
import type { LlamaPrompt } from '../../codec-kit/llama/create-llama-codec.js';
import { textOf } from '../../codec-kit/validate-chat-request.js';

/** Turn and system delimiters of the Llama 2 chat template; refused inside message text. */
export const LLAMA2_CONTROL_MARKERS = /\[\/?INST\]|<<\/?SYS>>/;

/**
 * Meta's Llama 2 chat template (bedrock-protocol.md §5.6), with the system prompt inside the first
 * instruction:
 *
 * `<s>[INST] <<SYS>>\n{system}\n<</SYS>>\n\n{user} [/INST] {assistant} </s><s>[INST] {user} [/INST]`
 *
 * A final assistant message is left open (no `</s>`) so the model continues it. Text is sent verbatim.
 */
export function renderLlama2Prompt(request: ChatRequest): LlamaPrompt {
  const system =
    request.system !== undefined && request.system !== '' ? `<<SYS>>\n${request.system}\n<</SYS>>\n\n` : '';
  const lastIndex = request.messages.length - 1;
  let prompt = '';
  request.messages.forEach((message, index) => {
    const text = textOf(message);
    if (message.role === 'user') {
      prompt += `<s>[INST] ${index === 0 ? system : ''}${text} [/INST]`;
    } else {
      prompt += index === lastIndex ? ` ${text}` : ` ${text} </s>`;
    }
  });
  return { prompt, images: [] };
}
