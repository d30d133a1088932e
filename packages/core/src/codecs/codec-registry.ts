import type { ModelFamily } from '../catalog/model-family.js';
import type { ChatCodec, Codec, EmbedCodec, ImageCodec } from './codec.js';

/** Finds the codec of a family. Built once at the composition root; codecs are stateless. */
export interface CodecRegistry {
  get(family: ModelFamily): Codec | undefined;
  chat(family: ModelFamily): ChatCodec | undefined;
  embed(family: ModelFamily): EmbedCodec | undefined;
  image(family: ModelFamily): ImageCodec | undefined;
}

export function createCodecRegistry(codecs: readonly Codec[]): CodecRegistry {
  const byFamily = new Map<ModelFamily, Codec>();
  for (const codec of codecs) {
    if (byFamily.has(codec.family)) throw new Error(`Two codecs registered for family ${codec.family}`);
    byFamily.set(codec.family, codec);
  }
  const ofKind = <K extends Codec['kind']>(
    family: ModelFamily,
    kind: K,
  ): Extract<Codec, { kind: K }> | undefined => {
    const codec = byFamily.get(family);
    return codec?.kind === kind ? (codec as Extract<Codec, { kind: K }>) : undefined;
  };
  return {
    get: (family) => byFamily.get(family),
    chat: (family) => ofKind(family, 'chat'),
    embed: (family) => ofKind(family, 'embed'),
    image: (family) => ofKind(family, 'image'),
  };
}
