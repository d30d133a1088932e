import { createModelCatalog } from '@quarry/core';
import { execute, parse, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../schema/build-schema.js';
import { compileEventProjection } from './event-projection.js';
import { withArgumentlessSubscriptions } from './subscribe-once.js';

// The gateway's own schema, as subscribe-once executes events against it.
const schema = withArgumentlessSubscriptions(buildSchema(createModelCatalog()));

const EVENTS: Record<string, unknown> = {
  start: { type: 'stream-start', modelId: 'anthropic.claude-3-haiku-20240307-v1:0', requestId: 'req-1' },
  startWithoutId: { type: 'stream-start', modelId: 'm', requestId: undefined },
  text: { type: 'text-delta', index: 0, text: 'Hello' },
  tool: { type: 'tool-use-delta', index: 1, toolUseId: 'tu-1', name: 'lookup', inputJson: '{"q":' },
  end: {
    type: 'stream-end',
    stopReason: 'tool_use',
    rawStopReason: 'tool_use',
    usage: { inputTokens: 12, outputTokens: 7, totalTokens: 19 },
    latencyMs: 812.5,
    toolCalls: [{ toolUseId: 'tu-1', name: 'lookup', input: { q: 'rivers', n: [1, 2] } }],
    cost: { inputUsd: 0.000003, outputUsd: 0.00000875, totalUsd: 0.00001175, priced: true },
    requestId: 'req-1',
    attempts: 1,
  },
  conversationEnd: {
    type: 'stream-end',
    stopReason: 'end_turn',
    rawStopReason: 'end_turn',
    usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 },
    latencyMs: 3,
    toolCalls: [],
    cost: { inputUsd: 0, outputUsd: 0, totalUsd: 0, priced: false },
    messageId: 'msg-9',
    turnsSent: 4,
  },
};

// Events graphql-js answers with an error: the projection must leave each one to execute.
const BAD_EVENTS: Record<string, unknown> = {
  unknownStopReason: { ...(EVENTS['end'] as object), stopReason: 'sleepy' },
  nullText: { type: 'text-delta', index: 0, text: null },
  fractionalIndex: { type: 'text-delta', index: 0.5, text: 'x' },
  unknownType: { type: 'thinking', text: 'hm' },
  functionText: { type: 'text-delta', index: 0, text: () => 'called by the default resolver' },
  promisedText: { type: 'text-delta', index: 0, text: Promise.resolve('later') },
  throwingGetter: {
    type: 'text-delta',
    index: 0,
    get text(): string {
      throw new Error('unreadable');
    },
  },
  toolCallsNotAList: { ...(EVENTS['end'] as object), toolCalls: 'none' },
};

const DOCUMENTS: Record<string, string> = {
  benchmark: `subscription { invokeStream { __typename ... on TextDelta { text } ... on StreamEnd { stopReason } } }`,
  everything: `subscription Everything {
    events: invokeStream {
      kind: __typename
      ... on StreamStart { modelId requestId }
      ... on TextDelta { index text }
      ... on ToolUseDelta { index toolUseId name inputJson }
      ... on StreamEnd {
        stopReason rawStopReason latencyMs messageId turnsSent
        usage { inputTokens outputTokens totalTokens }
        toolCalls { toolUseId name input }
        cost { ...Money }
      }
    }
  }
  fragment Money on Cost { totalUsd priced inputUsd outputUsd }`,
  mergedAndAbstract: `subscription {
    invokeStream {
      ... on StreamEvent { __typename }
      ... on StreamEnd { usage { inputTokens } }
      ... on StreamEnd { usage { outputTokens } t: __typename }
      ... { ... on TextDelta { text text } }
    }
  }`,
  conversation: `subscription { sendMessageStream { __typename ... on StreamEnd { messageId turnsSent stopReason } ... on TextDelta { text } } }`,
};

function executed(document: DocumentNode, event: unknown) {
  return execute({ schema, document, rootValue: event, contextValue: {} });
}

describe('compileEventProjection', () => {
  for (const [documentName, source] of Object.entries(DOCUMENTS)) {
    const document = parse(source);
    const projection = compileEventProjection(schema, document, undefined);

    it(`covers the ${documentName} document`, () => {
      expect(projection).toBeDefined();
    });

    for (const [eventName, event] of Object.entries(EVENTS)) {
      it(`answers ${eventName} for ${documentName} exactly as execute does`, () => {
        const projected = projection?.(event, {});
        expect(projected).toBeDefined();
        expect(JSON.stringify(projected)).toBe(JSON.stringify(executed(document, event)));
      });
    }

    for (const [eventName, event] of Object.entries(BAD_EVENTS)) {
      it(`leaves ${eventName} for ${documentName} to execute when execute would not answer the same`, () => {
        const projected = projection?.(event, {});
        const reference = executed(document, event);
        // Either the projection steps aside, or (where this document never reads the bad field)
        // its answer is execute's, error-free answer.
        if (projected === undefined) return;
        expect(reference).not.toBeInstanceOf(Promise);
        expect(JSON.stringify(projected)).toBe(JSON.stringify(reference));
      });
    }
  }

  it('steps aside for every event it cannot vouch for: errors, function values, promises', async () => {
    const document = parse(DOCUMENTS['everything'] as string);
    const projection = compileEventProjection(schema, document, undefined);
    for (const [name, event] of Object.entries(BAD_EVENTS)) {
      expect(projection?.(event, {}), name).toBeUndefined();
      const reference = await executed(document, event);
      // What execute makes of them: an error, or a called function's or awaited promise's value.
      if (name === 'functionText' || name === 'promisedText')
        expect(reference.data).toMatchObject({ events: { text: expect.any(String) as unknown } });
      else expect(reference.errors?.length ?? 0, name).toBeGreaterThan(0);
    }
  });

  it.each([
    ['a directive', `subscription { invokeStream { __typename @include(if: true) } }`],
    [
      'a fragment spread with a directive',
      `subscription { invokeStream { ...F @skip(if: false) } } fragment F on TextDelta { text }`,
    ],
    ['a query', `query { __typename }`],
  ])('covers no document with %s', (_name, source) => {
    expect(compileEventProjection(schema, parse(source), undefined)).toBeUndefined();
  });

  it('picks the named operation of a document with several', () => {
    const document = parse(
      `subscription A { invokeStream { __typename } } subscription B { x: invokeStream { __typename } }`,
    );
    expect(compileEventProjection(schema, document, 'B')?.(EVENTS['text'], {})).toEqual({
      data: { x: { __typename: 'TextDelta' } },
    });
    expect(compileEventProjection(schema, document, undefined)).toBeUndefined();
  });
});
