import type { ModelFilter } from '../schema/__generated__/resolvers-types.js';
import type { ModelView } from './model-view.js';
import { modelIdOf } from './model-view.js';

/** Applies the `models(filter)` arguments; every given criterion must hold. */
export function filterModelViews(
  views: readonly ModelView[],
  filter: ModelFilter | null | undefined,
): ModelView[] {
  if (filter == null) return [...views];
  const provider = filter.provider?.toLowerCase();
  return views.filter((view) => {
    const summary = view.summary;
    const catalog = view.catalog;
    if (provider != null && provider !== '') {
      const name = (summary?.providerName ?? catalog?.provider ?? '').toLowerCase();
      // Match the display name ("Mistral AI") or the ID prefix ("mistral"), as users type either.
      if (name !== provider && !modelIdOf(view).toLowerCase().startsWith(`${provider}.`)) return false;
    }
    const input = summary?.inputModalities ?? catalog?.inputModalities ?? [];
    const output = summary?.outputModalities ?? catalog?.outputModalities ?? [];
    if (filter.inputModality != null && !input.includes(filter.inputModality)) return false;
    if (filter.outputModality != null && !output.includes(filter.outputModality)) return false;
    const types: readonly string[] = summary?.inferenceTypesSupported ?? catalog?.inferenceTypes ?? [];
    if (filter.inferenceType != null && !types.includes(filter.inferenceType)) return false;
    const streaming = summary?.responseStreamingSupported ?? catalog?.streaming ?? false;
    if (filter.streaming != null && streaming !== filter.streaming) return false;
    return true;
  });
}
