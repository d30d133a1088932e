import {
  InvokeAgentCommand,
  paginateRetrieve,
  RetrieveAndGenerateCommand,
  RetrieveAndGenerateStreamCommand,
  RetrieveCommand,
  ValidationException,
  type InvokeAgentCommandInput,
  type KnowledgeBaseRetrievalResult,
  type RetrieveAndGenerateCommandInput,
  type TracePart,
} from '@aws-sdk/client-bedrock-agent-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startControlHarness, type ControlHarness } from './support-control/start-control-harness.js';

const HAIKU_ARN = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';

interface AgentAnswer {
  readonly text: string;
  readonly chunks: number;
  readonly traces: TracePart[];
  readonly citations: number;
  readonly sessionId: string | undefined;
  readonly memoryId: string | undefined;
  readonly contentType: string | undefined;
}

async function invokeAgent(harness: ControlHarness, input: InvokeAgentCommandInput): Promise<AgentAnswer> {
  const response = await harness.agentRuntime().send(new InvokeAgentCommand(input));
  let text = '';
  let chunks = 0;
  let citations = 0;
  const traces: TracePart[] = [];
  for await (const event of response.completion ?? []) {
    if (event.chunk !== undefined) {
      chunks++;
      text += new TextDecoder().decode(event.chunk.bytes);
      citations += event.chunk.attribution?.citations?.length ?? 0;
    }
    if (event.trace !== undefined) traces.push(event.trace);
  }
  return {
    text,
    chunks,
    traces,
    citations,
    sessionId: response.sessionId,
    memoryId: response.memoryId,
    contentType: response.contentType,
  };
}

function ragInput(text: string, numberOfResults = 5): RetrieveAndGenerateCommandInput {
  return {
    input: { text },
    retrieveAndGenerateConfiguration: {
      type: 'KNOWLEDGE_BASE',
      knowledgeBaseConfiguration: {
        knowledgeBaseId: 'KB12345678',
        modelArn: HAIKU_ARN,
        retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults } },
      },
    },
  };
}

describe('agent runtime', () => {
  let harness: ControlHarness;
  beforeAll(async () => {
    harness = await startControlHarness();
  });
  afterAll(() => harness.close());

  describe('InvokeAgent', () => {
    const base = {
      agentId: 'AGENT12345',
      agentAliasId: 'TSTALIASID',
      sessionId: 'session-1',
      inputText: 'Where is the lighthouse?',
    };

    it('streams a deterministic answer with the session headers', async () => {
      const first = await invokeAgent(harness, { ...base, memoryId: 'memory-1' });
      const second = await invokeAgent(harness, { ...base, sessionId: 'session-2' });
      expect(first.text.length).toBeGreaterThan(20);
      expect(first.chunks).toBe(1);
      expect(second.text).toBe(first.text);
      expect(first).toMatchObject({
        sessionId: 'session-1',
        memoryId: 'memory-1',
        contentType: 'application/json',
      });
      expect(second.memoryId).toBeUndefined();
      const other = await invokeAgent(harness, { ...base, inputText: 'Something else entirely' });
      expect(other.text).not.toBe(first.text);
    });

    it('sends traces first when enableTrace is set, and splits the answer when streaming', async () => {
      const plain = await invokeAgent(harness, base);
      const traced = await invokeAgent(harness, {
        ...base,
        enableTrace: true,
        streamingConfigurations: { streamFinalResponse: true },
      });
      expect(traced.text).toBe(plain.text);
      expect(traced.chunks).toBeGreaterThan(1);
      expect(traced.traces.length).toBeGreaterThanOrEqual(3);
      expect(traced.traces[0]).toMatchObject({
        agentId: 'AGENT12345',
        agentVersion: 'DRAFT',
        sessionId: 'session-1',
      });
      expect(traced.traces[0]?.eventTime).toEqual(new Date(harness.clock.now()));
      expect(
        traced.traces.some((trace) => trace.trace?.orchestrationTrace?.rationale?.text !== undefined),
      ).toBe(true);
    });

    it('grounds the answer on a knowledge base and attributes it', async () => {
      const answer = await invokeAgent(harness, {
        ...base,
        sessionState: {
          knowledgeBaseConfigurations: [
            {
              knowledgeBaseId: 'KB12345678',
              retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 3 } },
            },
          ],
        },
      });
      expect(answer.citations).toBe(3);
    });

    it.each([
      ['agentId', { agentId: 'not-a-valid-agent' }],
      ['sessionId', { sessionId: 'x' }],
      ['inputText', { inputText: undefined }],
    ] as const)('answers ValidationException naming %s', async (field, override) => {
      const error = await invokeAgent(harness, { ...base, ...override }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValidationException);
      expect((error as Error).message).toContain(field);
    });
  });

  describe('Retrieve', () => {
    it('returns numberOfResults chunks, best first, deterministically', async () => {
      const client = harness.agentRuntime();
      const input = {
        knowledgeBaseId: 'KB12345678',
        retrievalQuery: { text: 'model latency in the region' },
        retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 4 } },
      };
      const first = await client.send(new RetrieveCommand(input));
      const again = await client.send(new RetrieveCommand(input));
      expect(again.retrievalResults).toEqual(first.retrievalResults);
      const results = first.retrievalResults ?? [];
      expect(results).toHaveLength(4);
      expect(first.nextToken).toBeUndefined();
      const scores = results.map((result) => result.score ?? 0);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(results[0]).toMatchObject({
        content: { type: 'TEXT' },
        location: {
          type: 'S3',
          s3Location: { uri: expect.stringMatching(/^s3:\/\/quarry-kb-kb12345678\//) as string },
        },
      });
      expect(results[0]?.metadata?.['x-amz-bedrock-kb-source-uri']).toBe(
        results[0]?.location?.s3Location?.uri,
      );
    });

    it('pages a large result set with the SDK paginator', async () => {
      const collected: KnowledgeBaseRetrievalResult[] = [];
      let pages = 0;
      for await (const page of paginateRetrieve(
        { client: harness.agentRuntime() },
        {
          knowledgeBaseId: 'KB12345678',
          retrievalQuery: { text: 'bridge' },
          retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 25 } },
        },
      )) {
        pages++;
        collected.push(...(page.retrievalResults ?? []));
      }
      expect(pages).toBe(3);
      expect(collected).toHaveLength(25);
      expect(new Set(collected.map((result) => result.documentId)).size).toBe(25);
    });

    it('applies metadata filters', async () => {
      const { retrievalResults = [] } = await harness.agentRuntime().send(
        new RetrieveCommand({
          knowledgeBaseId: 'KB12345678',
          retrievalQuery: { text: 'guide' },
          retrievalConfiguration: {
            vectorSearchConfiguration: {
              numberOfResults: 40,
              filter: {
                andAll: [
                  { equals: { key: 'category', value: 'faq' } },
                  { greaterThanOrEquals: { key: 'year', value: 2022 } },
                ],
              },
            },
          },
        }),
      );
      expect(retrievalResults.length).toBeGreaterThan(0);
      for (const result of retrievalResults) {
        expect(result.metadata?.['category']).toBe('faq');
        expect(result.metadata?.['year']).toBeGreaterThanOrEqual(2022);
      }
    });

    it('rejects an invalid token, a malformed ID and too many results', async () => {
      const client = harness.agentRuntime();
      const query = { retrievalQuery: { text: 'q' } };
      await expect(
        client.send(new RetrieveCommand({ ...query, knowledgeBaseId: 'KB12345678', nextToken: 'nope' })),
      ).rejects.toBeInstanceOf(ValidationException);
      await expect(
        client.send(new RetrieveCommand({ ...query, knowledgeBaseId: 'kb_with_underscores' })),
      ).rejects.toBeInstanceOf(ValidationException);
      await expect(
        client.send(
          new RetrieveCommand({
            ...query,
            knowledgeBaseId: 'KB12345678',
            retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 101 } },
          }),
        ),
      ).rejects.toBeInstanceOf(ValidationException);
    });
  });

  describe('RetrieveAndGenerate', () => {
    it('answers with citations whose spans cover the output', async () => {
      const client = harness.agentRuntime();
      const response = await client.send(
        new RetrieveAndGenerateCommand(ragInput('What does the gateway stream?')),
      );
      const text = response.output?.text ?? '';
      expect(response.sessionId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.citations?.length).toBeGreaterThan(0);
      for (const citation of response.citations ?? []) {
        const part = citation.generatedResponsePart?.textResponsePart;
        expect(text.slice(part?.span?.start, (part?.span?.end ?? 0) + 1)).toBe(part?.text);
        expect(citation.retrievedReferences?.[0]?.location?.s3Location?.uri).toMatch(/^s3:\/\//);
      }
      const again = await client.send(
        new RetrieveAndGenerateCommand({
          ...ragInput('What does the gateway stream?'),
          sessionId: response.sessionId,
        }),
      );
      expect(again.output?.text).toBe(text);
      expect(again.sessionId).toBe(response.sessionId);
    });

    it('grounds on external byte content', async () => {
      const document =
        'The harbor lighthouse keeps ships safe. The river bridge connects the market to the station.';
      const response = await harness.agentRuntime().send(
        new RetrieveAndGenerateCommand({
          input: { text: 'What connects the market?' },
          retrieveAndGenerateConfiguration: {
            type: 'EXTERNAL_SOURCES',
            externalSourcesConfiguration: {
              modelArn: HAIKU_ARN,
              sources: [
                {
                  sourceType: 'BYTE_CONTENT',
                  byteContent: {
                    identifier: 'notes.txt',
                    contentType: 'text/plain',
                    data: new TextEncoder().encode(document),
                  },
                },
              ],
            },
          },
        }),
      );
      expect(response.citations?.[0]?.retrievedReferences?.[0]?.content?.text).toBe(document);
    });

    it('rejects an unknown or non-text model', async () => {
      const client = harness.agentRuntime();
      const input = ragInput('q');
      for (const modelArn of [
        'arn:aws:bedrock:us-east-1::foundation-model/acme.x-v1',
        'amazon.titan-embed-text-v2:0',
      ]) {
        const configuration = input.retrieveAndGenerateConfiguration;
        const error = await client
          .send(
            new RetrieveAndGenerateCommand({
              ...input,
              retrieveAndGenerateConfiguration: {
                type: 'KNOWLEDGE_BASE',
                knowledgeBaseConfiguration: { knowledgeBaseId: 'KB12345678', modelArn },
              },
            }),
          )
          .catch((caught: unknown) => caught);
        expect(configuration).toBeDefined();
        expect(error).toBeInstanceOf(ValidationException);
        expect((error as Error).message).toContain('modelArn');
      }
    });

    it('streams the same answer as output and citation events', async () => {
      const client = harness.agentRuntime();
      const plain = await client.send(new RetrieveAndGenerateCommand(ragInput('streaming question')));
      const streamed = await client.send(
        new RetrieveAndGenerateStreamCommand(ragInput('streaming question')),
      );
      expect(streamed.sessionId).toBe(plain.sessionId);
      let text = '';
      let citations = 0;
      for await (const event of streamed.stream ?? []) {
        if (event.output !== undefined) text += event.output.text ?? '';
        if (event.citation !== undefined) citations++;
      }
      expect(text).toBe(plain.output?.text);
      expect(citations).toBe(plain.citations?.length);
    });
  });
});
