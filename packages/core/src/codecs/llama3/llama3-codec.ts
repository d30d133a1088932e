import { createLlamaCodec } from '../../codec-kit/llama/create-llama-codec.js';
import { LLAMA3_CONTROL_MARKERS, renderLlama3Prompt } from './llama3-prompt.js';

/**
 * Llama 3, 3.1, 3.2 and 3.3 instruct models (`meta.llama3-*`): the Llama body with the
 * `<|start_header_id|>` template. Images (Llama 3.2 11B/90B vision) go to `images`; the catalog's
 * inputModalities decide which models may send them. No tools, no stop sequences.
 */
export const llama3Codec = createLlamaCodec({
  family: 'llama3',
  familyName: 'Llama 3',
  render: renderLlama3Prompt,
  controlMarkers: LLAMA3_CONTROL_MARKERS,
  supportedParts: ['text', 'image'],
});
