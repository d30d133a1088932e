import type { CatalogModel, ProfilePrefix } from '@quarry/core/catalog';
import { z } from 'zod';

import { applicationProfileArn, foundationModelArn, inferenceProfileArn, parseBedrockArn } from './arns.js';
import { conflictError, notFoundError, validationError } from './bedrock-errors.js';
import type { ControlPlaneContext } from './control-plane-context.js';
import { createIdempotencyCache } from './idempotency.js';
import { jsonResponse } from './json-response.js';
import { findFoundationModel, findSystemProfile } from './model-identifiers.js';
import { pageBody, paginate, pagingQuery } from './pagination.js';
import { parseJsonBody, parseQuery } from './parse-input.js';
import { destinationRegions, isServedIn, profilePrefixesIn } from './regions.js';
import { route, type Route } from './route-matcher.js';
import { toTimestamp } from './timestamps.js';

/** System and application inference profiles. */
export interface InferenceProfiles {
  readonly routes: readonly Route[];
  /** The base model behind an application inference profile ARN (or ID) of `region`, for the runtime. */
  lookupApplicationProfile(arn: string, region: string): { modelId: string } | undefined;
  clear(): void;
}

interface ApplicationProfile {
  readonly id: string;
  readonly arn: string;
  readonly region: string;
  readonly name: string;
  readonly description: string | undefined;
  readonly modelId: string;
  readonly modelArns: readonly string[];
  readonly createdAt: number;
}

const PREFIX_LABELS = {
  us: 'US',
  eu: 'EU',
  apac: 'APAC',
  jp: 'JP',
  au: 'AU',
  'us-gov': 'US-GOV',
  global: 'GLOBAL',
} as const satisfies Record<ProfilePrefix, string>;

// System profiles predate any emulator instance; a fixed date keeps responses deterministic.
const SYSTEM_PROFILE_TIME = Date.parse('2024-08-27T00:00:00Z');

const ListQuerySchema = z.object({
  ...pagingQuery,
  // The SDK's `typeEquals` travels as `type`. Without it Bedrock lists system-defined profiles only.
  type: z.enum(['SYSTEM_DEFINED', 'APPLICATION']).optional(),
});

const CreateBodySchema = z.object({
  inferenceProfileName: z
    .string()
    .min(1)
    .max(64)
    .regex(
      /^([0-9a-zA-Z:.][ _-]?)+$/,
      'Member must satisfy regular expression pattern: ([0-9a-zA-Z:.][ _-]?)+',
    ),
  description: z.string().min(1).max(200).optional(),
  clientRequestToken: z.string().min(1).max(256).optional(),
  modelSource: z.object({ copyFrom: z.string().min(1).max(2048) }),
  tags: z.array(z.object({ key: z.string().min(1).max(128), value: z.string().max(256) })).optional(),
});

function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** System profiles are derived from the catalog on each call; application profiles live in the instance. */
export function createInferenceProfiles(context: ControlPlaneContext): InferenceProfiles {
  const applications = new Map<string, ApplicationProfile>();
  const idempotency = createIdempotencyCache<string>();

  const systemProfile = (
    model: CatalogModel,
    prefix: ProfilePrefix,
    region: string,
  ): Record<string, unknown> => {
    const profileId = `${prefix}.${model.modelId}`;
    const destinations = destinationRegions(prefix, model, region);
    const name = `${PREFIX_LABELS[prefix]} ${model.provider} ${model.modelName}`;
    return {
      inferenceProfileName: name,
      description: `Routes requests to ${model.provider} ${model.modelName} in ${listJoin(destinations)}.`,
      createdAt: toTimestamp(SYSTEM_PROFILE_TIME),
      updatedAt: toTimestamp(SYSTEM_PROFILE_TIME),
      inferenceProfileArn: inferenceProfileArn(region, context.accountId, profileId),
      models: destinations.map((destination) => ({
        modelArn: foundationModelArn(destination, model.modelId),
      })),
      inferenceProfileId: profileId,
      status: 'ACTIVE',
      type: 'SYSTEM_DEFINED',
    };
  };

  const applicationView = (profile: ApplicationProfile): Record<string, unknown> => ({
    inferenceProfileName: profile.name,
    ...(profile.description !== undefined && { description: profile.description }),
    createdAt: toTimestamp(profile.createdAt),
    updatedAt: toTimestamp(profile.createdAt),
    inferenceProfileArn: profile.arn,
    models: profile.modelArns.map((modelArn) => ({ modelArn })),
    inferenceProfileId: profile.id,
    status: 'ACTIVE',
    type: 'APPLICATION',
  });

  /** System profiles callable from `region`, in catalog order. */
  const systemProfilesIn = (region: string): Record<string, unknown>[] => {
    const prefixes = profilePrefixesIn(region);
    return context.catalog.models.flatMap((model) =>
      prefixes
        .filter((prefix) => model.profiles.includes(prefix))
        .map((prefix) => systemProfile(model, prefix, region)),
    );
  };

  const findApplication = (identifier: string, region?: string): ApplicationProfile | undefined => {
    const arn = parseBedrockArn(identifier);
    const id = arn?.resourceType === 'application-inference-profile' ? arn.resourcePath : identifier;
    const profile = applications.get(id);
    return profile !== undefined && (region === undefined || profile.region === region) ? profile : undefined;
  };

  const findSystemIn = (identifier: string, region: string): Record<string, unknown> | undefined => {
    const system = findSystemProfile(context.catalog, identifier);
    if (system === undefined || !profilePrefixesIn(region).includes(system.prefix)) return undefined;
    return systemProfile(system.model, system.prefix, region);
  };

  /** The model ARNs an application profile copies: one foundation model, or a system profile's destinations. */
  const resolveCopyFrom = (copyFrom: string, region: string): { modelId: string; modelArns: string[] } => {
    const arn = parseBedrockArn(copyFrom);
    if (arn?.resourceType === 'foundation-model') {
      const model = findFoundationModel(context.catalog, copyFrom);
      if (model === undefined || !isServedIn(model, arn.region)) {
        throw validationError(
          `The model ${copyFrom} in modelSource.copyFrom does not exist in ${arn.region}.`,
        );
      }
      return { modelId: model.modelId, modelArns: [foundationModelArn(arn.region, model.modelId)] };
    }
    if (arn?.resourceType === 'inference-profile') {
      const system = findSystemProfile(context.catalog, copyFrom);
      if (system === undefined)
        throw validationError(`The inference profile ${copyFrom} in modelSource.copyFrom does not exist.`);
      const destinations = destinationRegions(system.prefix, system.model, region);
      return {
        modelId: system.model.modelId,
        modelArns: destinations.map((destination) => foundationModelArn(destination, system.model.modelId)),
      };
    }
    throw validationError(
      `Value at 'modelSource.copyFrom' failed to satisfy constraint: Member must be the ARN of a foundation model ` +
        `(arn:aws:bedrock:{region}::foundation-model/{modelId}) or of a system-defined inference profile.`,
    );
  };

  const routes = [
    route('GET', '/inference-profiles', (request) => {
      const query = parseQuery(request.query, ListQuerySchema);
      const summaries =
        (query.type ?? 'SYSTEM_DEFINED') === 'SYSTEM_DEFINED'
          ? systemProfilesIn(request.region)
          : [...applications.values()]
              .filter((profile) => profile.region === request.region)
              .map(applicationView);
      const page = paginate(summaries, query, `ListInferenceProfiles:${query.type ?? 'SYSTEM_DEFINED'}`);
      return jsonResponse(200, pageBody('inferenceProfileSummaries', page));
    }),
    route('GET', '/inference-profiles/:inferenceProfileIdentifier', (request, labels) => {
      const identifier = labels.get('inferenceProfileIdentifier');
      const application = findApplication(identifier, request.region);
      const profile =
        application === undefined ? findSystemIn(identifier, request.region) : applicationView(application);
      if (profile === undefined) throw notFoundError(`The inference profile ${identifier} does not exist.`);
      return jsonResponse(200, profile);
    }),
    route('POST', '/inference-profiles', (request) => {
      const body = parseJsonBody(request, CreateBodySchema);
      const replayed = idempotency.replay(request.region, body.clientRequestToken, body);
      if (replayed !== undefined)
        return jsonResponse(201, { inferenceProfileArn: replayed, status: 'ACTIVE' });
      const taken = [...applications.values()].some(
        (profile) => profile.region === request.region && profile.name === body.inferenceProfileName,
      );
      if (taken)
        throw conflictError(`An inference profile named ${body.inferenceProfileName} already exists.`);
      const source = resolveCopyFrom(body.modelSource.copyFrom, request.region);
      const id = context.ids.next('application-inference-profile');
      const profile: ApplicationProfile = {
        id,
        arn: applicationProfileArn(request.region, context.accountId, id),
        region: request.region,
        name: body.inferenceProfileName,
        description: body.description,
        modelId: source.modelId,
        modelArns: source.modelArns,
        createdAt: context.now(),
      };
      applications.set(id, profile);
      idempotency.remember(request.region, body.clientRequestToken, body, profile.arn);
      return jsonResponse(201, { inferenceProfileArn: profile.arn, status: 'ACTIVE' });
    }),
    route('DELETE', '/inference-profiles/:inferenceProfileIdentifier', (request, labels) => {
      const identifier = labels.get('inferenceProfileIdentifier');
      const application = findApplication(identifier, request.region);
      if (application === undefined) {
        if (findSystemIn(identifier, request.region) !== undefined) {
          throw validationError(`The system-defined inference profile ${identifier} cannot be deleted.`);
        }
        throw notFoundError(`The inference profile ${identifier} does not exist.`);
      }
      applications.delete(application.id);
      return jsonResponse(200, {});
    }),
  ];

  return {
    routes,
    lookupApplicationProfile(arn, region) {
      const profile = findApplication(arn, region);
      return profile === undefined ? undefined : { modelId: profile.modelId };
    },
    clear() {
      applications.clear();
      idempotency.clear();
    },
  };
}
