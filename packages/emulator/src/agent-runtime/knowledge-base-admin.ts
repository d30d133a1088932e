import { z } from 'zod';

import { conflictError, notFoundError, validationError } from '../control-plane/bedrock-errors.js';
import { jsonResponse } from '../control-plane/json-response.js';
import { pageBody, paginate, pagingQuery } from '../control-plane/pagination.js';
import { parseJsonBody } from '../control-plane/parse-input.js';
import { createResourceIds } from '../control-plane/resource-ids.js';
import { route, type Route } from '../control-plane/route-matcher.js';
import { toTimestamp } from '../control-plane/timestamps.js';
import type { ObjectStore } from '../s3/object-store.js';
import { DEFAULT_CHUNKING, chunkDocument, type Chunking, type IndexedChunk } from './document-chunks.js';
import type { MetadataValue } from './knowledge-base-corpus.js';

const nameSchema = z
  .string()
  .regex(
    /^([0-9a-zA-Z][_-]?){1,100}$/,
    'Member must satisfy regular expression pattern: ([0-9a-zA-Z][_-]?){1,100}',
  );

const CreateKnowledgeBaseSchema = z.object({
  name: nameSchema,
  description: z.string().min(1).max(200).optional(),
  roleArn: z.string().min(1).max(2048),
  clientToken: z.string().min(33).max(256).optional(),
  knowledgeBaseConfiguration: z
    .object({
      type: z.enum(['VECTOR', 'KENDRA', 'SQL']),
      vectorKnowledgeBaseConfiguration: z.record(z.string(), z.unknown()).optional(),
    })
    .loose(),
  storageConfiguration: z.record(z.string(), z.unknown()).optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

const CreateDataSourceSchema = z.object({
  name: nameSchema,
  description: z.string().min(1).max(200).optional(),
  clientToken: z.string().min(33).max(256).optional(),
  dataSourceConfiguration: z
    .object({
      type: z.string().min(1),
      s3Configuration: z
        .object({
          bucketArn: z
            .string()
            .regex(
              /^arn:aws(-[a-z]+)*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
              'Member must be an S3 bucket ARN (arn:aws:s3:::bucket)',
            ),
          inclusionPrefixes: z.array(z.string().min(1).max(300)).max(1).optional(),
          bucketOwnerAccountId: z.string().optional(),
        })
        .optional(),
    })
    .loose(),
  dataDeletionPolicy: z.enum(['RETAIN', 'DELETE']).optional(),
  vectorIngestionConfiguration: z
    .object({
      chunkingConfiguration: z
        .object({
          chunkingStrategy: z.enum(['FIXED_SIZE', 'NONE', 'HIERARCHICAL', 'SEMANTIC']),
          fixedSizeChunkingConfiguration: z
            .object({
              maxTokens: z.number().int().min(1),
              overlapPercentage: z.number().int().min(1).max(99),
            })
            .optional(),
        })
        .loose()
        .optional(),
    })
    .loose()
    .optional(),
});

const StartIngestionSchema = z.object({
  clientToken: z.string().min(33).max(256).optional(),
  description: z.string().min(1).max(200).optional(),
});

const ListSchema = z.object({ maxResults: pagingQuery.maxResults, nextToken: pagingQuery.nextToken });

/** A knowledge base created through bedrock-agent, with the chunks its ingestion jobs indexed. */
interface KnowledgeBase {
  readonly id: string;
  readonly arn: string;
  readonly region: string;
  readonly createdAt: number;
  readonly request: z.output<typeof CreateKnowledgeBaseSchema>;
  readonly dataSources: Map<string, DataSource>;
}

interface DataSource {
  readonly id: string;
  readonly createdAt: number;
  readonly request: z.output<typeof CreateDataSourceSchema>;
  readonly chunking: Chunking;
  readonly jobs: Map<string, IngestionJob>;
  /** Chunks of the last completed ingestion, by source URI. */
  indexed: Map<string, readonly IndexedChunk[]>;
}

interface IngestionJob {
  readonly id: string;
  readonly startedAt: number;
  readonly completesAt: number;
  readonly request: z.output<typeof StartIngestionSchema>;
  readonly statistics: Readonly<Record<string, number>>;
  readonly failureReasons: readonly string[];
  /** The index the data source gets when the job completes (undefined when it failed). */
  readonly result: Map<string, readonly IndexedChunk[]> | undefined;
  applied: boolean;
}

export interface KnowledgeBaseAdminOptions {
  readonly store: ObjectStore;
  readonly now: () => number;
  readonly accountId: string;
  /** How long an ingestion job runs before its chunks are searchable; 0 finishes it at once. */
  readonly ingestionDurationMs: number;
}

/** Knowledge bases created through bedrock-agent: their chunks, for Retrieve to search. */
export interface KnowledgeBaseAdmin {
  readonly routes: readonly Route[];
  /** The searchable chunks of a created knowledge base of `region`; undefined when `id` was not created here. */
  chunksOf(region: string, id: string): readonly IndexedChunk[] | undefined;
}

/**
 * The parts of Bedrock's build-time agent API (`bedrock-agent`) that fill a knowledge base:
 * Create/Get/List/DeleteKnowledgeBase, Create/Get/ListDataSources and Start/Get/ListIngestionJobs.
 * Ingestion reads the S3 data source from the emulator's store (`<key>.metadata.json` files give
 * metadata attributes, as on Bedrock), chunks and embeds every document, and swaps the index in
 * when the job completes on the clock.
 */
export function createKnowledgeBaseAdmin(options: KnowledgeBaseAdminOptions): KnowledgeBaseAdmin {
  const bases = new Map<string, KnowledgeBase>();
  const ids = createResourceIds(`bedrock-agent:${options.accountId}`);
  const newId = (kind: string): string => ids.next(kind).slice(0, 10).toUpperCase();

  const requireBase = (region: string, id: string): KnowledgeBase => {
    const base = bases.get(id);
    if (base?.region !== region) throw notFoundError(`Knowledge base ${id} does not exist.`);
    return base;
  };
  const requireSource = (base: KnowledgeBase, id: string): DataSource => {
    const source = base.dataSources.get(id);
    if (source === undefined)
      throw notFoundError(`Data source ${id} does not exist in knowledge base ${base.id}.`);
    return source;
  };

  const jobStatus = (job: IngestionJob): string => {
    if (options.now() < job.completesAt) return options.now() <= job.startedAt ? 'STARTING' : 'IN_PROGRESS';
    return job.result === undefined ? 'FAILED' : 'COMPLETE';
  };
  /** Applies completed ingestion jobs to their data sources, in start order. */
  const settle = (source: DataSource): void => {
    for (const job of source.jobs.values()) {
      if (!job.applied && job.result !== undefined && options.now() >= job.completesAt) {
        job.applied = true;
        source.indexed = job.result;
      }
    }
  };

  const baseView = (base: KnowledgeBase) => ({
    knowledgeBaseId: base.id,
    knowledgeBaseArn: base.arn,
    name: base.request.name,
    ...(base.request.description !== undefined && { description: base.request.description }),
    roleArn: base.request.roleArn,
    knowledgeBaseConfiguration: base.request.knowledgeBaseConfiguration,
    ...(base.request.storageConfiguration !== undefined && {
      storageConfiguration: base.request.storageConfiguration,
    }),
    status: 'ACTIVE',
    createdAt: toTimestamp(base.createdAt),
    updatedAt: toTimestamp(base.createdAt),
  });
  const sourceView = (base: KnowledgeBase, source: DataSource) => ({
    knowledgeBaseId: base.id,
    dataSourceId: source.id,
    name: source.request.name,
    ...(source.request.description !== undefined && { description: source.request.description }),
    status: 'AVAILABLE',
    dataSourceConfiguration: source.request.dataSourceConfiguration,
    dataDeletionPolicy: source.request.dataDeletionPolicy ?? 'DELETE',
    ...(source.request.vectorIngestionConfiguration !== undefined && {
      vectorIngestionConfiguration: source.request.vectorIngestionConfiguration,
    }),
    createdAt: toTimestamp(source.createdAt),
    updatedAt: toTimestamp(source.createdAt),
  });
  const jobView = (base: KnowledgeBase, source: DataSource, job: IngestionJob) => {
    const status = jobStatus(job);
    return {
      knowledgeBaseId: base.id,
      dataSourceId: source.id,
      ingestionJobId: job.id,
      ...(job.request.description !== undefined && { description: job.request.description }),
      status,
      ...(status === 'COMPLETE' || status === 'FAILED' ? { statistics: job.statistics } : {}),
      ...(status === 'FAILED' && { failureReasons: job.failureReasons }),
      startedAt: toTimestamp(job.startedAt),
      updatedAt: toTimestamp(Math.min(options.now(), job.completesAt)),
    };
  };

  const ingest = (
    source: DataSource,
  ): Omit<IngestionJob, 'id' | 'startedAt' | 'completesAt' | 'request' | 'applied'> => {
    const s3 = source.request.dataSourceConfiguration.s3Configuration;
    const bucket = s3?.bucketArn.slice(s3.bucketArn.lastIndexOf(':') + 1);
    const failed = (reason: string) => ({
      statistics: zeroStatistics(),
      failureReasons: [reason],
      result: undefined,
    });
    if (s3 === undefined || bucket === undefined)
      return failed('Only S3 data sources can be ingested by the emulator.');
    if (!options.store.hasBucket(bucket))
      return failed(`The S3 bucket ${bucket} does not exist or the role cannot read it.`);
    const prefix = s3.inclusionPrefixes?.[0] ?? '';
    const objects = [];
    let after: string | undefined;
    do {
      const page = options.store.list(bucket, { prefix, after, maxKeys: 1000 });
      objects.push(...page.objects);
      after = page.nextAfter;
    } while (after !== undefined);
    const metadataFiles = new Map(
      objects.filter((object) => object.key.endsWith('.metadata.json')).map((object) => [object.key, object]),
    );
    const result = new Map<string, readonly IndexedChunk[]>();
    const statistics = zeroStatistics();
    statistics['numberOfMetadataDocumentsScanned'] = metadataFiles.size;
    for (const object of objects) {
      if (object.key.endsWith('.metadata.json') || object.key.endsWith('/')) continue;
      statistics['numberOfDocumentsScanned']++;
      const uri = `s3://${bucket}/${object.key}`;
      const metadataFile = metadataFiles.get(`${object.key}.metadata.json`);
      const attributes = metadataFile === undefined ? {} : readAttributes(metadataFile.body);
      if (attributes === undefined) {
        statistics['numberOfDocumentsFailed']++;
        continue;
      }
      const chunks = chunkDocument(uri, object.body.toString('utf8'), attributes, source.id, source.chunking);
      result.set(uri, chunks);
      const previous = source.indexed.get(uri);
      if (previous === undefined) statistics['numberOfNewDocumentsIndexed']++;
      else if (
        JSON.stringify(previous.map((chunk) => chunk.document)) !==
        JSON.stringify(chunks.map((chunk) => chunk.document))
      ) {
        statistics['numberOfModifiedDocumentsIndexed']++;
      }
    }
    statistics['numberOfDocumentsDeleted'] = [...source.indexed.keys()].filter(
      (uri) => !result.has(uri),
    ).length;
    return { statistics, failureReasons: [], result };
  };

  const routes = [
    route('PUT', '/knowledgebases', (request) => {
      const body = parseJsonBody(request, CreateKnowledgeBaseSchema);
      if (
        [...bases.values()].some((base) => base.region === request.region && base.request.name === body.name)
      ) {
        throw conflictError(`A knowledge base named ${body.name} already exists.`);
      }
      const id = newId('knowledge-base');
      const base: KnowledgeBase = {
        id,
        arn: `arn:aws:bedrock:${request.region}:${options.accountId}:knowledge-base/${id}`,
        region: request.region,
        createdAt: options.now(),
        request: body,
        dataSources: new Map(),
      };
      bases.set(id, base);
      return jsonResponse(202, { knowledgeBase: baseView(base) });
    }),
    route('POST', '/knowledgebases', (request) => {
      const query = parseJsonBody(request, ListSchema);
      const all = [...bases.values()]
        .filter((base) => base.region === request.region)
        .map((base) => ({
          knowledgeBaseId: base.id,
          name: base.request.name,
          status: 'ACTIVE',
          updatedAt: toTimestamp(base.createdAt),
        }));
      return jsonResponse(
        200,
        pageBody('knowledgeBaseSummaries', paginate(all, query, 'ListKnowledgeBases')),
      );
    }),
    route('GET', '/knowledgebases/:knowledgeBaseId', (request, labels) =>
      jsonResponse(200, {
        knowledgeBase: baseView(requireBase(request.region, labels.get('knowledgeBaseId'))),
      }),
    ),
    route('DELETE', '/knowledgebases/:knowledgeBaseId', (request, labels) => {
      const base = requireBase(request.region, labels.get('knowledgeBaseId'));
      bases.delete(base.id);
      return jsonResponse(202, { knowledgeBaseId: base.id, status: 'DELETING' });
    }),
    route('PUT', '/knowledgebases/:knowledgeBaseId/datasources', (request, labels) => {
      const base = requireBase(request.region, labels.get('knowledgeBaseId'));
      const body = parseJsonBody(request, CreateDataSourceSchema);
      if (
        body.dataSourceConfiguration.type === 'S3' &&
        body.dataSourceConfiguration.s3Configuration === undefined
      ) {
        throw validationError(
          `Value at 'dataSourceConfiguration.s3Configuration' failed to satisfy constraint: Member must not be null`,
        );
      }
      const chunkingConfiguration = body.vectorIngestionConfiguration?.chunkingConfiguration;
      const fixed = chunkingConfiguration?.fixedSizeChunkingConfiguration;
      const chunking: Chunking =
        chunkingConfiguration?.chunkingStrategy === 'NONE'
          ? { strategy: 'NONE' }
          : fixed === undefined
            ? DEFAULT_CHUNKING
            : {
                strategy: 'FIXED_SIZE',
                maxTokens: fixed.maxTokens,
                overlapPercentage: fixed.overlapPercentage,
              };
      const source: DataSource = {
        id: newId('data-source'),
        createdAt: options.now(),
        request: body,
        chunking,
        jobs: new Map(),
        indexed: new Map(),
      };
      base.dataSources.set(source.id, source);
      return jsonResponse(200, { dataSource: sourceView(base, source) });
    }),
    route('POST', '/knowledgebases/:knowledgeBaseId/datasources', (request, labels) => {
      const base = requireBase(request.region, labels.get('knowledgeBaseId'));
      const query = parseJsonBody(request, ListSchema);
      const all = [...base.dataSources.values()].map((source) => ({
        knowledgeBaseId: base.id,
        dataSourceId: source.id,
        name: source.request.name,
        status: 'AVAILABLE',
        updatedAt: toTimestamp(source.createdAt),
      }));
      return jsonResponse(
        200,
        pageBody('dataSourceSummaries', paginate(all, query, `ListDataSources:${base.id}`)),
      );
    }),
    route('GET', '/knowledgebases/:knowledgeBaseId/datasources/:dataSourceId', (request, labels) => {
      const base = requireBase(request.region, labels.get('knowledgeBaseId'));
      return jsonResponse(200, {
        dataSource: sourceView(base, requireSource(base, labels.get('dataSourceId'))),
      });
    }),
    route(
      'PUT',
      '/knowledgebases/:knowledgeBaseId/datasources/:dataSourceId/ingestionjobs',
      (request, labels) => {
        const base = requireBase(request.region, labels.get('knowledgeBaseId'));
        const source = requireSource(base, labels.get('dataSourceId'));
        const body = parseJsonBody(request, StartIngestionSchema);
        settle(source);
        if ([...source.jobs.values()].some((job) => ['STARTING', 'IN_PROGRESS'].includes(jobStatus(job)))) {
          throw conflictError(`An ingestion job is already running for data source ${source.id}.`);
        }
        const startedAt = options.now();
        const job: IngestionJob = {
          id: newId('ingestion-job'),
          startedAt,
          completesAt: startedAt + options.ingestionDurationMs,
          request: body,
          ...ingest(source),
          applied: false,
        };
        source.jobs.set(job.id, job);
        settle(source);
        return jsonResponse(202, { ingestionJob: jobView(base, source, job) });
      },
    ),
    route(
      'POST',
      '/knowledgebases/:knowledgeBaseId/datasources/:dataSourceId/ingestionjobs',
      (request, labels) => {
        const base = requireBase(request.region, labels.get('knowledgeBaseId'));
        const source = requireSource(base, labels.get('dataSourceId'));
        const query = parseJsonBody(request, ListSchema.loose());
        settle(source);
        const all = [...source.jobs.values()].map((job) => jobView(base, source, job));
        return jsonResponse(
          200,
          pageBody('ingestionJobSummaries', paginate(all, query, `ListIngestionJobs:${source.id}`)),
        );
      },
    ),
    route(
      'GET',
      '/knowledgebases/:knowledgeBaseId/datasources/:dataSourceId/ingestionjobs/:ingestionJobId',
      (request, labels) => {
        const base = requireBase(request.region, labels.get('knowledgeBaseId'));
        const source = requireSource(base, labels.get('dataSourceId'));
        const job = source.jobs.get(labels.get('ingestionJobId'));
        if (job === undefined)
          throw notFoundError(`Ingestion job ${labels.get('ingestionJobId')} does not exist.`);
        settle(source);
        return jsonResponse(200, { ingestionJob: jobView(base, source, job) });
      },
    ),
  ];

  return {
    routes,
    chunksOf(region, id) {
      const base = bases.get(id);
      if (base?.region !== region) return undefined;
      const chunks: IndexedChunk[] = [];
      for (const source of base.dataSources.values()) {
        settle(source);
        for (const documentChunks of source.indexed.values()) chunks.push(...documentChunks);
      }
      return chunks;
    },
  };
}

function zeroStatistics(): Record<string, number> & {
  numberOfDocumentsScanned: number;
  numberOfDocumentsFailed: number;
  numberOfNewDocumentsIndexed: number;
  numberOfModifiedDocumentsIndexed: number;
} {
  return {
    numberOfDocumentsScanned: 0,
    numberOfMetadataDocumentsScanned: 0,
    numberOfNewDocumentsIndexed: 0,
    numberOfModifiedDocumentsIndexed: 0,
    numberOfMetadataDocumentsModified: 0,
    numberOfDocumentsDeleted: 0,
    numberOfDocumentsFailed: 0,
  };
}

const AttributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
const MetadataFileSchema = z.object({ metadataAttributes: z.record(z.string(), AttributeValueSchema) });

/** `{"metadataAttributes": {...}}` of a `.metadata.json` file; undefined when it is malformed. */
function readAttributes(body: Buffer): Record<string, MetadataValue> | undefined {
  try {
    const parsed = MetadataFileSchema.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? parsed.data.metadataAttributes : undefined;
  } catch {
    return undefined;
  }
}
