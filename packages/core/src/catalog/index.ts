// Subpath entry `@quarry/core/catalog`: the model catalog alone, for the emulator and tools.
export { FAMILY_KIND, MODEL_FAMILIES } from './model-family.js';
export type { FamilyKind, ModelFamily } from './model-family.js';
export { PROFILE_PREFIXES } from './catalog-model.js';
export type {
  CatalogModel,
  CustomizationType,
  InferenceType,
  LifecycleStatus,
  Modality,
  ModelPricing,
  ProfilePrefix,
  Provider,
} from './catalog-model.js';
