import type { ProfilePrefix } from './catalog-model.js';

/**
 * Which source regions may call a system inference profile of each geography. A `us.` profile
 * called from eu-west-1 does not exist there, so Bedrock rejects the identifier.
 */
const SERVES: Readonly<Record<ProfilePrefix, (region: string) => boolean>> = {
  us: (region) => region.startsWith('us-') && !region.startsWith('us-gov-'),
  eu: (region) => region.startsWith('eu-'),
  apac: (region) => region.startsWith('ap-'),
  jp: (region) => region === 'ap-northeast-1' || region === 'ap-northeast-3',
  au: (region) => region === 'ap-southeast-2' || region === 'ap-southeast-4',
  'us-gov': (region) => region.startsWith('us-gov-'),
  global: (region) => !region.startsWith('us-gov-') && !region.startsWith('cn-'),
};

/** Whether a system inference profile with this geography prefix can be called from `region`. */
export function profileServesRegion(prefix: ProfilePrefix, region: string): boolean {
  return SERVES[prefix](region);
}
