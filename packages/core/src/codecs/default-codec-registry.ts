import { ai21JambaCodec } from './ai21-jamba/ai21-jamba-codec.js';
import { anthropicMessagesCodec } from './anthropic-messages/anthropic-messages-codec.js';
import { createCodecRegistry, type CodecRegistry } from './codec-registry.js';
import { cohereCommandRCodec } from './cohere-command-r/cohere-command-r-codec.js';
import { cohereEmbedCodec } from './cohere-embed/cohere-embed-codec.js';
import { llama2Codec } from './llama2/llama2-codec.js';
import { llama3Codec } from './llama3/llama3-codec.js';
import { mistralChatCodec } from './mistral-chat/mistral-chat-codec.js';
import { mistralTextCodec } from './mistral-text/mistral-text-codec.js';
import { novaCodec } from './nova/nova-codec.js';
import { stabilitySd3Codec } from './stability-sd3/stability-sd3-codec.js';
import { stabilitySdxlCodec } from './stability-sdxl/stability-sdxl-codec.js';
import { titanEmbedImageCodec } from './titan-embed-image/titan-embed-image-codec.js';
import { titanEmbedV1Codec } from './titan-embed-v1/titan-embed-v1-codec.js';
import { titanEmbedV2Codec } from './titan-embed-v2/titan-embed-v2-codec.js';
import { titanImageCodec } from './titan-image/titan-image-codec.js';
import { titanTextCodec } from './titan-text/titan-text-codec.js';

/** A registry with one codec for every family in MODEL_FAMILIES. */
export function defaultCodecRegistry(): CodecRegistry {
  return createCodecRegistry([
    anthropicMessagesCodec,
    titanTextCodec,
    titanEmbedV1Codec,
    titanEmbedV2Codec,
    titanEmbedImageCodec,
    titanImageCodec,
    novaCodec,
    llama2Codec,
    llama3Codec,
    mistralTextCodec,
    mistralChatCodec,
    cohereCommandRCodec,
    cohereEmbedCodec,
    ai21JambaCodec,
    stabilitySdxlCodec,
    stabilitySd3Codec,
  ]);
}
