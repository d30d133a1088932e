import { FAMILY_KIND, type FamilyKind, type ModelFamily } from '../catalog/model-family.js';
import type { ChatCodec, Codec, EmbedCodec, ImageCodec } from '../codec-kit/codec.js';
import { ai21JambaCodec } from './ai21-jamba/ai21-jamba-codec.js';
import { anthropicMessagesCodec } from './anthropic-messages/anthropic-messages-codec.js';
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

interface CodecOfKind {
  readonly chat: ChatCodec;
  readonly embed: EmbedCodec;
  readonly image: ImageCodec;
}

/**
 * One codec per family, of the shape its kind needs. A family's kind is written once, in
 * FAMILY_KIND: the table's type derives from it, so a missing family or a codec of the wrong
 * shape fails typecheck.
 */
export type CodecTable = { readonly [F in ModelFamily]: CodecOfKind[(typeof FAMILY_KIND)[F]] };

const DEFAULT_CODECS = {
  'anthropic-messages': anthropicMessagesCodec,
  'titan-text': titanTextCodec,
  'titan-embed-v1': titanEmbedV1Codec,
  'titan-embed-v2': titanEmbedV2Codec,
  'titan-embed-image': titanEmbedImageCodec,
  'titan-image': titanImageCodec,
  nova: novaCodec,
  llama2: llama2Codec,
  llama3: llama3Codec,
  'mistral-text': mistralTextCodec,
  'mistral-chat': mistralChatCodec,
  'cohere-command-r': cohereCommandRCodec,
  'cohere-embed': cohereEmbedCodec,
  'ai21-jamba': ai21JambaCodec,
  'stability-sdxl': stabilitySdxlCodec,
  'stability-sd3': stabilitySd3Codec,
} as const satisfies Record<ModelFamily, Codec> & CodecTable;

/** Finds the codec of a family. Built once at the composition root; codecs are stateless. */
export interface CodecRegistry {
  get(family: ModelFamily): Codec;
  chat(family: ModelFamily): ChatCodec | undefined;
  embed(family: ModelFamily): EmbedCodec | undefined;
  image(family: ModelFamily): ImageCodec | undefined;
}

/** A registry over a full table; `overrides` replaces some families' codecs (tests, experiments). */
export function createCodecRegistry(overrides: Partial<CodecTable> = {}): CodecRegistry {
  const table: CodecTable = { ...DEFAULT_CODECS, ...overrides };
  const ofKind =
    <K extends FamilyKind>(kind: K) =>
    (family: ModelFamily): CodecOfKind[K] | undefined =>
      // The table's type ties table[family] to FAMILY_KIND[family], which TypeScript cannot narrow by value.
      FAMILY_KIND[family] === kind ? (table[family] as CodecOfKind[K]) : undefined;
  return {
    get: (family) => table[family],
    chat: ofKind('chat'),
    embed: ofKind('embed'),
    image: ofKind('image'),
  };
}

/** A registry with one codec for every family in MODEL_FAMILIES. */
export function defaultCodecRegistry(): CodecRegistry {
  return createCodecRegistry();
}
