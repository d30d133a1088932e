import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface TestBrowser {
  /** A fresh context (its own session storage) with `key` already pasted, or none. */
  open(origin: string, options?: { readonly key?: string; readonly width?: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, driven by playwright-core; nothing it does reaches the network.
 * playwright gives every launch a fresh temporary profile of its own.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    async open(origin, options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1280, height: 900 },
      });
      context.setDefaultTimeout(30_000);
      contexts.push(context);
      if (options.key !== undefined) {
        await context.addInitScript((key: string) => {
          if (sessionStorage.getItem('quarry.apiKey') === null) sessionStorage.setItem('quarry.apiKey', key);
        }, options.key);
      }
      const page = await context.newPage();
      await page.goto(`${origin}/playground`);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}
