import { keywords } from '../../synthetic/keywords.js';
import { syntheticId } from '../../synthetic/synthetic-id.js';
import { countTokens, naturalLength, synthesizeTokens } from '../../synthetic/synthetic-text.js';
import { synthesizeToolInput } from '../../synthetic/synthetic-tool-input.js';
import { digestPrompt, type ChatPrompt, type ToolSpec } from './chat-prompt.js';

/** Neutral stop reasons; each family renders its own spelling. */
export type ReplyStopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use';

export interface ReplyToolCall {
  /** 22 base62 characters; families add their prefix (`tooluse_`, `toolu_bdrk_01`, …). */
  readonly id: string;
  readonly name: string;
  readonly input: unknown;
}

/** A synthetic model's answer, before any wire format. */
export interface Reply {
  readonly seed: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Output text split into tokens; `tokens.join('') === text`. */
  readonly tokens: readonly string[];
  readonly text: string;
  readonly toolCalls: readonly ReplyToolCall[];
  readonly stopReason: ReplyStopReason;
  /** The stop sequence that ended the text, when stopReason is `stop_sequence`. */
  readonly stopSequence: string | undefined;
}

/**
 * Whether a reply's content opens with a text block: every format drops it from a reply that only
 * calls tools, and keeps it, empty or not, otherwise.
 */
export function hasTextBlock(reply: Reply): boolean {
  return reply.toolCalls.length === 0 || reply.text !== '';
}

export interface ReplyOptions {
  /** Cap when the request sets none: the model's maxOutputTokens. */
  readonly defaultMaxTokens: number;
  /** `x-quarry-output-tokens`: output length before the caps, instead of the natural length. */
  readonly forcedOutputTokens: number | undefined;
}

/**
 * The deterministic answer to a prompt: a function of the model and what it reads.
 * - With tools offered (and tool choice not `none`), it calls one unless the conversation ends with
 *   a tool result; `any` or a named tool forces the call.
 * - Otherwise it writes `naturalLength(seed)` tokens (or the forced count), cut at `maxTokens`
 *   (`max_tokens`) or before the earliest stop sequence (`stop_sequence`).
 */
export function generateReply(modelId: string, prompt: ChatPrompt, options: ReplyOptions): Reply {
  const digest = digestPrompt(modelId, prompt);
  const cap = prompt.maxTokens ?? options.defaultMaxTokens;
  const choice = prompt.toolChoice;
  const callsTool =
    prompt.tools.length > 0 &&
    choice.type !== 'none' &&
    (choice.type === 'any' || choice.type === 'tool' || !digest.endsWithToolResult);
  if (callsTool) {
    const tool = chooseTool(
      prompt.tools,
      choice.type === 'tool' ? choice.name : undefined,
      digest.lastUserText,
    );
    const input = synthesizeToolInput(tool.inputSchema, digest.seed);
    return {
      seed: digest.seed,
      inputTokens: digest.inputTokens,
      outputTokens: Math.min(cap, countTokens(tool.name) + countTokens(JSON.stringify(input))),
      tokens: [],
      text: '',
      toolCalls: [{ id: syntheticId(`${digest.seed}:tool`, 22), name: tool.name, input }],
      stopReason: 'tool_use',
      stopSequence: undefined,
    };
  }

  const wanted = options.forcedOutputTokens ?? naturalLength(digest.seed);
  // One token past the cap keeps the kept tokens identical to the uncapped text's first ones.
  let tokens = synthesizeTokens(digest.seed, Math.min(wanted, cap + 1)).slice(0, cap);
  let outputTokens = tokens.length;
  let stopReason: ReplyStopReason = wanted > cap ? 'max_tokens' : 'end_turn';
  let stopSequence: string | undefined;

  const text = tokens.join('');
  let cut = -1;
  for (const sequence of prompt.stopSequences) {
    if (sequence === '') continue;
    const at = text.indexOf(sequence);
    if (at !== -1 && (cut === -1 || at < cut)) {
      cut = at;
      stopSequence = sequence;
    }
  }
  if (cut !== -1) {
    const kept: string[] = [];
    let offset = 0;
    for (const token of tokens) {
      if (offset >= cut) break;
      kept.push(offset + token.length <= cut ? token : token.slice(0, cut - offset));
      offset += token.length;
    }
    // The stop sequence itself was generated, so it is billed like Bedrock bills it.
    outputTokens = Math.min(outputTokens, kept.length + 1);
    tokens = kept;
    stopReason = 'stop_sequence';
  }
  return {
    seed: digest.seed,
    inputTokens: digest.inputTokens,
    outputTokens,
    tokens,
    text: cut === -1 ? text : tokens.join(''),
    toolCalls: [],
    stopReason,
    stopSequence,
  };
}

/**
 * The named tool, else the one whose name and description share the most words with the request.
 * Request parsers refuse names that are not among the tools; a Converse system tool, which this
 * emulator does not run, is the one name that falls through to the closest user tool.
 */
function chooseTool(tools: readonly ToolSpec[], name: string | undefined, request: string): ToolSpec {
  const first = tools[0] as ToolSpec;
  const named = name === undefined ? undefined : tools.find((tool) => tool.name === name);
  if (named !== undefined) return named;
  const wanted = new Set(keywords(request));
  let best = first;
  let bestScore = -1;
  for (const tool of tools) {
    const score = keywords(`${tool.name} ${tool.description}`).filter((word) => wanted.has(word)).length;
    if (score > bestScore) {
      best = tool;
      bestScore = score;
    }
  }
  return best;
}
