import type { FoundationModelSummary } from '@aws-sdk/client-bedrock';
import type { CatalogModel } from '@quarry/core';

/**
 * A foundation model as the gateway shows it: Quarry's catalog entry (limits, prices, family)
 * joined with what the upstream lists in its region. Either side may be missing: the upstream may
 * serve models the catalog does not know yet, and the catalog knows models absent from the region.
 */
export interface ModelView {
  readonly catalog: CatalogModel | undefined;
  readonly summary: FoundationModelSummary | undefined;
  /** The upstream's region, for ARNs of catalog-only models. */
  readonly region: string;
}

// What the upstream says wins over the catalog for capabilities it reports (it is the live truth
// for this region); the catalog fills in what Bedrock does not list. Filters and fields both read
// through these, so a filter can never disagree with the field it filters on.

/** The model ID of a view; every view has at least one side. */
export function modelIdOf(view: ModelView): string {
  return view.catalog?.modelId ?? view.summary?.modelId ?? '';
}

export function providerOf(view: ModelView): string {
  return view.summary?.providerName ?? view.catalog?.provider ?? '';
}

export function inputModalitiesOf(view: ModelView): readonly string[] {
  return view.summary?.inputModalities ?? view.catalog?.inputModalities ?? [];
}

export function outputModalitiesOf(view: ModelView): readonly string[] {
  return view.summary?.outputModalities ?? view.catalog?.outputModalities ?? [];
}

export function inferenceTypesOf(view: ModelView): readonly string[] {
  return view.summary?.inferenceTypesSupported ?? view.catalog?.inferenceTypes ?? [];
}

export function streamingOf(view: ModelView): boolean {
  return view.summary?.responseStreamingSupported ?? view.catalog?.streaming ?? false;
}

export function lifecycleOf(view: ModelView): string {
  return view.summary?.modelLifecycle?.status ?? view.catalog?.lifecycle ?? 'ACTIVE';
}
