import type { CatalogModel, ProfilePrefix } from '@quarry/core/catalog';

import { profileServesRegion } from '@quarry/core/catalog';

/**
 * The regions each system-profile geography routes to when the catalog names none of the model's.
 * Approximate (AWS adds regions over time) but realistic enough for region-aware tests.
 */
const GEOGRAPHY_REGIONS = {
  us: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2'],
  eu: [
    'eu-central-1',
    'eu-central-2',
    'eu-north-1',
    'eu-south-1',
    'eu-south-2',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
  ],
  apac: [
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-south-1',
    'ap-south-2',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-4',
  ],
  jp: ['ap-northeast-1', 'ap-northeast-3'],
  au: ['ap-southeast-2', 'ap-southeast-4'],
  'us-gov': ['us-gov-east-1', 'us-gov-west-1'],
  // Global profiles route to any commercial region; the list is filled from the model's regions.
  global: [],
} as const satisfies Record<ProfilePrefix, readonly string[]>;

const PREFIX_ORDER: readonly ProfilePrefix[] = ['us', 'us-gov', 'eu', 'apac', 'jp', 'au', 'global'];

/** Whether the model is served in `region` (catalog `regions`); ListFoundationModels omits the others. */
export function isServedIn(model: CatalogModel, region: string): boolean {
  return model.regions.includes(region);
}

/**
 * System-profile prefixes callable from `region`. Shares the runtime's geography rules, so every
 * profile ListInferenceProfiles shows can be invoked and vice versa.
 */
export function profilePrefixesIn(region: string): readonly ProfilePrefix[] {
  return PREFIX_ORDER.filter((prefix) => profileServesRegion(prefix, region));
}

/**
 * Where a system profile called from `sourceRegion` sends requests: the geography's regions that
 * serve the model (all of the geography when the catalog lists none of them), source region first.
 */
export function destinationRegions(
  prefix: ProfilePrefix,
  model: CatalogModel,
  sourceRegion: string,
): string[] {
  const geography: readonly string[] = GEOGRAPHY_REGIONS[prefix];
  const candidates =
    prefix === 'global' ? model.regions.filter((region) => !region.startsWith('us-gov-')) : geography;
  const served = candidates.filter((region) => model.regions.includes(region));
  const destinations = served.length > 0 ? served : [...candidates];
  return [sourceRegion, ...destinations.filter((region) => region !== sourceRegion)];
}
