import { describe, expect, it } from 'vitest';
import { useGatewayAndBrowser } from './support/fixture';
import { ADMIN_KEY } from './support/gateway';

const fixture = useGatewayAndBrowser('zero');

/** The count line saying exactly `n models`. */
const countOf = (n: number) => new RegExp(`^${n} models$`);

describe('the catalog view', () => {
  it('is served by the gateway with caching headers at / and /playground', async () => {
    const { gateway } = fixture();
    for (const path of ['/', '/playground']) {
      const response = await fetch(`${gateway.origin}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const html = await response.text();
      const script = /src="(\/playground\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(`${gateway.origin}${script!}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // Offline: nothing in the page comes from another origin.
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it('lists every model, filters them through the gateway and marks deprecated ones', async () => {
    const { gateway, browser } = fixture();
    const page = await browser.open(gateway.origin, { key: ADMIN_KEY });
    const count = page.getByTestId('model-count');
    await count.filter({ hasText: /^\d+ models$/ }).waitFor();
    const total = Number((await count.textContent())!.split(' ')[0]);
    const { models } = await gateway.graphql<{ models: unknown[] }>('{ models { modelId } }');
    expect(total).toBe(models.length);

    // Retired models are listed, and marked.
    const legacy = page.locator('[data-model-id="anthropic.claude-3-sonnet-20240229-v1:0"]');
    await legacy.getByTestId('deprecated').waitFor();

    await page.getByLabel('Provider').selectOption('Anthropic');
    await page.waitForFunction((all) => {
      const text = document.querySelector('[data-testid="model-count"]')?.textContent ?? '';
      return /^\d+ models$/.test(text) && Number(text.split(' ')[0]) < all;
    }, total);
    const providers = await page.getByTestId('provider').allTextContents();
    expect(providers.length).toBeGreaterThan(0);
    expect(new Set(providers)).toEqual(new Set(['Anthropic']));

    // Filters combine: Anthropic models that do not stream are none.
    await page.getByLabel('Streaming').selectOption('no');
    await count.filter({ hasText: /^0 models$/ }).waitFor();

    // Embedding models: exactly the ones the gateway's own filter returns.
    const embedding = await gateway.graphql<{ models: { modelId: string }[] }>(
      '{ models(filter: { outputModality: EMBEDDING }) { modelId } }',
    );
    await page.getByRole('button', { name: 'Clear' }).click();
    await count.filter({ hasText: countOf(total) }).waitFor();
    await page.getByLabel('Output').selectOption('EMBEDDING');
    await count.filter({ hasText: countOf(embedding.models.length) }).waitFor();
    const shown = await page
      .getByTestId('model')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-model-id')));
    expect(shown.sort()).toEqual(embedding.models.map((m) => m.modelId).sort());

    // Region availability: only the models the catalog lists in eu-west-1.
    const { models: all } = await gateway.graphql<{ models: { regions: string[] }[] }>(
      '{ models { regions } }',
    );
    const inEurope = all.filter((m) => m.regions.includes('eu-west-1')).length;
    expect(inEurope).toBeLessThan(total);
    await page.getByRole('button', { name: 'Clear' }).click();
    await count.filter({ hasText: countOf(total) }).waitFor();
    await page.getByLabel('Available in region').selectOption('eu-west-1');
    await count.filter({ hasText: countOf(inEurope) }).waitFor();
  });
});
