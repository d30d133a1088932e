import { useState } from 'react';
import type { PlaygroundGenerateImageMutation } from '../__generated__/graphql';
import { GenerateImageDocument } from '../api/documents';
import { toGatewayError, type GatewayError } from '../api/gateway-error';
import { request } from '../api/http';
import { ErrorBanner } from '../components/error-banner';
import { ms, usd } from '../components/format';
import { useModels } from '../components/use-models';
import { ModelSelect } from '../components/model-select';

type ImageResult = PlaygroundGenerateImageMutation['generateImage'];

/** Sizes every image family accepts (Titan Image's and SDXL's fixed lists both include them). */
const SIZES = ['', '1024x1024', '512x512', '768x768'];

export function ImagesView() {
  const { models, error: modelsError } = useModels({ outputModality: 'IMAGE' });
  const [modelId, setModelId] = useState('amazon.nova-canvas-v1:0');
  const [prompt, setPrompt] = useState('A lighthouse on a cliff at dusk');
  const [size, setSize] = useState('512x512');
  const [seed, setSeed] = useState('42');
  const [result, setResult] = useState<{ result: ImageResult; seed: number | undefined } | undefined>(
    undefined,
  );
  const [error, setError] = useState<GatewayError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function generate(): Promise<void> {
    const [width, height] = size === '' ? [] : size.split('x').map(Number);
    const requestedSeed = seed.trim() === '' ? undefined : Number(seed);
    setBusy(true);
    setError(undefined);
    try {
      const data = await request(GenerateImageDocument, {
        input: {
          modelId,
          prompt,
          ...(width !== undefined && height !== undefined && { width, height }),
          ...(requestedSeed !== undefined && { seed: requestedSeed }),
        },
      });
      setResult({ result: data.generateImage, seed: requestedSeed });
    } catch (cause) {
      setError(toGatewayError(cause));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="images-title">
      <h2 id="images-title">Images</h2>
      <ErrorBanner error={modelsError} />
      <form
        className="settings"
        onSubmit={(event) => {
          event.preventDefault();
          void generate();
        }}
      >
        <ModelSelect value={modelId} models={models} onChange={setModelId} />
        <label>
          Size
          <select value={size} onChange={(event) => setSize(event.target.value)}>
            {SIZES.map((s) => (
              <option key={s} value={s}>
                {s === '' ? 'model default' : s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Seed
          <input
            type="number"
            inputMode="numeric"
            min={0}
            placeholder="random"
            value={seed}
            onChange={(event) => setSeed(event.target.value)}
          />
        </label>
        <label className="wide">
          Prompt
          <textarea rows={2} value={prompt} onChange={(event) => setPrompt(event.target.value)} />
        </label>
        <button type="submit" disabled={busy || prompt.trim() === ''}>
          {busy ? 'Generating…' : 'Generate'}
        </button>
      </form>
      <ErrorBanner error={error} onRetry={() => void generate()} />
      {result !== undefined && (
        <>
          <p className="muted" data-testid="image-stats">
            {result.result.cost.priced ? usd(result.result.cost.totalUsd) : 'not priced'} ·{' '}
            {ms(result.result.latencyMs)}
          </p>
          <div className="images">
            {result.result.images.map((image, index) => {
              const shownSeed = image.seed ?? result.seed;
              return (
                <figure key={index}>
                  <img
                    data-testid="generated-image"
                    src={`data:${image.mimeType};base64,${image.base64}`}
                    alt={`Generated image ${index + 1} for: ${prompt}`}
                  />
                  <figcaption data-testid="image-seed">
                    {shownSeed === undefined
                      ? 'Seed: random (the model reports none)'
                      : `Seed: ${shownSeed}${image.seed === null ? ' (as requested; the model reports none)' : ''}`}
                  </figcaption>
                </figure>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
