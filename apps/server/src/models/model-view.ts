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

/** The model ID of a view; every view has at least one side. */
export function modelIdOf(view: ModelView): string {
  return view.catalog?.modelId ?? view.summary?.modelId ?? '';
}
