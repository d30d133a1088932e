import type { ModelFilter } from '../schema/__generated__/resolvers-types.js';
import {
  inferenceTypesOf,
  inputModalitiesOf,
  modelIdOf,
  outputModalitiesOf,
  providerOf,
  streamingOf,
  type ModelView,
} from './model-view.js';

/** Applies the `models(filter)` arguments; every given criterion must hold. */
export function filterModelViews(
  views: readonly ModelView[],
  filter: ModelFilter | null | undefined,
): ModelView[] {
  if (filter == null) return [...views];
  const provider = filter.provider?.toLowerCase();
  return views.filter((view) => {
    if (provider != null && provider !== '') {
      // Match the display name ("Mistral AI") or the ID prefix ("mistral"), as users type either.
      if (
        providerOf(view).toLowerCase() !== provider &&
        !modelIdOf(view).toLowerCase().startsWith(`${provider}.`)
      ) {
        return false;
      }
    }
    if (filter.inputModality != null && !inputModalitiesOf(view).includes(filter.inputModality)) return false;
    if (filter.outputModality != null && !outputModalitiesOf(view).includes(filter.outputModality))
      return false;
    if (filter.inferenceType != null && !inferenceTypesOf(view).includes(filter.inferenceType)) return false;
    if (filter.streaming != null && streamingOf(view) !== filter.streaming) return false;
    return true;
  });
}
