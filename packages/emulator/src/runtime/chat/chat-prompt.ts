import { createHash } from 'node:crypto';

import { countTokens } from '../../synthetic/synthetic-text.js';

/** One piece of a turn, in a shape every family's native body and Converse map onto. */
export type ChatPart =
  | { readonly type: 'text'; readonly text: string }
  /** Media the emulator does not look inside; `base64Length` sizes its token cost. */
  | { readonly type: 'media'; readonly base64Length: number }
  | { readonly type: 'tool-use'; readonly id: string; readonly name: string; readonly input: unknown }
  | { readonly type: 'tool-result'; readonly id: string; readonly text: string };

export interface ChatTurn {
  readonly role: 'user' | 'assistant';
  readonly parts: readonly ChatPart[];
}

export interface ToolSpec {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the tool input; the synthetic tool call fills it in. */
  readonly inputSchema: unknown;
}

export type ToolChoice =
  | { readonly type: 'auto' }
  | { readonly type: 'any' }
  | { readonly type: 'tool'; readonly name: string }
  | { readonly type: 'none' };

/** A chat request reduced to what the synthetic model reads, whatever the wire format. */
export interface ChatPrompt {
  readonly system: readonly string[];
  readonly turns: readonly ChatTurn[];
  readonly tools: readonly ToolSpec[];
  readonly toolChoice: ToolChoice;
  /** The request's output cap; undefined means the model's maximum. */
  readonly maxTokens: number | undefined;
  readonly stopSequences: readonly string[];
}

/** What the seed and the input token count are computed from. */
export interface PromptDigest {
  /** Short hex digest of everything the model reads, so equal prompts seed equal replies. */
  readonly seed: string;
  readonly inputTokens: number;
  /** Text of the last user turn, used to pick the tool a reply calls. */
  readonly lastUserText: string;
  readonly endsWithToolResult: boolean;
}

// Roughly Claude's (width × height) / 750 for a typical ~1 MP image, without decoding it.
const MEDIA_MIN_TOKENS = 85;
const MEDIA_BYTES_PER_TOKEN = 750;

/**
 * Input tokens are `countTokens` of every text the model reads (system, message text, tool-use
 * input JSON, tool results, tool definitions) plus a size-based cost per image or document, so
 * Converse, InvokeModel and CountTokens agree for the same conversation.
 */
export function digestPrompt(modelId: string, prompt: ChatPrompt): PromptDigest {
  const hash = createHash('sha256').update(modelId);
  let inputTokens = 0;
  const read = (text: string): void => {
    hash.update('\u0000').update(text);
    inputTokens += countTokens(text);
  };
  for (const text of prompt.system) read(text);
  for (const turn of prompt.turns) {
    // Role markers shape the seed but are not tokens the caller wrote.
    hash.update(`\u0001${turn.role}`);
    for (const part of turn.parts) {
      switch (part.type) {
        case 'text':
        case 'tool-result':
          read(part.text);
          break;
        case 'media':
          hash.update(`\u0002${part.base64Length}`);
          inputTokens += Math.max(
            MEDIA_MIN_TOKENS,
            Math.ceil((part.base64Length * 3) / 4 / MEDIA_BYTES_PER_TOKEN),
          );
          break;
        case 'tool-use':
          read(part.name);
          read(JSON.stringify(part.input ?? {}));
          break;
      }
    }
  }
  for (const tool of prompt.tools) {
    read(tool.name);
    read(tool.description);
    read(JSON.stringify(tool.inputSchema ?? {}));
  }
  const last = prompt.turns.at(-1);
  const lastUser = prompt.turns.findLast((turn) => turn.role === 'user');
  return {
    seed: hash.digest('hex').slice(0, 32),
    inputTokens,
    lastUserText: (lastUser?.parts ?? []).map((part) => (part.type === 'text' ? part.text : '')).join(' '),
    endsWithToolResult: last?.role === 'user' && last.parts.some((part) => part.type === 'tool-result'),
  };
}

/** A prompt of one user turn holding raw text (Titan, Llama, Mistral text formats). */
export function rawTextPrompt(
  text: string,
  options: {
    readonly maxTokens: number | undefined;
    readonly stopSequences?: readonly string[];
    /** Base64 images sent next to the prompt (Llama 3.2 vision); they follow the text in the turn. */
    readonly images?: readonly string[] | undefined;
  },
): ChatPrompt {
  const parts: ChatPart[] = [{ type: 'text', text }];
  for (const image of options.images ?? []) parts.push({ type: 'media', base64Length: image.length });
  return {
    system: [],
    turns: [{ role: 'user', parts }],
    tools: [],
    toolChoice: { type: 'auto' },
    maxTokens: options.maxTokens,
    stopSequences: options.stopSequences ?? [],
  };
}
