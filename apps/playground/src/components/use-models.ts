import { useEffect, useState } from 'react';
import type { ModelFilter, PlaygroundModelsQuery } from '../__generated__/graphql';
import { ModelsDocument } from '../api/documents';
import { toGatewayError, type GatewayError } from '../api/gateway-error';
import { request } from '../api/http';

export type CatalogModel = PlaygroundModelsQuery['models'][number];

/** The catalog's models matching `filter` (asked once per mount), for the views' model pickers. */
export function useModels(filter: ModelFilter): {
  readonly models: readonly CatalogModel[];
  readonly error: GatewayError | undefined;
} {
  const [models, setModels] = useState<readonly CatalogModel[]>([]);
  const [error, setError] = useState<GatewayError | undefined>(undefined);
  const key = JSON.stringify(filter);
  useEffect(() => {
    const controller = new AbortController();
    request(ModelsDocument, { filter: JSON.parse(key) as ModelFilter }, controller.signal)
      .then((data) => {
        setModels(data.models.filter((model) => model.available));
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setError(toGatewayError(cause));
      });
    return () => {
      controller.abort();
    };
  }, [key]);
  return { models, error };
}
