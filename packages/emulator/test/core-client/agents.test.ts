import {
  CreateDataSourceCommand,
  CreateKnowledgeBaseCommand,
  StartIngestionJobCommand,
} from '@aws-sdk/client-bedrock-agent';
import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { QuarryError } from '@quarry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CREDENTIALS } from '../support/clients.js';
import { collect, fault, startHarness, type Harness } from './quarry-harness.js';

const MODEL = 'anthropic.claude-3-haiku-20240307-v1:0';

describe('QuarryClient knowledge bases and agents', { timeout: 30_000 }, () => {
  let harness: Harness;
  let knowledgeBaseId: string;
  beforeAll(async () => {
    harness = await startHarness();
    const config = { endpoint: harness.emulator.url, region: 'us-east-1', credentials: CREDENTIALS };
    const s3 = new S3Client({ ...config, forcePathStyle: true });
    const agent = new BedrockAgentClient(config);
    await s3.send(new CreateBucketCommand({ Bucket: 'docs' }));
    const documents = {
      'tides.txt': 'Ocean tides rise and fall twice a day under the pull of the moon.',
      'glaciers.txt': 'Glaciers are rivers of ice that carve valleys as they slowly flow downhill.',
      'compilers.txt':
        'Compilers translate source code into machine instructions through parsing and optimisation.',
    };
    for (const [key, text] of Object.entries(documents)) {
      await s3.send(new PutObjectCommand({ Bucket: 'docs', Key: key, Body: text }));
    }
    const kb = await agent.send(
      new CreateKnowledgeBaseCommand({
        name: 'notes',
        roleArn: 'arn:aws:iam::123456789012:role/kb',
        knowledgeBaseConfiguration: { type: 'VECTOR' },
      }),
    );
    knowledgeBaseId = kb.knowledgeBase?.knowledgeBaseId ?? '';
    const source = await agent.send(
      new CreateDataSourceCommand({
        knowledgeBaseId,
        name: 'docs',
        dataSourceConfiguration: { type: 'S3', s3Configuration: { bucketArn: 'arn:aws:s3:::docs' } },
      }),
    );
    await agent.send(
      new StartIngestionJobCommand({ knowledgeBaseId, dataSourceId: source.dataSource?.dataSourceId }),
    );
    s3.destroy();
    agent.destroy();
  }, 30_000);
  afterAll(() => harness.close());

  it('retrieves the matching document first, with its URI and score', async () => {
    const { results, requestId } = await harness.quarry.retrieve(
      knowledgeBaseId,
      'how do glaciers carve valleys',
      {
        numberOfResults: 2,
      },
    );
    expect(results).toHaveLength(2);
    expect(results[0]?.uri).toBe('s3://docs/glaciers.txt');
    expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? 1);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('retries a throttled retrieve and turns a bad request into BAD_USER_INPUT', async () => {
    const { results } = await harness.quarry.retrieve(knowledgeBaseId, 'moon tides', {
      ...fault('throttle;count=1'),
    });
    expect(results[0]?.uri).toBe('s3://docs/tides.txt');
    const error = await harness.quarry.retrieve('bad id!', 'x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QuarryError);
    expect((error as QuarryError).code).toBe('BAD_USER_INPUT');
  });

  it('generates an answer that cites the matching document, and streams the same answer', async () => {
    const request = {
      knowledgeBaseId,
      modelId: MODEL,
      query: 'What do compilers translate source code into?',
    };
    const answer = await harness.quarry.retrieveAndGenerate(request);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.citations[0]?.references[0]?.uri).toBe('s3://docs/compilers.txt');
    const events = await collect(
      harness.quarry.retrieveAndGenerateStream({ ...request, sessionId: answer.sessionId }),
    );
    const end = events.at(-1);
    expect(end).toEqual({ type: 'answer-end', sessionId: answer.sessionId, text: answer.text });
    const streamed = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
    expect(streamed).toBe(answer.text);
    expect(events.some((event) => event.type === 'citation')).toBe(true);
  });

  it('streams an agent turn with traces and keeps the session id across turns', async () => {
    const events = await collect(
      harness.quarry.invokeAgentStream({
        agentId: 'AGENT12345',
        inputText: 'Hello agent',
        enableTrace: true,
        sessionId: 'session-1',
      }),
    );
    expect(events.some((event) => event.type === 'trace')).toBe(true);
    const chunks = events.flatMap((event) => (event.type === 'chunk' ? [event.text] : []));
    expect(chunks.length).toBeGreaterThan(0);
    expect(events.at(-1)).toEqual({ type: 'agent-end', sessionId: 'session-1', text: chunks.join('') });
    const second = await harness.quarry.invokeAgent({
      agentId: 'AGENT12345',
      inputText: 'And again',
      sessionId: 'session-1',
    });
    expect(second.sessionId).toBe('session-1');
    expect(second.text.length).toBeGreaterThan(0);
    const grounded = await harness.quarry.invokeAgent({
      agentId: 'AGENT12345',
      inputText: 'glaciers carve valleys',
      knowledgeBaseIds: [knowledgeBaseId],
    });
    expect(grounded.citations[0]?.references[0]?.uri).toBe('s3://docs/glaciers.txt');
  });

  it('cancels an agent stream when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    await expect(
      collect(
        harness.quarry.invokeAgentStream(
          { agentId: 'AGENT12345', inputText: 'Hi' },
          { signal: controller.signal },
        ),
      ),
    ).rejects.toThrow('caller gave up');
  });
});
