import { publicError } from '../../errors/format-error.js';
import { float32ToBase64LE } from '../../mapping/float32-base64.js';
import { float32ToNumbers } from '../../mapping/float32-numbers.js';
import type {
  AgentEventResolvers,
  BatchJobResolvers,
  EmbeddingResolvers,
  StreamEventResolvers,
} from '../__generated__/resolvers-types.js';

/** `values` and `base64` are computed only when selected: base64 is the cheap path for big batches. */
export const embeddingResolvers: EmbeddingResolvers = {
  index: (view) => view.index,
  values: (view) => (view.vector === undefined ? [] : float32ToNumbers(view.vector)),
  base64: (view) => (view.vector === undefined ? '' : float32ToBase64LE(view.vector)),
  dimensions: (view) => view.vector?.length ?? 0,
  // Item errors skip formatError, so they get the same masking here.
  error: (view, _args, context) =>
    view.error === undefined ? null : publicError(view.error, context.format),
};

const TYPENAMES = {
  'stream-start': 'StreamStart',
  'text-delta': 'TextDelta',
  'tool-use-delta': 'ToolUseDelta',
  'stream-end': 'StreamEnd',
} as const;

export const streamEventResolvers: StreamEventResolvers = {
  __resolveType: (event) => TYPENAMES[event.type],
};

export const agentEventResolvers: AgentEventResolvers = {
  __resolveType: (event) =>
    (event as { __typename: 'AgentChunk' | 'AgentTrace' | 'ReturnControl' | 'AgentEnd' }).__typename,
};

/** Results are read from S3 and decoded only when selected, one page at a time. */
export const batchJobResolvers: BatchJobResolvers = {
  results: async (job, { first, after }, context) =>
    (
      await context.batch.results(job, { first: first ?? 100, after: after ?? undefined }, context.signal)
    ).map((record) =>
      record.ok
        ? {
            recordId: record.recordId,
            text: record.result.text,
            stopReason: record.result.stopReason,
            usage: {
              ...record.result.usage,
              totalTokens: record.result.usage.inputTokens + record.result.usage.outputTokens,
            },
            cost: record.cost,
            error: null,
          }
        : {
            recordId: record.recordId,
            text: null,
            stopReason: null,
            usage: null,
            cost: null,
            error: record.error,
          },
    ),
};
