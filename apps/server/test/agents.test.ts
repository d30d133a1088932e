import {
  BedrockAgentClient,
  CreateDataSourceCommand,
  CreateKnowledgeBaseCommand,
  StartIngestionJobCommand,
} from '@aws-sdk/client-bedrock-agent';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startGateway, subscribeAll, type GatewayHarness } from './support/gateway-harness.js';

const DOCUMENTS = {
  'tides.txt': { text: 'Ocean tides rise and fall twice a day under the pull of the moon.', topic: 'ocean' },
  'glaciers.txt': {
    text: 'Glaciers are rivers of ice that carve valleys as they slowly flow downhill.',
    topic: 'ice',
  },
  'compilers.txt': {
    text: 'Compilers translate source code into machine instructions through parsing.',
    topic: 'software',
  },
};

describe('knowledge bases and agents through the gateway', { timeout: 60_000 }, () => {
  let gateway: GatewayHarness;
  let knowledgeBaseId: string;
  beforeAll(async () => {
    gateway = await startGateway();
    const config = {
      endpoint: gateway.emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    };
    const s3 = new S3Client({ ...config, forcePathStyle: true });
    const agent = new BedrockAgentClient(config);
    await s3.send(new CreateBucketCommand({ Bucket: 'library' }));
    for (const [key, { text, topic }] of Object.entries(DOCUMENTS)) {
      await s3.send(new PutObjectCommand({ Bucket: 'library', Key: key, Body: text }));
      await s3.send(
        new PutObjectCommand({
          Bucket: 'library',
          Key: `${key}.metadata.json`,
          Body: JSON.stringify({ metadataAttributes: { topic } }),
        }),
      );
    }
    const kb = await agent.send(
      new CreateKnowledgeBaseCommand({
        name: 'library',
        roleArn: 'arn:aws:iam::123456789012:role/kb',
        knowledgeBaseConfiguration: { type: 'VECTOR' },
      }),
    );
    knowledgeBaseId = kb.knowledgeBase?.knowledgeBaseId ?? '';
    const source = await agent.send(
      new CreateDataSourceCommand({
        knowledgeBaseId,
        name: 'library',
        dataSourceConfiguration: { type: 'S3', s3Configuration: { bucketArn: 'arn:aws:s3:::library' } },
      }),
    );
    await agent.send(
      new StartIngestionJobCommand({ knowledgeBaseId, dataSourceId: source.dataSource?.dataSourceId }),
    );
    s3.destroy();
    agent.destroy();
  }, 30_000);
  afterAll(() => gateway.close());

  it('retrieves the document that matches the query first, and applies metadata filters', async () => {
    const query = `query ($input: RetrieveInput!) { retrieve(input: $input) { text score uri metadata } }`;
    const found = await gateway.gql<{
      retrieve: { uri: string; score: number; metadata: Record<string, unknown> }[];
    }>(query, {
      input: { knowledgeBaseId, query: 'how do glaciers carve valleys' },
    });
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data?.retrieve.map((result) => result.uri)[0]).toBe('s3://library/glaciers.txt');
    expect(found.body.data?.retrieve[0]?.metadata['topic']).toBe('ice');
    const filtered = await gateway.gql<{ retrieve: { uri: string }[] }>(query, {
      input: {
        knowledgeBaseId,
        query: 'how do glaciers carve valleys',
        filter: { equals: { key: 'topic', value: 'ocean' } },
      },
    });
    expect(filtered.body.data?.retrieve.map((result) => result.uri)).toEqual(['s3://library/tides.txt']);
    const bad = await gateway.gql(query, { input: { knowledgeBaseId, query: 'x', filter: [1] } });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
  });

  it('answers with retrieveAndGenerate citing the matching document, and continues the session', async () => {
    const mutation = `mutation ($input: RetrieveAndGenerateInput!) {
      retrieveAndGenerate(input: $input) { text sessionId citations { text start end references { uri } } }
    }`;
    const input = {
      knowledgeBaseId,
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      query: 'What do compilers translate source code into?',
    };
    const first = await gateway.gql<{
      retrieveAndGenerate: {
        text: string;
        sessionId: string;
        citations: { references: { uri: string }[] }[];
      };
    }>(mutation, { input });
    expect(first.body.errors).toBeUndefined();
    const answer = first.body.data?.retrieveAndGenerate;
    expect(answer?.text.length).toBeGreaterThan(0);
    expect(answer?.citations[0]?.references[0]?.uri).toBe('s3://library/compilers.txt');
    const next = await gateway.gql<{ retrieveAndGenerate: { sessionId: string } }>(mutation, {
      input: { ...input, sessionId: answer?.sessionId },
    });
    expect(next.body.data?.retrieveAndGenerate.sessionId).toBe(answer?.sessionId);
  });

  it('runs agent turns as a mutation and as a typed subscription, keeping the session', async () => {
    const invoked = await gateway.gql<{
      invokeAgent: {
        sessionId: string;
        text: string;
        traces: unknown[];
        citations: { references: { uri: string }[] }[];
      };
    }>(
      `mutation ($input: InvokeAgentInput!) { invokeAgent(input: $input) { sessionId text traces citations { references { uri } } } }`,
      {
        input: {
          agentId: 'AGENT12345',
          sessionId: 'session-7',
          inputText: 'glaciers carve valleys',
          enableTrace: true,
          knowledgeBaseIds: [knowledgeBaseId],
        },
      },
    );
    expect(invoked.body.errors).toBeUndefined();
    expect(invoked.body.data?.invokeAgent.sessionId).toBe('session-7');
    expect(invoked.body.data?.invokeAgent.traces.length).toBeGreaterThan(0);
    expect(invoked.body.data?.invokeAgent.citations[0]?.references[0]?.uri).toBe('s3://library/glaciers.txt');

    const { results, errors } = await subscribeAll<{
      invokeAgentStream: { __typename: string; text?: string; sessionId?: string };
    }>(
      gateway.ws(),
      `subscription ($input: InvokeAgentInput!) {
        invokeAgentStream(input: $input) {
          __typename
          ... on AgentChunk { text }
          ... on AgentTrace { trace }
          ... on AgentEnd { sessionId text }
        }
      }`,
      {
        input: {
          agentId: 'AGENT12345',
          sessionId: 'session-7',
          inputText: 'And one more thing',
          enableTrace: true,
        },
      },
    );
    expect(errors).toBeUndefined();
    const types = results.map((result) => result.invokeAgentStream.__typename);
    expect(types).toContain('AgentTrace');
    expect(types).toContain('AgentChunk');
    expect(types.at(-1)).toBe('AgentEnd');
    const end = results.at(-1)?.invokeAgentStream;
    expect(end?.sessionId).toBe('session-7');
    const chunks = results.flatMap((result) =>
      result.invokeAgentStream.__typename === 'AgentChunk' ? [result.invokeAgentStream.text] : [],
    );
    expect(chunks.join('')).toBe(end?.text);
  });
});
