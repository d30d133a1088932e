import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useGatewayAndBrowser } from './support/fixture';
import { ADMIN_KEY } from './support/gateway';
import { until } from './support/wait';

// Tokens paced like a slow model, so a stream visibly takes a moment.
const fixture = useGatewayAndBrowser({ firstTokenMs: 100, tokensPerSecond: 25 });

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const NOVA_MICRO = 'amazon.nova-micro-v1:0';

async function openChat(): Promise<Page> {
  const { gateway, browser } = fixture();
  const page = await browser.open(gateway.origin, { key: ADMIN_KEY });
  await page.getByRole('link', { name: 'Chat', exact: true }).click();
  await page.locator(`select:has(option[value="${NOVA_MICRO}"])`).waitFor();
  return page;
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

const assistant = (page: Page, status: string) =>
  page.locator(`[data-testid="message"][data-role="ASSISTANT"][data-status="${status}"]`);

describe('the chat view', () => {
  it('streams an answer over graphql-ws: tokens show before the end, then usage, latency and cost', async () => {
    const page = await openChat();
    await send(page, 'Tell me about rivers and the sea');
    const live = assistant(page, 'STREAMING').getByTestId('message-text');
    await live.filter({ hasText: /\S/ }).waitFor();
    const early = (await live.textContent()) ?? '';
    expect(early.length).toBeGreaterThan(0);
    // The stream is still open while those tokens are on screen.
    await page.getByRole('button', { name: 'Stop' }).waitFor();

    const done = assistant(page, 'COMPLETE');
    await done.waitFor({ timeout: 60_000 });
    const final = (await done.getByTestId('message-text').textContent()) ?? '';
    expect(final.startsWith(early)).toBe(true);
    expect(final.length).toBeGreaterThan(early.length);
    expect(await done.getByTestId('reply-stats').textContent()).toMatch(
      /\d+ in · \d+ out · \$[\d.e-]+ · [\d.]+ m?s · END_TURN/,
    );
    await page.getByRole('button', { name: 'Send' }).waitFor();
  });

  it('refuses the settings the model refuses, with the gateway’s own messages', async () => {
    const { gateway } = fixture();
    const page = await openChat();
    await page.getByLabel('Max tokens').fill('999999');
    await page.getByLabel('Temperature').fill('1.5');
    const refusal = async (input: Record<string, unknown>) => {
      const response = await fetch(`${gateway.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_KEY}` },
        body: JSON.stringify({
          query: 'mutation($input: InvokeInput!) { invoke(input: $input) { text } }',
          variables: { input: { modelId: HAIKU, prompt: 'Hi', ...input } },
        }),
      });
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
      return body.errors[0]!.message;
    };
    await page.getByTestId('max-tokens-problem').filter({ hasText: /\S/ }).waitFor();
    expect(await page.getByTestId('max-tokens-problem').textContent()).toBe(
      await refusal({ maxTokens: 999999 }),
    );
    expect(await page.getByTestId('temperature-problem').textContent()).toBe(
      await refusal({ temperature: 1.5 }),
    );
    await page.getByLabel('Message').fill('Hello');
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);

    await page.getByLabel('Max tokens').fill('64');
    await page.getByLabel('Temperature').fill('0.5');
    await page.getByTestId('max-tokens-problem').filter({ hasText: /^$/ }).waitFor({ state: 'attached' });
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(false);
  });

  it('Stop ends the stream and the gateway cancels the upstream one', async () => {
    const { gateway } = fixture();
    // Every frame of this model's streams waits 1.5 s: left alone, an answer takes half a minute or more.
    const rule = gateway.emulator.faults.add({ modelId: NOVA_MICRO, fault: 'slow;delay-ms=1500' });
    try {
      const page = await openChat();
      await page.getByLabel('Model').selectOption(NOVA_MICRO);
      await send(page, 'Describe a long journey');
      await assistant(page, 'STREAMING')
        .getByTestId('message-text')
        .filter({ hasText: /\S/ })
        .waitFor({ timeout: 60_000 });
      expect(gateway.emulator.stats.snapshot().activeStreams).toBe(1);

      await page.getByRole('button', { name: 'Stop' }).click();
      await assistant(page, 'INTERRUPTED').waitFor();
      // The emulator sees its stream cancelled long before the answer could have finished.
      await until(
        () => gateway.emulator.stats.snapshot().activeStreams === 0,
        'the upstream stream to close',
        20_000,
      );

      // The gateway kept the partial answer as INTERRUPTED: a reload shows it so.
      await until(async () => {
        const { conversations } = await gateway.graphql<{
          conversations: { messages: { role: string; status: string }[] }[];
        }>('{ conversations(first: 1) { messages { role status } } }');
        return conversations[0]?.messages.at(-1)?.status === 'INTERRUPTED';
      }, 'the answer to be stored as INTERRUPTED');
      await page.reload();
      await assistant(page, 'INTERRUPTED').waitFor();
    } finally {
      gateway.emulator.faults.remove(rule);
    }
  });

  it('resumes a conversation after a reload and switches its model mid-conversation', async () => {
    const { gateway } = fixture();
    const page = await openChat();
    await send(page, 'What is a glacier');
    await assistant(page, 'COMPLETE').waitFor({ timeout: 60_000 });
    const first = await assistant(page, 'COMPLETE').getByTestId('message-text').textContent();
    await page.waitForURL(/#\/chat\/.+/);
    const id = decodeURIComponent(page.url().split('#/chat/')[1]!);

    await page.reload();
    await assistant(page, 'COMPLETE').waitFor();
    expect(await assistant(page, 'COMPLETE').getByTestId('message-text').textContent()).toBe(first);
    await page.getByTestId('conversation-link').filter({ hasText: 'What is a glacier' }).waitFor();

    // A fresh page finds it in the sidebar too.
    const other = await openChat();
    await other.getByTestId('conversation-link').filter({ hasText: 'What is a glacier' }).click();
    await assistant(other, 'COMPLETE').waitFor();

    await page.getByLabel('Model').selectOption(NOVA_MICRO);
    await until(async () => {
      const { conversation } = await gateway.graphql<{ conversation: { modelId: string } }>(
        'query($id: ID!) { conversation(id: $id) { modelId } }',
        { id },
      );
      return conversation.modelId === NOVA_MICRO;
    }, 'the model switch to be saved');
    await send(page, 'And an iceberg?');
    await page.locator('[data-role="ASSISTANT"][data-status="COMPLETE"]').nth(1).waitFor({ timeout: 60_000 });
    const models = await assistant(page, 'COMPLETE').getByTestId('message-model').allTextContents();
    expect(models).toEqual([HAIKU, NOVA_MICRO]);
  });

  it('shows an emulator fault the way the gateway reports it, with a retry countdown', async () => {
    const { gateway } = fixture();
    const rule = gateway.emulator.faults.add({ modelId: HAIKU, fault: 'throttle;retry-after-ms=2500' });
    let removed = false;
    try {
      const page = await openChat();
      await send(page, 'Will this be throttled');
      const error = page.getByTestId('error');
      await error.waitFor({ timeout: 60_000 });
      expect(await error.getByTestId('error-code').textContent()).toBe('THROTTLED');
      expect(await error.getByTestId('error-message').textContent()).toMatch(/\S/);
      await error
        .getByTestId('retry-countdown')
        .filter({ hasText: /^Retry in \d+ s$/ })
        .waitFor();
      expect(await error.getByRole('button', { name: 'Retry' }).isDisabled()).toBe(true);
      await error.getByTestId('retry-countdown').filter({ hasText: 'You may retry now' }).waitFor();

      gateway.emulator.faults.remove(rule);
      removed = true;
      await error.getByRole('button', { name: 'Retry' }).click();
      await assistant(page, 'COMPLETE').waitFor({ timeout: 60_000 });
      await error.waitFor({ state: 'detached' });
    } finally {
      if (!removed) gateway.emulator.faults.remove(rule);
    }
  });

  it('shows the tool calls a model makes, and answers them with the next turn', async () => {
    const page = await openChat();
    await page.getByLabel('Offer a demo tool (get_weather)').check();
    await send(page, 'What is the weather in Paris today');
    const call = assistant(page, 'COMPLETE').getByTestId('tool-call');
    await call.waitFor({ timeout: 60_000 });
    expect(await call.textContent()).toMatch(/get_weather[\s\S]*"city"/);
    expect(await assistant(page, 'COMPLETE').getByTestId('reply-stats').textContent()).toMatch(/TOOL_USE$/);

    // The next send carries the tool's (demo) result; the model then answers in text.
    await send(page, 'Thanks');
    await assistant(page, 'COMPLETE').nth(1).waitFor({ timeout: 60_000 });
    expect(await assistant(page, 'COMPLETE').nth(1).getByTestId('reply-stats').textContent()).toMatch(
      /END_TURN$/,
    );
  });

  it('is keyboard-usable and readable on a narrow screen', async () => {
    const { gateway, browser } = fixture();
    const page = await browser.open(gateway.origin, { key: ADMIN_KEY, width: 360 });
    await page
      .getByTestId('model-count')
      .filter({ hasText: /^\d+ models$/ })
      .waitFor();
    const overflows = () =>
      page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(await overflows()).toBe(false);

    // Tab to the Chat link and follow it with Enter; Ctrl+Enter sends from the message box.
    const chat = page.getByRole('link', { name: 'Chat', exact: true });
    for (let i = 0; i < 10 && !(await chat.evaluate((link) => link === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await chat.evaluate((link) => link === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByLabel('Message').waitFor();
    await page.locator(`select:has(option[value="${NOVA_MICRO}"])`).waitFor();
    await page.getByLabel('Message').focus();
    await page.keyboard.type('Hello from the keyboard');
    await page.keyboard.press('Control+Enter');
    await assistant(page, 'COMPLETE').waitFor({ timeout: 60_000 });
    expect(await overflows()).toBe(false);
  });
});
