import { ValidationError } from '../../errors/quarry-error.js';
import type { ChatMessage, ToolDefinition } from '../../codec-kit/chat-types.js';
import { checkSupportedParts } from '../../codec-kit/check-supported-parts.js';
import { checkToolNames } from '../../codec-kit/check-tool-names.js';
import type { ChatCodec } from '../../codec-kit/codec.js';
import { createNativeStreamDecoder } from '../../codec-kit/native-stream-decoder.js';
import { parseNativeBody } from '../../codec-kit/parse-native-body.js';
import {
  checkToolResultPairing,
  toolUsesById,
  type ToolResultPart,
  type ToolUsePart,
} from '../../codec-kit/tool-result-pairing.js';
import { partsOf, validateChatRequest, type ChatRules } from '../../codec-kit/validate-chat-request.js';
import { CohereCommandRResponseSchema } from './cohere-command-r-schemas.js';
import { createCohereCommandRChunkReader } from './cohere-command-r-stream-reader.js';
import { countsOfMeta } from './cohere-meta-usage.js';
import { isRecord, toParameterDefinitions } from './cohere-parameter-definitions.js';
import { cohereToolUseId } from './cohere-tool-use-id.js';
import { mapCohereCommandRStopReason } from './map-cohere-command-r-stop-reason.js';
import { usageOf } from '../../codec-kit/usage.js';

const FAMILY_NAME = 'Cohere Command R';

/** Bedrock's Command R parameter table: temperature 0–1, p 0.01–0.99; Cohere takes at most 5 stop sequences. */
const RULES: ChatRules = { maxTemperature: 1, maxStopSequences: 5 };
const MIN_P = 0.01;
const MAX_P = 0.99;

/**
 * Cohere Command R and R+ (`cohere.command-r-v1:0`, `cohere.command-r-plus-v1:0`; bedrock-protocol.md
 * §5.8), Cohere's v1 chat body:
 *
 * - `message` is the last user turn's text (empty when that turn only returns tool results),
 *   `chat_history` the earlier turns as `USER`/`CHATBOT` entries, `preamble` the system prompt.
 * - Tools go out as `parameter_definitions`; the last turn's tool results as `tool_results`, each
 *   naming the call it answers (Cohere calls have no ids). Earlier tool turns stay in `chat_history`
 *   as `CHATBOT` entries with `tool_calls` and `TOOL` entries [UNVERIFIED on Bedrock, Cohere v1 API].
 * - Tool calls get ids `<generation_id>_<index>`.
 * - The documented body has no token counts: usage comes from `meta` when present, else zeros
 *   (the client then reads Bedrock's token-count headers).
 */
export const cohereCommandRCodec: ChatCodec = {
  family: 'cohere-command-r',
  validate(model, request) {
    validateChatRequest(model, request, RULES);
    if (request.topP !== undefined && (request.topP < MIN_P || request.topP > MAX_P)) {
      throw new ValidationError(
        'topP',
        `topP must be between ${MIN_P} and ${MAX_P} for ${model.modelId} (Cohere's p), got ${request.topP}.`,
      );
    }
    if (request.toolChoice !== undefined && request.toolChoice.type !== 'auto') {
      throw new ValidationError(
        'toolChoice',
        `${FAMILY_NAME} has no tool_choice: the model decides whether to call tools. Remove toolChoice or set it to auto.`,
      );
    }
    checkToolNames(request, 'Cohere');
    (request.tools ?? []).forEach((tool, index) => {
      const type = tool.inputSchema['type'];
      if (type !== undefined && type !== 'object') {
        throw new ValidationError(
          `tools[${index}].inputSchema`,
          `${FAMILY_NAME} tools take named parameters: inputSchema must be a JSON Schema of type object, got ${JSON.stringify(type)}.`,
        );
      }
    });
    checkSupportedParts(request, ['text', 'tool-use', 'tool-result'], FAMILY_NAME);
    checkToolResultPairing(request, FAMILY_NAME, { answerEveryCall: false });
  },
  encodeRequest(request) {
    const { messages } = request;
    const lastIndex = messages.length - 1;
    const last = messages[lastIndex];
    const history = messages
      .slice(0, lastIndex)
      .flatMap((message, index) => toHistory(message, messages[index - 1]));
    const toolResults = last === undefined ? [] : toolResultsOf(last, messages[lastIndex - 1]);
    const tools = request.tools ?? [];
    return {
      message: last === undefined ? '' : textOf(last),
      ...(history.length > 0 && { chat_history: history }),
      ...(request.system !== undefined && request.system !== '' && { preamble: request.system }),
      ...(request.maxTokens !== undefined && { max_tokens: request.maxTokens }),
      ...(request.temperature !== undefined && { temperature: request.temperature }),
      ...(request.topP !== undefined && { p: request.topP }),
      ...(request.stopSequences !== undefined &&
        request.stopSequences.length > 0 && { stop_sequences: [...request.stopSequences] }),
      ...(tools.length > 0 && { tools: tools.map(toTool) }),
      ...(toolResults.length > 0 && { tool_results: toolResults }),
    };
  },
  decodeResponse(body) {
    const response = parseNativeBody(CohereCommandRResponseSchema, body, FAMILY_NAME);
    const toolCalls = (response.tool_calls ?? []).map((call, index) => ({
      toolUseId: cohereToolUseId(response.generation_id, index),
      name: call.name,
      input: call.parameters,
    }));
    const { inputTokens, outputTokens } = countsOfMeta(response.meta) ?? { inputTokens: 0, outputTokens: 0 };
    return {
      text: response.text,
      toolCalls,
      stopReason: mapCohereCommandRStopReason(response.finish_reason, toolCalls.length > 0),
      rawStopReason: response.finish_reason,
      usage: usageOf(inputTokens, outputTokens),
    };
  },
  createStreamDecoder(context) {
    const reader = createCohereCommandRChunkReader();
    return createNativeStreamDecoder(context, {
      familyName: FAMILY_NAME,
      reader,
      mapStopReason: (raw) => mapCohereCommandRStopReason(raw, reader.calledTools()),
    });
  },
};

function textOf(message: ChatMessage): string {
  return partsOf(message)
    .map((part) => (part.type === 'text' ? part.text : ''))
    .join('');
}

/** One conversation turn as `chat_history` entries; `previous` is the turn before it. */
function toHistory(message: ChatMessage, previous: ChatMessage | undefined): Record<string, unknown>[] {
  const text = textOf(message);
  if (message.role === 'assistant') {
    const calls = partsOf(message).flatMap((part) => (part.type === 'tool-use' ? [toCall(part)] : []));
    return [{ role: 'CHATBOT', message: text, ...(calls.length > 0 && { tool_calls: calls }) }];
  }
  const toolResults = toolResultsOf(message, previous);
  return [
    ...(toolResults.length > 0 ? [{ role: 'TOOL', tool_results: toolResults }] : []),
    ...(text !== '' || toolResults.length === 0 ? [{ role: 'USER', message: text }] : []),
  ];
}

/** The tool-result parts of a user turn, each with the call (from `previous`) it answers. */
function toolResultsOf(message: ChatMessage, previous: ChatMessage | undefined): Record<string, unknown>[] {
  const calls = toolUsesById(previous);
  return partsOf(message).flatMap((part) => {
    if (part.type !== 'tool-result') return [];
    const call = calls.get(part.toolUseId);
    // Validation guarantees the call exists; an unmatched result has nothing to name.
    return call === undefined ? [] : [toToolResult(part, call)];
  });
}

function toCall(part: ToolUsePart): Record<string, unknown> {
  return { name: part.name, parameters: isRecord(part.input) ? part.input : {} };
}

function toToolResult(part: ToolResultPart, call: ToolUsePart): Record<string, unknown> {
  return { call: toCall(call), outputs: [{ text: part.content }] };
}

function toTool(tool: ToolDefinition): Record<string, unknown> {
  return {
    name: tool.name,
    description: tool.description ?? '',
    parameter_definitions: toParameterDefinitions(tool.inputSchema),
  };
}
