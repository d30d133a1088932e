import { createHash } from 'node:crypto';

import { z } from 'zod';

import { validationError } from '../control-plane/bedrock-errors.js';
import { jsonResponse } from '../control-plane/json-response.js';
import { pageBody, paginate } from '../control-plane/pagination.js';
import { parseJsonBody, parseWith } from '../control-plane/parse-input.js';
import { route, type Route } from '../control-plane/route-matcher.js';
import { resourceIdSchema } from './agent-ids.js';
import type { KnowledgeBases } from './knowledge-bases.js';
import { RetrievalConfigurationSchema } from './knowledge-bases.js';

/** Results per Retrieve response; `numberOfResults` bounds the whole set, which pages by `nextToken`. */
const RETRIEVE_PAGE_SIZE = 10;

const GuardrailConfigurationSchema = z.object({
  guardrailId: z.string().min(1).max(64),
  guardrailVersion: z.string().min(1).max(16),
});

const RetrieveBodySchema = z.object({
  retrievalQuery: z.object({
    text: z.string().min(1).max(20_000).optional(),
    type: z.enum(['TEXT', 'IMAGE']).optional(),
    image: z
      .object({ format: z.enum(['png', 'jpeg', 'gif', 'webp']), inlineContent: z.string().min(1) })
      .optional(),
  }),
  retrievalConfiguration: RetrievalConfigurationSchema.optional(),
  guardrailConfiguration: GuardrailConfigurationSchema.optional(),
  nextToken: z.string().min(1).max(2048).optional(),
  userContext: z.record(z.string(), z.unknown()).optional(),
});

/** Retrieve (bedrock-protocol.md §7.2): scored chunks of a synthetic knowledge base, best first. */
export function retrieveRoute(knowledgeBases: KnowledgeBases): Route {
  return route('POST', '/knowledgebases/:knowledgeBaseId/retrieve', (request, labels) => {
    const knowledgeBaseId = parseWith(resourceIdSchema, labels.get('knowledgeBaseId'));
    const body = parseJsonBody(request, RetrieveBodySchema);
    const { text, image } = body.retrievalQuery;
    // An image query has no words to match, so its content only seeds the ordering.
    const query =
      text ??
      (image === undefined
        ? undefined
        : `image:${createHash('sha256').update(image.inlineContent).digest('hex')}`);
    if (query === undefined) {
      throw validationError(
        `1 validation error detected: Value at 'retrievalQuery.text' failed to satisfy constraint: Member must not be null`,
      );
    }
    const results = knowledgeBases
      .retrieve(request.region, knowledgeBaseId, query, body.retrievalConfiguration)
      .map(({ document, score }) => ({
        content: { type: 'TEXT', text: document.text },
        location: document.location,
        score,
        metadata: document.metadata,
        documentId: document.documentId,
      }));
    // A token only continues the same query: it is bound to the knowledge base, query and configuration.
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([query, body.retrievalConfiguration ?? null]))
      .digest('base64url');
    const page = paginate(
      results,
      { maxResults: RETRIEVE_PAGE_SIZE, nextToken: body.nextToken },
      `Retrieve:${knowledgeBaseId}:${fingerprint}`,
    );
    return jsonResponse(200, {
      ...pageBody('retrievalResults', page),
      ...(body.guardrailConfiguration !== undefined && { guardrailAction: 'NONE' }),
    });
  });
}
