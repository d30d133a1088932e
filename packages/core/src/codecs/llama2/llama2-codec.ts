import { createLlamaCodec } from '../../codec-kit/llama/create-llama-codec.js';
import { LLAMA2_CONTROL_MARKERS, renderLlama2Prompt } from './llama2-prompt.js';

/**
 * Llama 2 Chat (`meta.llama2-13b-chat-v1`, `meta.llama2-70b-chat-v1`): the Llama body with the
 * `[INST]`/`<<SYS>>` template. Text only, no tools, no stop sequences.
 */
export const llama2Codec = createLlamaCodec({
  family: 'llama2',
  familyName: 'Llama 2',
  render: renderLlama2Prompt,
  controlMarkers: LLAMA2_CONTROL_MARKERS,
  supportedParts: ['text'],
});
