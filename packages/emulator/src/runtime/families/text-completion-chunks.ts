import type { Reply } from '../chat/generate-reply.js';
import { groupTokens, type NativeChunk } from './family.js';

/** One stream piece of a prompt-completion format, and where it falls in the stream. */
export interface TextCompletionPiece {
  readonly text: string;
  /** Output tokens in this piece. */
  readonly tokens: number;
  readonly first: boolean;
  readonly last: boolean;
  /** Output tokens sent so far, this piece included. */
  readonly sent: number;
}

/**
 * The stream chunks of the prompt-completion formats (Titan text, Llama, Mistral text): the reply
 * in pieces of `size` tokens, each rendered by `body`. An empty reply still gets one empty piece,
 * because the last chunk is the one that carries the stop reason and the final counts.
 */
export function textCompletionChunks(
  reply: Reply,
  size: number,
  body: (piece: TextCompletionPiece) => Readonly<Record<string, unknown>>,
): NativeChunk[] {
  const groups = groupTokens(reply.tokens, size);
  if (groups.length === 0) groups.push({ text: '', tokens: 0 });
  let sent = 0;
  return groups.map((group, index): NativeChunk => {
    sent += group.tokens;
    const last = index === groups.length - 1;
    const piece = { text: group.text, tokens: group.tokens, first: index === 0, last, sent };
    return { body: body(piece), outputTokens: group.tokens };
  });
}
