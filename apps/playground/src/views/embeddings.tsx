import { useEffect, useState } from 'react';
import type { PlaygroundEmbedMutation } from '../__generated__/graphql';
import { EmbedDocument } from '../api/documents';
import { toGatewayError, type GatewayError } from '../api/gateway-error';
import { request } from '../api/http';
import { ErrorBanner } from '../components/error-banner';
import { ms, tokens, usd } from '../components/format';
import { useModels } from '../components/use-models';
import { ModelSelect } from '../components/model-select';

type EmbedResult = PlaygroundEmbedMutation['embed'];

const SAMPLE = [
  'The river flows into the sea.',
  'The river runs down into the sea.',
  'Quarterly revenue grew by ten percent.',
  'Quarterly sales grew by ten percent.',
].join('\n');

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

export function EmbeddingsView() {
  const { models, error: modelsError } = useModels({ outputModality: 'EMBEDDING' });
  const [modelId, setModelId] = useState('amazon.titan-embed-text-v2:0');
  const [dimensions, setDimensions] = useState('');
  const [text, setText] = useState(SAMPLE);
  const [result, setResult] = useState<{ texts: readonly string[]; embed: EmbedResult } | undefined>(
    undefined,
  );
  const [error, setError] = useState<GatewayError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const model = models.find((m) => m.modelId === modelId);
  useEffect(() => {
    setDimensions('');
  }, [modelId]);

  async function embed(): Promise<void> {
    const texts = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    setBusy(true);
    setError(undefined);
    try {
      const data = await request(EmbedDocument, {
        input: { modelId, texts, ...(dimensions !== '' && { dimensions: Number(dimensions) }) },
      });
      setResult({ texts, embed: data.embed });
    } catch (cause) {
      setError(toGatewayError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="embeddings-title">
      <h2 id="embeddings-title">Embeddings</h2>
      <ErrorBanner error={modelsError} />
      <form
        className="settings"
        onSubmit={(event) => {
          event.preventDefault();
          void embed();
        }}
      >
        <ModelSelect value={modelId} models={models} onChange={setModelId} />
        {model?.embeddingDimensions != null && (
          <label>
            Dimensions
            <select value={dimensions} onChange={(event) => setDimensions(event.target.value)}>
              <option value="">default ({model.embeddingDimensions[0]})</option>
              {model.embeddingDimensions.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="wide">
          Texts, one a line
          <textarea rows={5} value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <button type="submit" disabled={busy || text.trim() === ''}>
          {busy ? 'Embedding…' : 'Embed'}
        </button>
      </form>
      <ErrorBanner error={error} onRetry={() => void embed()} />
      {result !== undefined && <Matrix texts={result.texts} result={result.embed} />}
    </section>
  );
}

function Matrix({ texts, result }: { readonly texts: readonly string[]; readonly result: EmbedResult }) {
  const vectors = result.embeddings.map((e) => (e.error === null ? e.values : undefined));
  return (
    <>
      <p className="muted" data-testid="embed-stats">
        {result.embeddings[0]?.dimensions ?? 0} dimensions · {tokens(result.usage.inputTokens)} tokens ·{' '}
        {result.cost.priced ? usd(result.cost.totalUsd) : 'not priced'} · {ms(result.latencyMs)}
      </p>
      {result.embeddings
        .filter((e) => e.error !== null)
        .map((e) => (
          <p key={e.index} className="problem">
            Text {e.index + 1}: <code>{e.error?.code}</code> {e.error?.message}
          </p>
        ))}
      <div className="matrix-scroll">
        <table className="matrix" data-testid="similarity-matrix">
          <caption>Cosine similarity</caption>
          <thead>
            <tr>
              <th scope="col" />
              {texts.map((_, i) => (
                <th key={i} scope="col">
                  {i + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {texts.map((rowText, row) => (
              <tr key={row}>
                <th scope="row" title={rowText}>
                  {row + 1}. {rowText}
                </th>
                {texts.map((_, column) => {
                  const a = vectors[row];
                  const b = vectors[column];
                  if (a === undefined || b === undefined) return <td key={column}>—</td>;
                  const value = cosine(a, b);
                  return (
                    <td
                      key={column}
                      data-testid="similarity"
                      data-value={value.toFixed(4)}
                      style={{ background: `rgba(138, 75, 18, ${Math.max(0, value) * 0.55})` }}
                    >
                      {value.toFixed(2)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
