import {
  PROFILE_PREFIXES,
  type CatalogModel,
  type ModelCatalog,
  type ProfilePrefix,
} from '@quarry/core/catalog';

import { parseBedrockArn } from './arns.js';

/** The catalog model a base model ID or foundation-model ARN names; undefined for anything else. */
export function findFoundationModel(catalog: ModelCatalog, identifier: string): CatalogModel | undefined {
  const arn = parseBedrockArn(identifier);
  if (arn === undefined) return identifier.startsWith('arn:') ? undefined : catalog.get(identifier);
  return arn.resourceType === 'foundation-model' ? catalog.get(arn.resourcePath) : undefined;
}

export interface SystemProfileName {
  readonly prefix: ProfilePrefix;
  readonly model: CatalogModel;
}

/**
 * The geography and model of a system inference profile ID (`us.anthropic…`) or ARN, when the
 * catalog has that model and that profile; undefined otherwise.
 */
export function findSystemProfile(catalog: ModelCatalog, identifier: string): SystemProfileName | undefined {
  const arn = parseBedrockArn(identifier);
  const profileId =
    arn === undefined ? identifier : arn.resourceType === 'inference-profile' ? arn.resourcePath : '';
  for (const prefix of PROFILE_PREFIXES) {
    if (!profileId.startsWith(`${prefix}.`)) continue;
    const model = catalog.get(profileId.slice(prefix.length + 1));
    if (model?.profiles.includes(prefix) === true) return { prefix, model };
  }
  return undefined;
}

/**
 * The model behind an identifier that invokes a model on demand (batch jobs, knowledge-base
 * generation): base model ID, foundation-model ARN, or system profile ID or ARN.
 */
export function findInvocableModel(catalog: ModelCatalog, identifier: string): CatalogModel | undefined {
  return findFoundationModel(catalog, identifier) ?? findSystemProfile(catalog, identifier)?.model;
}
