import { useEffect, useMemo, useState } from 'react';
import type { InferenceType, Modality, ModelFilter, PlaygroundModelsQuery } from '../__generated__/graphql';
import { ModelsDocument } from '../api/documents';
import { toGatewayError, type GatewayError } from '../api/gateway-error';
import { request } from '../api/http';
import { ErrorBanner } from '../components/error-banner';
import { tokens, usd } from '../components/format';

type Model = PlaygroundModelsQuery['models'][number];

const MODALITIES: readonly Modality[] = ['TEXT', 'IMAGE', 'VIDEO', 'EMBEDDING'];
const INFERENCE_TYPES: readonly InferenceType[] = ['ON_DEMAND', 'INFERENCE_PROFILE', 'PROVISIONED'];

interface Filters {
  readonly provider: string;
  readonly inputModality: string;
  readonly outputModality: string;
  readonly streaming: string;
  readonly inferenceType: string;
  readonly region: string;
}

const NO_FILTERS: Filters = {
  provider: '',
  inputModality: '',
  outputModality: '',
  streaming: '',
  inferenceType: '',
  region: '',
};

/** The gateway's own filter input; region availability is the one criterion it has no argument for. */
function toModelFilter(filters: Filters): ModelFilter {
  return {
    ...(filters.provider !== '' && { provider: filters.provider }),
    ...(filters.inputModality !== '' && { inputModality: filters.inputModality as Modality }),
    ...(filters.outputModality !== '' && { outputModality: filters.outputModality as Modality }),
    ...(filters.inferenceType !== '' && { inferenceType: filters.inferenceType as InferenceType }),
    ...(filters.streaming !== '' && { streaming: filters.streaming === 'yes' }),
  };
}

export function CatalogView() {
  const [everything, setEverything] = useState<readonly Model[]>([]);
  const [models, setModels] = useState<readonly Model[] | undefined>(undefined);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [error, setError] = useState<GatewayError | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setError(undefined);
    request(ModelsDocument, { filter: toModelFilter(filters) }, controller.signal)
      .then((data) => {
        setModels(data.models);
        if (Object.values(toModelFilter(filters)).length === 0) setEverything(data.models);
      })
      .catch((cause: unknown) => {
        if (!controller.signal.aborted) setError(toGatewayError(cause));
      });
    return () => {
      controller.abort();
    };
  }, [filters, attempt]);

  const providers = useMemo(() => [...new Set(everything.map((m) => m.providerName))].sort(), [everything]);
  const regions = useMemo(() => [...new Set(everything.flatMap((m) => m.regions))].sort(), [everything]);
  const shown = useMemo(
    () => (models ?? []).filter((m) => filters.region === '' || m.regions.includes(filters.region)),
    [models, filters.region],
  );

  const set = (name: keyof Filters) => (event: React.ChangeEvent<HTMLSelectElement>) => {
    setFilters((current) => ({ ...current, [name]: event.target.value }));
  };

  return (
    <section aria-labelledby="catalog-title">
      <h2 id="catalog-title">Model catalog</h2>
      <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          Provider
          <select name="provider" value={filters.provider} onChange={set('provider')}>
            <option value="">Any</option>
            {providers.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Input
          <select name="inputModality" value={filters.inputModality} onChange={set('inputModality')}>
            <option value="">Any</option>
            {MODALITIES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          Output
          <select name="outputModality" value={filters.outputModality} onChange={set('outputModality')}>
            <option value="">Any</option>
            {MODALITIES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
        <label>
          Streaming
          <select name="streaming" value={filters.streaming} onChange={set('streaming')}>
            <option value="">Any</option>
            <option value="yes">Streams</option>
            <option value="no">Does not stream</option>
          </select>
        </label>
        <label>
          Inference type
          <select name="inferenceType" value={filters.inferenceType} onChange={set('inferenceType')}>
            <option value="">Any</option>
            {INFERENCE_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label>
          Available in region
          <select name="region" value={filters.region} onChange={set('region')}>
            <option value="">Any</option>
            {regions.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setFilters(NO_FILTERS)}>
          Clear
        </button>
      </form>
      <ErrorBanner error={error} onRetry={() => setAttempt((n) => n + 1)} />
      <p aria-live="polite" data-testid="model-count">
        {models === undefined ? 'Loading models…' : `${shown.length} models`}
      </p>
      <ul className="models">
        {shown.map((model) => (
          <ModelCard key={model.modelId} model={model} />
        ))}
      </ul>
    </section>
  );
}

function ModelCard({ model }: { readonly model: Model }) {
  const price = model.pricing;
  return (
    <li
      className={model.isDeprecated ? 'model deprecated' : 'model'}
      data-testid="model"
      data-model-id={model.modelId}
    >
      <header>
        <h3>{model.modelName}</h3>
        <span className="provider" data-testid="provider">
          {model.providerName}
        </span>
        {model.isDeprecated && (
          <span className="badge warn" data-testid="deprecated">
            Deprecated
          </span>
        )}
        {!model.available && <span className="badge">Not in this region</span>}
      </header>
      <code className="model-id">{model.modelId}</code>
      {model.deprecationReason !== null && <p className="deprecation">{model.deprecationReason}</p>}
      <dl>
        <dt>Modalities</dt>
        <dd>
          {model.inputModalities.join(', ')} → {model.outputModalities.join(', ')}
        </dd>
        <dt>Streaming</dt>
        <dd>{model.responseStreamingSupported ? 'yes' : 'no'}</dd>
        <dt>Inference</dt>
        <dd>{model.inferenceTypesSupported.join(', ')}</dd>
        <dt>Lifecycle</dt>
        <dd>{model.lifecycleStatus}</dd>
        {model.contextWindow !== null && (
          <>
            <dt>Context</dt>
            <dd>{tokens(model.contextWindow)} tokens</dd>
          </>
        )}
        {model.maxOutputTokens !== null && (
          <>
            <dt>Max output</dt>
            <dd>{tokens(model.maxOutputTokens)} tokens</dd>
          </>
        )}
        {model.embeddingDimensions !== null && (
          <>
            <dt>Dimensions</dt>
            <dd>{model.embeddingDimensions.join(', ')}</dd>
          </>
        )}
        <dt>Price</dt>
        <dd>
          {price === null
            ? 'unknown'
            : [
                price.inputPer1k !== null && `${usd(price.inputPer1k)} / 1k in`,
                price.outputPer1k !== null && `${usd(price.outputPer1k)} / 1k out`,
                price.perImage !== null && `${usd(price.perImage)} / image`,
              ]
                .filter(Boolean)
                .join(' · ')}
        </dd>
        <dt>Tools</dt>
        <dd>{model.toolUse ? 'yes' : 'no'}</dd>
        <dt>Regions</dt>
        <dd>{model.regions.join(', ')}</dd>
        {model.inferenceProfiles.length > 0 && (
          <>
            <dt>Profiles</dt>
            <dd>
              {model.inferenceProfiles.map((p) => (
                <code key={p.inferenceProfileId}>{p.inferenceProfileId}</code>
              ))}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}
