import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#db/client.server.ts';
import { listContactMessages } from '#services/content/contact-messages.ts';
import { systemClock } from '#services/context.ts';
import { createLogger } from '#services/logger.ts';
import { type E2eEnvironment, findAccessibilityViolations, startE2eEnvironment } from './browser.ts';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(() => env?.close());

const REAL_MESSAGE = 'Do you have appointments before work? (e2e real message)';
const SPAM_MESSAGE = 'Cheap watches (e2e spam message)';

async function fillContactForm(page: import('playwright-core').Page, message: string) {
  await page.getByLabel('Your name').fill('Test Visitor');
  await page.getByLabel('Email address').fill('visitor@example.com');
  await page.getByLabel('Booking or changing a visit').check();
  await page.getByLabel('Your message').fill(message);
}

describe('the contact form', () => {
  it('stores a real message with the page the visit landed on and its campaign tags', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    // The visit starts from a campaign link on another page; the contact form comes later.
    await page.goto(`${env.baseUrl}/conditions/neck-pain?utm_source=e2e-newsletter&utm_campaign=winter`);
    await page.goto(`${env.baseUrl}/contact`);
    await expect(page.locator('input[type=hidden][name=landingPage]').inputValue()).resolves.toBe(
      '/conditions/neck-pain?utm_source=e2e-newsletter&utm_campaign=winter',
    );
    await fillContactForm(page, REAL_MESSAGE);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.waitForURL((url) => url.searchParams.get('sent') === '1');
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/message has been sent/);
    await context.close();
  });

  it('answers a bot that fills the hidden honeypot as if it worked, without JavaScript', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/contact`);
    await fillContactForm(page, SPAM_MESSAGE);
    // People never see or reach this field; a bot fills every input it finds.
    await page.locator('input[name=website]').fill('http://spam.example', { force: true });
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Send message' }).click()]);
    expect(new URL(page.url()).searchParams.get('sent')).toBe('1');
    await context.close();
  });

  it('shows each mistake beside its field and keeps what was typed', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/contact`);
    await page.getByLabel('Your name').fill('Test Visitor');
    await page.getByLabel('Email address').fill('not-an-email');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('#email-error').waitFor();
    await expect(page.locator('#email-error').textContent()).resolves.toMatch(/email address/);
    await expect(page.locator('#message-error').count()).resolves.toBe(1);
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Test Visitor');
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('limits how many messages one address can send in a short time', async () => {
    const page = await fetch(`${env.baseUrl}/contact`);
    const csrfCookie = (page.headers.get('set-cookie') ?? '').match(/bp_csrf=[^;]+/)?.[0] ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${env.baseUrl}/contact`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
        body: new URLSearchParams({
          _csrf: token,
          name: 'Flood',
          email: 'flood@example.com',
          subject: 'other',
          message: `Flood ${i}`,
          website: 'x',
        }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Five a window per address, whatever was sent before in this file.
    expect(statuses.at(-1)).toBe(429);
  });

  it('keeps the real message in the staff inbox and nothing from the bot', async () => {
    await env.server.stop();
    if (env.config.database.kind !== 'pglite') throw new Error('expected the embedded database');
    const handle = await openDatabase({ kind: 'pglite', dataDir: env.config.database.dataDir });
    try {
      const inbox = await listContactMessages({
        db: handle.db,
        clock: systemClock,
        config: env.config,
        log: createLogger('silent'),
      });
      const real = inbox.filter((m) => m.message === REAL_MESSAGE);
      expect(real).toHaveLength(1);
      expect(real[0]).toMatchObject({
        name: 'Test Visitor',
        email: 'visitor@example.com',
        subject: 'booking',
        status: 'new',
        source: {
          landingPage: '/conditions/neck-pain?utm_source=e2e-newsletter&utm_campaign=winter',
          utmSource: 'e2e-newsletter',
          utmCampaign: 'winter',
        },
      });
      expect(inbox.some((m) => m.message === SPAM_MESSAGE || m.message.startsWith('Flood'))).toBe(false);
    } finally {
      await handle.close();
    }
  });
});
