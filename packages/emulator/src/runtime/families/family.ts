import type { CatalogModel } from '@quarry/core/catalog';

import type { ImageSynthesizer } from '../../synthetic/synthetic-image.js';
import type { ChatPrompt } from '../chat/chat-prompt.js';
import type { Reply } from '../chat/generate-reply.js';

/** One native stream chunk and the output tokens it carries (for pacing). */
export interface NativeChunk {
  readonly body: Readonly<Record<string, unknown>>;
  readonly outputTokens: number;
  /**
   * A content-free chunk that opens the stream (Anthropic `message_start`, Nova `messageStart`, …):
   * sent at once, before the time to first token (bedrock-protocol.md §3.6 point 1). Families whose
   * first chunk already carries text have none, and wait the time to first token before it.
   */
  readonly opening?: boolean;
}

/** A text family's native wire format (bedrock-protocol.md §5). */
export interface ChatFamily {
  readonly kind: 'chat';
  /** Throws BedrockHttpError (ValidationException `Malformed input request: …`). */
  parseRequest(body: unknown, model: CatalogModel): ChatPrompt;
  /** The InvokeModel response body. */
  renderResponse(reply: Reply, model: CatalogModel): unknown;
  /**
   * InvokeModelWithResponseStream chunks; the stream adds `amazon-bedrock-invocationMetrics` to
   * the last one (§3.7).
   */
  renderChunks(reply: Reply, model: CatalogModel): readonly NativeChunk[];
}

export interface EmbedOutput {
  readonly body: unknown;
  readonly inputTokens: number;
}

export interface EmbedFamily {
  readonly kind: 'embed';
  /** Throws BedrockHttpError for a body the model rejects. */
  embed(body: unknown, model: CatalogModel): EmbedOutput;
}

export interface ImageOutput {
  readonly body: unknown;
  readonly images: number;
  /** Prompt tokens, for the input-token header. */
  readonly inputTokens: number;
}

export interface ImageFamily {
  readonly kind: 'image';
  /** Throws BedrockHttpError for a body the model rejects. */
  generate(body: unknown, model: CatalogModel, images: ImageSynthesizer): ImageOutput;
}

/** Splits a reply's tokens into stream pieces of `size` tokens (the last may be shorter). */
export function groupTokens(
  tokens: readonly string[],
  size: number,
): { readonly text: string; readonly tokens: number }[] {
  const groups: { text: string; tokens: number }[] = [];
  for (let start = 0; start < tokens.length; start += size) {
    const slice = tokens.slice(start, start + size);
    groups.push({ text: slice.join(''), tokens: slice.length });
  }
  return groups;
}

/** Splits a JSON string into about `parts` fragments, as models stream tool input. */
export function splitJson(json: string, parts: number): string[] {
  const size = Math.max(1, Math.ceil(json.length / parts));
  const fragments: string[] = [];
  for (let start = 0; start < json.length; start += size) fragments.push(json.slice(start, start + size));
  return fragments.length > 0 ? fragments : [''];
}
