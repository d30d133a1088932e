import { describe, expect, it } from 'vitest';
import { useGatewayAndBrowser } from './support/fixture';
import { ADMIN_KEY } from './support/gateway';

const fixture = useGatewayAndBrowser('zero');

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

    // Embedding models, and a region that only some models are in.
    await page.getByRole('button', { name: 'Clear' }).click();
    await count.filter({ hasText: `${total} models` }).waitFor();
    await page.getByLabel('Output').selectOption('EMBEDDING');
    await page.locator('[data-model-id="amazon.titan-embed-text-v2:0"]').waitFor();
    const embedding = await page
      .getByTestId('model')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-model-id')));
    expect(embedding.every((id) => id !== null && /embed/.test(id))).toBe(true);

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Available in region').selectOption('eu-west-1');
    await page.waitForFunction((all) => {
      const text = document.querySelector('[data-testid="model-count"]')?.textContent ?? '';
      return /^\d+ models$/.test(text) && Number(text.split(' ')[0]) < all;
    }, total);
  });
});
