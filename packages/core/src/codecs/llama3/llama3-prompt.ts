import type { ChatRequest } from '../../codec-kit/chat-types.js';
import type { LlamaPrompt } from '../../codec-kit/llama/create-llama-codec.js';
import { partsOf } from '../../codec-kit/validate-chat-request.js';

/**
 * Llama 3.x special tokens (and Llama 4's header/turn tokens), refused inside message text: the
 * tokenizer reads them as control tokens, so `<|eot_id|>` in user text would end the turn.
 */
export const LLAMA3_CONTROL_MARKERS =
  /<\|(?:begin_of_text|end_of_text|start_header_id|end_header_id|eot_id|eom_id|python_tag|image|finetune_right_pad_id|reserved_special_token_\d+|header_start|header_end|eot)\|>/;

const BEGIN_OF_TEXT = '<|begin_of_text|>';
const END_OF_TURN = '<|eot_id|>';
/** Where Llama 3.2 vision reads the next entry of the body's `images`. */
const IMAGE = '<|image|>';

function header(role: 'system' | 'user' | 'assistant'): string {
  return `<|start_header_id|>${role}<|end_header_id|>\n\n`;
}

/**
 * Meta's Llama 3 instruct template (bedrock-protocol.md §5.6): one header-delimited turn per message,
 * each closed by `<|eot_id|>`, then an open assistant header for the model to answer in. A final
 * assistant message stays open (no `<|eot_id|>`, no new header) so the model continues it. Image
 * parts become `<|image|>` at their position and their base64 bytes go to `images` in order.
 */
export function renderLlama3Prompt(request: ChatRequest): LlamaPrompt {
  const images: string[] = [];
  let prompt = BEGIN_OF_TEXT;
  if (request.system !== undefined && request.system !== '') {
    prompt += header('system') + request.system + END_OF_TURN;
  }
  const lastIndex = request.messages.length - 1;
  request.messages.forEach((message, index) => {
    prompt += header(message.role);
    for (const part of partsOf(message)) {
      if (part.type === 'text') {
        prompt += part.text;
      } else if (part.type === 'image') {
        prompt += IMAGE;
        images.push(part.data);
      }
    }
    if (index !== lastIndex || message.role === 'user') prompt += END_OF_TURN;
  });
  if (request.messages.at(-1)?.role !== 'assistant') prompt += header('assistant');
  return { prompt, images };
}
