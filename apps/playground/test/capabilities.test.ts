import { describe, expect, it } from 'vitest';
import { useGatewayAndBrowser } from './support/fixture';
import { ADMIN_KEY } from './support/gateway';

const fixture = useGatewayAndBrowser('zero');

describe('embeddings, images and keys', () => {
  it('embeds texts and renders their similarity matrix from the gateway’s vectors', async () => {
    const { gateway, browser } = fixture();
    const page = await browser.open(gateway.origin, { key: ADMIN_KEY });
    await page.getByRole('link', { name: 'Embeddings' }).click();
    const texts = (await page.getByLabel('Texts, one a line').inputValue()).split('\n');
    expect(texts).toHaveLength(4);
    await page.getByRole('button', { name: 'Embed' }).click();
    await page.getByTestId('similarity-matrix').waitFor();
    const cells = await page
      .getByTestId('similarity')
      .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    expect(cells).toHaveLength(16);
    const at = (row: number, column: number) => cells[row * 4 + column]!;

    // The same vectors straight from the gateway give the same matrix.
    const { embed } = await gateway.graphql<{ embed: { embeddings: { values: number[] }[] } }>(
      'mutation($texts: [String!]!) { embed(input: { modelId: "amazon.titan-embed-text-v2:0", texts: $texts }) { embeddings { values } } }',
      { texts },
    );
    const vectors = embed.embeddings.map((e) => e.values);
    const cosine = (a: number[], b: number[]) =>
      a.reduce((sum, x, i) => sum + x * b[i]!, 0) /
      Math.sqrt(a.reduce((s, x) => s + x * x, 0) * b.reduce((s, x) => s + x * x, 0));
    for (let row = 0; row < 4; row++) {
      for (let column = 0; column < 4; column++) {
        expect(at(row, column)).toBeCloseTo(cosine(vectors[row]!, vectors[column]!), 3);
      }
      expect(at(row, row)).toBeCloseTo(1, 3);
    }
    // Texts sharing words are closer than unrelated ones (the emulator's feature hashing).
    expect(at(0, 1)).toBeGreaterThan(at(0, 2));
    expect(at(2, 3)).toBeGreaterThan(at(1, 3));
    expect(await page.getByTestId('embed-stats').textContent()).toMatch(/^1024 dimensions · \d+ tokens · \$/);
  });

  it('generates an image and shows the PNG with its seed', async () => {
    const { gateway, browser } = fixture();
    const page = await browser.open(gateway.origin, { key: ADMIN_KEY });
    await page.getByRole('link', { name: 'Images' }).click();
    await page.getByLabel('Seed').fill('1234');
    await page.getByRole('button', { name: 'Generate' }).click();
    const image = page.getByTestId('generated-image');
    await image.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="generated-image"]');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    const size = await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    expect(size).toEqual([512, 512]);
    expect(await page.getByTestId('image-seed').textContent()).toMatch(/^Seed: 1234\b/);

    // Deterministic: the gateway gives the same PNG for the same prompt and seed.
    const prompt = await page.getByLabel('Prompt').inputValue();
    const { generateImage } = await gateway.graphql<{ generateImage: { images: { base64: string }[] } }>(
      'mutation($prompt: String!) { generateImage(input: { modelId: "amazon.nova-canvas-v1:0", prompt: $prompt, width: 512, height: 512, seed: 1234 }) { images { base64 } } }',
      { prompt },
    );
    expect(await image.getAttribute('src')).toBe(`data:image/png;base64,${generateImage.images[0]!.base64}`);
  });

  it('shows what a pasted key may do and its usage by day, keeping the key out of the URL', async () => {
    const { gateway, browser } = fixture();
    const { createApiKey } = await gateway.graphql<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(input: { name: "checkout-frontend", operations: [INVOKE, EMBED], models: ["amazon.*"], requestsPerMinute: 600 }) { secret } }',
    );
    const secret = createApiKey.secret;
    await gateway.graphql(
      'mutation { embed(input: { modelId: "amazon.titan-embed-text-v2:0", texts: ["one", "two"] }) { usage { inputTokens } } }',
      {},
      secret,
    );

    const page = await browser.open(gateway.origin);
    await page.goto(`${gateway.origin}/playground#/keys`);
    // No key yet: the gateway says why.
    await page.getByTestId('error-code').filter({ hasText: 'UNAUTHENTICATED' }).waitFor();

    const main = page.getByRole('main');
    await main.getByLabel('API key').fill(secret);
    await main.getByRole('button', { name: 'Use key' }).click();
    await page.getByTestId('key-name').filter({ hasText: 'checkout-frontend' }).waitFor();
    expect(await page.getByTestId('key-operations').locator('.badge').allTextContents()).toEqual([
      'INVOKE',
      'EMBED',
    ]);
    expect(await page.getByTestId('key-models').textContent()).toBe('amazon.*');
    const today = new Date().toISOString().slice(0, 10);
    await page.locator(`[data-testid="usage-bar"][data-day="${today}"]`).waitFor();
    expect(await page.getByTestId('usage-calls').allTextContents()).toEqual(['1']);

    expect(page.url()).not.toContain(secret);
    expect(await page.evaluate(() => sessionStorage.getItem('quarry.apiKey'))).toBe(secret);
    // A reload keeps the key (session storage), and still shows the key's own rows only.
    await page.reload();
    await page.getByTestId('key-name').filter({ hasText: 'checkout-frontend' }).waitFor();
  });
});
