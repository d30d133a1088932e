import {
  ConflictException,
  CreateDataSourceCommand,
  CreateKnowledgeBaseCommand,
  GetIngestionJobCommand,
  GetKnowledgeBaseCommand,
  ListKnowledgeBasesCommand,
  ResourceNotFoundException,
  StartIngestionJobCommand,
} from '@aws-sdk/client-bedrock-agent';
import {
  RetrieveAndGenerateCommand,
  RetrieveCommand,
  type RetrievalFilter,
} from '@aws-sdk/client-bedrock-agent-runtime';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  ACCOUNT_ID,
  startControlHarness,
  type ControlHarness,
} from './support-control/start-control-harness.js';

const DOCUMENTS = {
  'rivers.txt': {
    text: 'Rivers carry sediment from mountains to the sea. A river delta forms where the current slows and drops silt, sand and gravel into fertile wetlands.',
    attributes: { topic: 'geography', year: 2021, tags: ['water', 'earth'] },
  },
  'volcanoes.txt': {
    text: 'Volcanoes erupt when magma rises through the crust. Lava flows, ash clouds and pyroclastic surges follow an eruption, and calderas form when the magma chamber empties.',
    attributes: { topic: 'geology', year: 2023, tags: ['fire', 'earth'] },
  },
  'databases.txt': {
    text: 'Relational databases store rows in tables and answer SQL queries. Indexes speed up lookups, and transactions keep writes consistent under concurrency.',
    attributes: { topic: 'computing', year: 2024, tags: ['software'] },
  },
} as const;

const MODEL_ARN = 'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';

describe('knowledge bases filled through bedrock-agent from the S3 store', { timeout: 30_000 }, () => {
  let harness: ControlHarness;
  let s3: S3Client;
  let knowledgeBaseId: string;
  let dataSourceId: string;

  beforeEach(async () => {
    harness = await startControlHarness();
    s3 = harness.s3();
    await s3.send(new CreateBucketCommand({ Bucket: 'kb-docs' }));
    for (const [name, { text, attributes }] of Object.entries(DOCUMENTS)) {
      await s3.send(new PutObjectCommand({ Bucket: 'kb-docs', Key: `library/${name}`, Body: text }));
      await s3.send(
        new PutObjectCommand({
          Bucket: 'kb-docs',
          Key: `library/${name}.metadata.json`,
          Body: JSON.stringify({ metadataAttributes: attributes }),
        }),
      );
    }
    const agent = harness.agent();
    const created = await agent.send(
      new CreateKnowledgeBaseCommand({
        name: 'library',
        roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/KnowledgeBase`,
        knowledgeBaseConfiguration: {
          type: 'VECTOR',
          vectorKnowledgeBaseConfiguration: {
            embeddingModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0',
          },
        },
      }),
    );
    knowledgeBaseId = created.knowledgeBase?.knowledgeBaseId ?? '';
    const source = await agent.send(
      new CreateDataSourceCommand({
        knowledgeBaseId,
        name: 'library-bucket',
        dataSourceConfiguration: {
          type: 'S3',
          s3Configuration: { bucketArn: 'arn:aws:s3:::kb-docs', inclusionPrefixes: ['library/'] },
        },
      }),
    );
    dataSourceId = source.dataSource?.dataSourceId ?? '';
  });
  afterEach(() => harness.close());

  const ingest = async () => {
    const agent = harness.agent();
    const started = await agent.send(new StartIngestionJobCommand({ knowledgeBaseId, dataSourceId }));
    const job = await agent.send(
      new GetIngestionJobCommand({
        knowledgeBaseId,
        dataSourceId,
        ingestionJobId: started.ingestionJob?.ingestionJobId,
      }),
    );
    return job.ingestionJob;
  };
  const retrieve = async (text: string, filter?: RetrievalFilter) => {
    const output = await harness.agentRuntime().send(
      new RetrieveCommand({
        knowledgeBaseId,
        retrievalQuery: { text },
        ...(filter !== undefined && { retrievalConfiguration: { vectorSearchConfiguration: { filter } } }),
      }),
    );
    return output.retrievalResults ?? [];
  };

  it('creates and lists knowledge bases, and retrieves nothing before ingestion', async () => {
    const agent = harness.agent();
    const got = await agent.send(new GetKnowledgeBaseCommand({ knowledgeBaseId }));
    expect(got.knowledgeBase).toMatchObject({ name: 'library', status: 'ACTIVE' });
    expect(got.knowledgeBase?.knowledgeBaseArn).toBe(
      `arn:aws:bedrock:us-east-1:${ACCOUNT_ID}:knowledge-base/${knowledgeBaseId}`,
    );
    expect(got.knowledgeBase?.createdAt).toBeInstanceOf(Date);
    const listed = await agent.send(new ListKnowledgeBasesCommand({}));
    expect(listed.knowledgeBaseSummaries?.map((summary) => summary.knowledgeBaseId)).toEqual([
      knowledgeBaseId,
    ]);
    await expect(
      agent.send(
        new CreateKnowledgeBaseCommand({
          name: 'library',
          roleArn: `arn:aws:iam::${ACCOUNT_ID}:role/KnowledgeBase`,
          knowledgeBaseConfiguration: { type: 'VECTOR' },
        }),
      ),
    ).rejects.toBeInstanceOf(ConflictException);
    await expect(
      agent.send(new GetKnowledgeBaseCommand({ knowledgeBaseId: 'NOSUCHKB01' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(await retrieve('volcano lava')).toEqual([]);
  });

  it('ingests the S3 documents and ranks the one sharing the query words first', async () => {
    const job = await ingest();
    expect(job).toMatchObject({
      status: 'COMPLETE',
      statistics: {
        numberOfDocumentsScanned: 3,
        numberOfMetadataDocumentsScanned: 3,
        numberOfNewDocumentsIndexed: 3,
        numberOfDocumentsFailed: 0,
      },
    });
    const expected: Record<string, string> = {
      'How does magma make a volcano erupt lava?': 'volcanoes.txt',
      'Where does a river drop its sediment?': 'rivers.txt',
      'Which indexes speed up SQL queries on tables?': 'databases.txt',
    };
    for (const [query, file] of Object.entries(expected)) {
      const results = await retrieve(query);
      expect(results).toHaveLength(3);
      expect(results[0]?.location?.s3Location?.uri).toBe(`s3://kb-docs/library/${file}`);
      expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? 1);
    }
    const [top] = await retrieve('magma eruption');
    expect(top?.content?.text).toBe(DOCUMENTS['volcanoes.txt'].text);
    expect(top?.metadata).toMatchObject({
      topic: 'geology',
      year: 2023,
      tags: ['fire', 'earth'],
      'x-amz-bedrock-kb-source-uri': 's3://kb-docs/library/volcanoes.txt',
      'x-amz-bedrock-kb-data-source-id': dataSourceId,
    });
  });

  it('applies metadata filters to the documents own metadata', async () => {
    await ingest();
    const uris = async (filter: RetrievalFilter) =>
      (await retrieve('magma eruption', filter)).map((result) => result.location?.s3Location?.uri).sort();
    expect(await uris({ equals: { key: 'topic', value: 'geography' } })).toEqual([
      's3://kb-docs/library/rivers.txt',
    ]);
    expect(await uris({ greaterThanOrEquals: { key: 'year', value: 2023 } })).toEqual([
      's3://kb-docs/library/databases.txt',
      's3://kb-docs/library/volcanoes.txt',
    ]);
    expect(await uris({ listContains: { key: 'tags', value: 'earth' } })).toEqual([
      's3://kb-docs/library/rivers.txt',
      's3://kb-docs/library/volcanoes.txt',
    ]);
  });

  it('grounds RetrieveAndGenerate on the right document and cites it first', async () => {
    await ingest();
    const output = await harness.agentRuntime().send(
      new RetrieveAndGenerateCommand({
        input: { text: 'How does magma make a volcano erupt lava?' },
        retrieveAndGenerateConfiguration: {
          type: 'KNOWLEDGE_BASE',
          knowledgeBaseConfiguration: { knowledgeBaseId, modelArn: MODEL_ARN },
        },
      }),
    );
    expect(output.output?.text).toBeTruthy();
    expect(output.citations?.[0]?.retrievedReferences?.[0]?.location?.s3Location?.uri).toBe(
      's3://kb-docs/library/volcanoes.txt',
    );
  });

  it('re-ingests: deleted documents leave the index and changed ones are re-indexed', async () => {
    await ingest();
    await s3.send(new DeleteObjectCommand({ Bucket: 'kb-docs', Key: 'library/databases.txt' }));
    await s3.send(
      new PutObjectCommand({
        Bucket: 'kb-docs',
        Key: 'library/rivers.txt',
        Body: 'Rivers meander across floodplains.',
      }),
    );
    const again = await ingest();
    expect(again?.statistics).toMatchObject({
      numberOfDocumentsScanned: 2,
      numberOfNewDocumentsIndexed: 0,
      numberOfModifiedDocumentsIndexed: 1,
      numberOfDocumentsDeleted: 1,
    });
    const results = await retrieve('SQL tables');
    expect(results.map((result) => result.location?.s3Location?.uri).sort()).toEqual([
      's3://kb-docs/library/rivers.txt',
      's3://kb-docs/library/volcanoes.txt',
    ]);
  });
});
