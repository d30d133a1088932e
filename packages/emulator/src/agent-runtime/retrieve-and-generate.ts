import type { ModelCatalog } from '@quarry/core/catalog';
import { z } from 'zod';

import { validationError } from '../control-plane/bedrock-errors.js';
import { jsonResponse } from '../control-plane/json-response.js';
import { parseJsonBody } from '../control-plane/parse-input.js';
import { route, type Route } from '../control-plane/route-matcher.js';
import { eventMessage } from '../http/event-stream-encoder.js';
import type { EventStreamMessage } from '../http/emulator-request.js';
import { synthesizeText } from '../synthetic/synthetic-text.js';
import { resourceIdSchema, sessionIdSchema } from './agent-ids.js';
import { syntheticUuid } from './synthetic-uuid.js';
import { asyncIterableOf } from './async-iterable-of.js';
import { composeAnswer, type GeneratedAnswer } from './generated-answer.js';
import { hashId, rankDocuments, type KnowledgeBaseDocument } from './knowledge-base-corpus.js';
import {
  DEFAULT_NUMBER_OF_RESULTS,
  RetrievalConfigurationSchema,
  type KnowledgeBases,
} from './knowledge-bases.js';

const opaque = z.record(z.string(), z.unknown()).optional();
const modelArnSchema = z.string().min(1).max(2048);

const SourceSchema = z.object({
  sourceType: z.enum(['S3', 'BYTE_CONTENT']),
  s3Location: z.object({ uri: z.string().min(1).max(1024) }).optional(),
  byteContent: z
    .object({
      identifier: z.string().min(1).max(1024),
      contentType: z.string().min(1),
      data: z.string().min(1),
    })
    .optional(),
});

const BodySchema = z.object({
  input: z.object({ text: z.string().min(1).max(20_000) }),
  sessionId: sessionIdSchema.optional(),
  // Optional in the SDK model, but Bedrock refuses a call without it.
  retrieveAndGenerateConfiguration: z.object({
    type: z.enum(['KNOWLEDGE_BASE', 'EXTERNAL_SOURCES']),
    knowledgeBaseConfiguration: z
      .object({
        knowledgeBaseId: resourceIdSchema,
        modelArn: modelArnSchema,
        retrievalConfiguration: RetrievalConfigurationSchema.optional(),
        generationConfiguration: opaque,
        orchestrationConfiguration: opaque,
      })
      .optional(),
    externalSourcesConfiguration: z
      .object({
        modelArn: modelArnSchema,
        sources: z.array(SourceSchema).min(1).max(1),
        generationConfiguration: opaque,
      })
      .optional(),
  }),
  sessionConfiguration: opaque,
  userContext: opaque,
});

type Body = z.output<typeof BodySchema>;
type Source = z.output<typeof SourceSchema>;

interface Generation {
  readonly sessionId: string;
  readonly answer: GeneratedAnswer;
  readonly guardrail: boolean;
}

/** RetrieveAndGenerate and its stream (bedrock-protocol.md §7.3): an answer grounded on retrieved chunks. */
export function retrieveAndGenerateRoutes(catalog: ModelCatalog, knowledgeBases: KnowledgeBases): Route[] {
  const requireTextModel = (modelArn: string, field: string): void => {
    const resolved = catalog.tryResolve(modelArn);
    if (resolved === undefined) {
      throw validationError(
        `1 validation error detected: Value at '${field}' failed to satisfy constraint: The provided model identifier is invalid.`,
      );
    }
    if (!resolved.model.outputModalities.includes('TEXT')) {
      throw validationError(
        `The model ${resolved.model.modelId} does not generate text; choose a text model for ${field}.`,
      );
    }
  };

  const generate = (body: Body, region: string): Generation => {
    const configuration = body.retrieveAndGenerateConfiguration;
    const sessionId = body.sessionId ?? syntheticUuid(`session:${JSON.stringify(body)}`);
    if (configuration.type === 'KNOWLEDGE_BASE') {
      const knowledgeBase = configuration.knowledgeBaseConfiguration;
      if (knowledgeBase === undefined) {
        throw validationError(
          `Value at 'retrieveAndGenerateConfiguration.knowledgeBaseConfiguration' failed to satisfy constraint: Member must not be null`,
        );
      }
      requireTextModel(
        knowledgeBase.modelArn,
        'retrieveAndGenerateConfiguration.knowledgeBaseConfiguration.modelArn',
      );
      const retrieved = knowledgeBases.retrieve(
        region,
        knowledgeBase.knowledgeBaseId,
        body.input.text,
        knowledgeBase.retrievalConfiguration,
      );
      return {
        sessionId,
        answer: composeAnswer(
          `rag:${knowledgeBase.knowledgeBaseId}:${body.input.text}`,
          retrieved.map(({ document }) => document),
        ),
        guardrail: knowledgeBase.generationConfiguration?.['guardrailConfiguration'] !== undefined,
      };
    }
    const external = configuration.externalSourcesConfiguration;
    if (external === undefined) {
      throw validationError(
        `Value at 'retrieveAndGenerateConfiguration.externalSourcesConfiguration' failed to satisfy constraint: Member must not be null`,
      );
    }
    requireTextModel(
      external.modelArn,
      'retrieveAndGenerateConfiguration.externalSourcesConfiguration.modelArn',
    );
    const documents = external.sources.flatMap(sourceDocuments);
    const ranked = rankDocuments(documents, body.input.text).slice(0, DEFAULT_NUMBER_OF_RESULTS);
    return {
      sessionId,
      answer: composeAnswer(
        `rag:external:${body.input.text}`,
        ranked.map(({ document }) => document),
      ),
      guardrail: external.generationConfiguration?.['guardrailConfiguration'] !== undefined,
    };
  };

  return [
    route('POST', '/retrieveAndGenerate', (request) => {
      const { sessionId, answer, guardrail } = generate(parseJsonBody(request, BodySchema), request.region);
      return jsonResponse(200, {
        sessionId,
        output: { text: answer.text },
        citations: answer.citations,
        ...(guardrail && { guardrailAction: 'NONE' }),
      });
    }),
    route(
      'POST',
      '/retrieveAndGenerateStream',
      (request) => {
        const { sessionId, answer, guardrail } = generate(parseJsonBody(request, BodySchema), request.region);
        const messages: EventStreamMessage[] = [];
        for (const [index, part] of answer.parts.entries()) {
          messages.push(eventMessage('output', { text: index === 0 ? part : ` ${part}` }));
          const citation = answer.citations[index];
          if (citation !== undefined) {
            // `citation` is the deprecated member older SDKs read; newer ones read the other two.
            messages.push(
              eventMessage('citation', {
                citation,
                generatedResponsePart: citation.generatedResponsePart,
                retrievedReferences: citation.retrievedReferences,
              }),
            );
          }
        }
        if (guardrail) messages.push(eventMessage('guardrail', { action: 'NONE' }));
        return {
          kind: 'event-stream',
          headers: { 'x-amzn-bedrock-knowledge-base-session-id': sessionId },
          messages: asyncIterableOf(messages),
        };
      },
      { eventStream: true },
    ),
  ];
}

/** Chunks of an external source: the decoded text of a text document, else synthetic text standing in for it. */
function sourceDocuments(source: Source): KnowledgeBaseDocument[] {
  const bytes = source.byteContent;
  const name = bytes?.identifier ?? source.s3Location?.uri;
  if (name === undefined) {
    const member = source.sourceType === 'S3' ? 's3Location' : 'byteContent';
    throw validationError(
      `Value at 'retrieveAndGenerateConfiguration.externalSourcesConfiguration.sources.0.${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  const readable = bytes !== undefined && /^text\/|json/.test(bytes.contentType);
  const text = readable
    ? Buffer.from(bytes.data, 'base64').toString('utf8')
    : synthesizeText(`external:${name}`, 180);
  const words = text.split(/\s+/).filter((word) => word !== '');
  const chunks: string[] = [];
  for (let start = 0; start < words.length; start += 60)
    chunks.push(words.slice(start, start + 60).join(' '));
  return chunks.map((chunk, index) => ({
    documentId: hashId(`${name}:${index}`, 32),
    text: chunk,
    location:
      bytes === undefined
        ? { type: 'S3', s3Location: { uri: name } }
        : { type: 'CUSTOM', customDocumentLocation: { id: bytes.identifier } },
    metadata: { 'x-amz-bedrock-kb-source-uri': name },
  }));
}
