import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { ModelCatalog, ResolvedModel } from '../catalog/model-catalog.js';
import { FAMILY_KIND } from '../catalog/model-family.js';
import type { CodecRegistry } from '../codecs/codec-registry.js';
import type { ChatCodec, EmbedCodec, ImageCodec } from '../codec-kit/codec.js';
import { ValidationError } from '../errors/quarry-error.js';
import type { Logger } from '../logging/logger.js';
import type { ScheduleTimeout } from './idle-watchdog.js';
import type { RetryDeps } from '../retry/with-retry.js';
import type { ModelResolver } from './model-resolver.js';
import type { RuntimeTransport } from './runtime-transport.js';

/** What every client operation shares; built once by createQuarryClient. */
export interface ClientContext {
  readonly control: BedrockClient;
  /** Sends InvokeModel, Converse and their streams: the direct path or the SDK's commands. */
  readonly transport: RuntimeTransport;
  readonly region: string;
  readonly catalog: ModelCatalog;
  readonly codecs: CodecRegistry;
  readonly retry: RetryDeps;
  readonly resolver: ModelResolver;
  readonly logger: Logger;
  readonly now: () => number;
  readonly streamIdleTimeoutMs: number;
  /** Arms stream idle bounds (the opening's first frame and every later gap). */
  readonly scheduleTimeout: ScheduleTimeout;
  readonly embedConcurrency: number;
}

const USE_INSTEAD = { chat: 'invoke or stream', embed: 'embed', image: 'generateImage' } as const;

function kindMismatch(resolved: ResolvedModel, wanted: keyof typeof USE_INSTEAD): ValidationError {
  const codec = resolved.model.family;
  const hint = USE_INSTEAD[FAMILY_KIND[resolved.model.family]];
  return new ValidationError(
    'modelId',
    `${resolved.model.modelId} (${codec}) is not a ${wanted === 'chat' ? 'text generation' : wanted === 'embed' ? 'text embedding' : 'image generation'} model; use ${hint}.`,
  );
}

export function chatCodecFor(context: ClientContext, resolved: ResolvedModel): ChatCodec {
  const codec = context.codecs.chat(resolved.model.family);
  if (codec === undefined) throw kindMismatch(resolved, 'chat');
  return codec;
}

export function embedCodecFor(context: ClientContext, resolved: ResolvedModel): EmbedCodec {
  const codec = context.codecs.embed(resolved.model.family);
  if (codec === undefined) throw kindMismatch(resolved, 'embed');
  return codec;
}

export function imageCodecFor(context: ClientContext, resolved: ResolvedModel): ImageCodec {
  const codec = context.codecs.image(resolved.model.family);
  if (codec === undefined) throw kindMismatch(resolved, 'image');
  return codec;
}
