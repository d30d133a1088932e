import { ValidationError } from '../errors/quarry-error.js';
import { PROFILE_PREFIXES, type ProfilePrefix } from './catalog-model.js';

/** A plain base model ID such as `anthropic.claude-3-haiku-20240307-v1:0`. */
export interface FoundationModelReference {
  readonly kind: 'foundation-model';
  readonly modelId: string;
}

/** A system (cross-region) inference profile ID: geography prefix + base model ID. */
export interface SystemInferenceProfileReference {
  readonly kind: 'system-inference-profile';
  /** The ID as given, e.g. `us.anthropic.claude-3-haiku-20240307-v1:0`. */
  readonly profileId: string;
  readonly prefix: ProfilePrefix;
  readonly modelId: string;
}

/** Fields every Bedrock ARN carries. */
export interface ArnLocation {
  /** The ARN exactly as given. */
  readonly arn: string;
  /** `aws`, `aws-us-gov`, `aws-cn`, … */
  readonly partition: string;
  readonly region: string;
}

/** `arn:aws:bedrock:{region}::foundation-model/{modelId}`. */
export interface FoundationModelArnReference extends ArnLocation {
  readonly kind: 'foundation-model-arn';
  readonly modelId: string;
}

/** `arn:aws:bedrock:{region}:{account}:inference-profile/{profileId}` (a system profile). */
export interface InferenceProfileArnReference extends ArnLocation {
  readonly kind: 'inference-profile-arn';
  readonly accountId: string;
  readonly profileId: string;
  readonly prefix: ProfilePrefix;
  readonly modelId: string;
}

/** `…:application-inference-profile/{id}`: user-defined, so the model behind it is opaque. */
export interface ApplicationInferenceProfileArnReference extends ArnLocation {
  readonly kind: 'application-inference-profile-arn';
  readonly accountId: string;
  readonly resourceId: string;
}

/** `…:provisioned-model/{id}`: opaque, the base model is only known to Bedrock. */
export interface ProvisionedModelArnReference extends ArnLocation {
  readonly kind: 'provisioned-model-arn';
  readonly accountId: string;
  readonly resourceId: string;
}

/** `…:imported-model/{id}` (Custom Model Import): opaque. */
export interface ImportedModelArnReference extends ArnLocation {
  readonly kind: 'imported-model-arn';
  readonly accountId: string;
  readonly resourceId: string;
}

/**
 * `…:custom-model/{baseModelId}/{id}`, e.g.
 * `arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abc123xyz`.
 */
export interface CustomModelArnReference extends ArnLocation {
  readonly kind: 'custom-model-arn';
  readonly accountId: string;
  readonly resourceId: string;
  /**
   * The base model embedded in the ARN as written, possibly with a provisioned-variant suffix
   * (`:0:8k`, `:200k`) that `ModelCatalog.get` tolerates; undefined when the ARN embeds none.
   */
  readonly modelId: string | undefined;
}

/** Every form Bedrock's `{modelId}` path label accepts for a model (bedrock-protocol.md §2.8). */
export type ModelReference =
  | FoundationModelReference
  | SystemInferenceProfileReference
  | FoundationModelArnReference
  | InferenceProfileArnReference
  | ApplicationInferenceProfileArnReference
  | ProvisionedModelArnReference
  | ImportedModelArnReference
  | CustomModelArnReference;

export type ModelReferenceKind = ModelReference['kind'];

// Bedrock's own modelId pattern allows up to 2048 characters.
const MAX_ID_LENGTH = 2048;
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const PARTITION = /^aws(-[a-z]+)*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT = /^\d{12}$/;
const RESOURCE_ID = /^[A-Za-z0-9]+$/;

const VALID_FORMS =
  'Use a base model ID (anthropic.claude-3-haiku-20240307-v1:0), an inference profile ID ' +
  `(${PROFILE_PREFIXES.map((prefix) => `${prefix}.`).join(', ')} + a base model ID) or an ARN: ` +
  'arn:aws:bedrock:{region}::foundation-model/{modelId}, ' +
  'arn:aws:bedrock:{region}:{account}:inference-profile/{profileId}, ' +
  '…:application-inference-profile/{id}, …:provisioned-model/{id}, …:imported-model/{id} or ' +
  '…:custom-model/{baseModelId}/{id}.';

/**
 * Classifies a model identifier without consulting the catalog: whether the model exists is
 * `ModelCatalog.resolve`'s question, not this one's.
 *
 * Throws ValidationError (field `modelId`) for an empty string, characters no Bedrock ID has, or an
 * ARN that is not a Bedrock model ARN (wrong service, unknown resource type, missing parts); the
 * message lists the accepted forms.
 */
export function parseModelId(id: string): ModelReference {
  if (id.trim() === '') invalid(id, 'it is empty');
  if (id.length > MAX_ID_LENGTH) invalid(id, `it is longer than ${MAX_ID_LENGTH} characters`);
  if (id.startsWith('arn:')) return parseArn(id);
  if (!PLAIN_ID.test(id)) {
    invalid(id, 'a model ID has only letters, digits and . _ : - (and an ARN starts with "arn:")');
  }
  const profile = splitProfileId(id);
  if (profile !== undefined) return { kind: 'system-inference-profile', profileId: id, ...profile };
  return { kind: 'foundation-model', modelId: id };
}

/**
 * The base model ID a reference names, or undefined when only Bedrock knows it (application
 * profiles, provisioned and imported models, custom-model ARNs without an embedded base).
 * A custom-model ARN's base may carry a provisioned-variant suffix; `ModelCatalog.get` accepts it.
 */
export function baseModelIdOf(reference: ModelReference): string | undefined {
  switch (reference.kind) {
    case 'foundation-model':
    case 'system-inference-profile':
    case 'foundation-model-arn':
    case 'inference-profile-arn':
    case 'custom-model-arn':
      return reference.modelId;
    case 'application-inference-profile-arn':
    case 'provisioned-model-arn':
    case 'imported-model-arn':
      return undefined;
  }
}

/**
 * Base IDs a provisioned-variant ID may stand for, most specific first. Bedrock lists provisioned
 * variants as the base ID plus a context size (`anthropic.claude-3-haiku-20240307-v1:0:200k`,
 * `amazon.titan-text-express-v1:0:8k`, `cohere.embed-english-v3:0:512`); whether the `:N` before
 * the size belongs to the base ID depends on the model, so both readings are returned for the
 * catalog to try. Empty when `id` has no context-size suffix.
 */
export function provisionedVariantBases(id: string): readonly string[] {
  const sized = /^(.+):\d+[km]$/.exec(id) ?? /^(.+:\d+):\d+$/.exec(id);
  const withoutSize = sized?.[1];
  if (withoutSize === undefined) return [];
  const withoutVersion = /^(.+):\d+$/.exec(withoutSize)?.[1];
  return withoutVersion === undefined ? [withoutSize] : [withoutSize, withoutVersion];
}

function splitProfileId(id: string): { prefix: ProfilePrefix; modelId: string } | undefined {
  for (const prefix of PROFILE_PREFIXES) {
    if (id.startsWith(`${prefix}.`) && id.length > prefix.length + 1) {
      return { prefix, modelId: id.slice(prefix.length + 1) };
    }
  }
  return undefined;
}

function parseArn(arn: string): ModelReference {
  // arn:partition:service:region:account:resource, where the resource itself may contain colons.
  const parts = arn.split(':');
  if (parts.length < 6) invalid(arn, 'an ARN has six colon-separated parts');
  const [, partition = '', service = '', region = '', accountId = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!PARTITION.test(partition)) invalid(arn, `partition "${partition}" is not an AWS partition`);
  if (service !== 'bedrock') invalid(arn, `service is "${service}", expected "bedrock"`);
  if (!REGION.test(region)) invalid(arn, `region "${region}" is not an AWS region`);
  if (resource === '') invalid(arn, 'the resource part ({type}/{id}) is missing');
  const slash = resource.indexOf('/');
  const type = slash === -1 ? resource : resource.slice(0, slash);
  const path = slash === -1 ? '' : resource.slice(slash + 1);
  if (path === '') invalid(arn, `the resource "${resource}" has no ID after the "/"`);
  const location = { arn, partition, region };

  if (type === 'foundation-model') {
    // Real foundation-model ARNs leave the account empty; one with an account is harmless.
    if (accountId !== '' && !ACCOUNT.test(accountId)) invalid(arn, `account "${accountId}" is not 12 digits`);
    if (!PLAIN_ID.test(path)) invalid(arn, `"${path}" is not a model ID`);
    return { kind: 'foundation-model-arn', ...location, modelId: path };
  }
  if (!ACCOUNT.test(accountId)) invalid(arn, `a ${type} ARN needs a 12-digit account ID, got "${accountId}"`);
  const owned = { ...location, accountId };
  switch (type) {
    case 'inference-profile': {
      const profile = PLAIN_ID.test(path) ? splitProfileId(path) : undefined;
      if (profile === undefined) {
        invalid(
          arn,
          `"${path}" is not a system inference profile ID (${PROFILE_PREFIXES.join('|')}.{modelId})`,
        );
      }
      return { kind: 'inference-profile-arn', ...owned, profileId: path, ...profile };
    }
    case 'application-inference-profile':
      return { kind: 'application-inference-profile-arn', ...owned, resourceId: opaqueId(arn, path) };
    case 'provisioned-model':
      return { kind: 'provisioned-model-arn', ...owned, resourceId: opaqueId(arn, path) };
    case 'imported-model':
      return { kind: 'imported-model-arn', ...owned, resourceId: opaqueId(arn, path) };
    case 'custom-model':
      return parseCustomModel(arn, owned, path);
    default:
      return invalid(arn, `"${type}" is not a model resource type`);
  }
}

function parseCustomModel(
  arn: string,
  owned: ArnLocation & { readonly accountId: string },
  path: string,
): CustomModelArnReference {
  const segments = path.split('/');
  const [first = '', second] = segments;
  if (segments.length > 2)
    invalid(arn, 'a custom-model ARN has at most {baseModelId}/{id} after "custom-model/"');
  if (second === undefined) {
    return { kind: 'custom-model-arn', ...owned, resourceId: opaqueId(arn, first), modelId: undefined };
  }
  if (!PLAIN_ID.test(first)) invalid(arn, `"${first}" is not a base model ID`);
  return { kind: 'custom-model-arn', ...owned, resourceId: opaqueId(arn, second), modelId: first };
}

function opaqueId(arn: string, id: string): string {
  if (!RESOURCE_ID.test(id)) invalid(arn, `resource ID "${id}" must be letters and digits`);
  return id;
}

function invalid(id: string, reason: string): never {
  // Quoted and cut short: the ID is caller input that ends up in logs and GraphQL errors.
  const shown = JSON.stringify(id.length > 200 ? `${id.slice(0, 200)}…` : id);
  throw new ValidationError(
    'modelId',
    `modelId ${shown} is not a valid Bedrock model identifier: ${reason}. ${VALID_FORMS}`,
  );
}
