// Subpath entry `@quarry/core/catalog`: the model catalog alone, for the emulator and tools.
export { FAMILY_KIND, MODEL_FAMILIES } from './model-family.js';
export type { FamilyKind, ModelFamily } from './model-family.js';
export { PROFILE_PREFIXES } from './catalog-model.js';
export type {
  CatalogModel,
  CustomizationType,
  ImageSize,
  ImageSizeRule,
  InferenceType,
  LifecycleStatus,
  Modality,
  ModelPricing,
  ProfilePrefix,
  Provider,
} from './catalog-model.js';
export { MODEL_DATA } from './model-data.js';
export type { KnownModelId, ModelId } from './model-data.js';
export { createModelCatalog, filterModels } from './model-catalog.js';
export type { AliasLookup, ModelCatalog, ModelFilter, ResolvedModel } from './model-catalog.js';
export { baseModelIdOf, parseModelId } from './model-id.js';
export { profileServesRegion } from './profile-geography.js';
export type {
  ApplicationInferenceProfileArnReference,
  ArnLocation,
  CustomModelArnReference,
  FoundationModelArnReference,
  FoundationModelReference,
  ImportedModelArnReference,
  InferenceProfileArnReference,
  ModelReference,
  ModelReferenceKind,
  ProvisionedModelArnReference,
  SystemInferenceProfileReference,
} from './model-id.js';
