import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, findAccessibilityViolations, startE2eEnvironment } from './browser.ts';

// Issue 7: an article edited and published by an admin appears on the public site with its new
// reviewed date; unpublished, it is gone.
let env: E2eEnvironment;
beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(() => env?.close());

describe('editing articles', () => {
  it('publishes an edit that the public page shows at once, with the new reviewed date', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/sign-in?redirectTo=/admin/articles`);
    await page.getByLabel('Email address').fill('admin@demo.test');
    await page.getByLabel('Password').fill('backpoint-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/articles$/);
    // Sign-in navigates in the page: the address changes before the list is drawn.
    await page.getByRole('heading', { level: 2, name: 'Articles', exact: true }).waitFor();
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await page
      .getByRole('link', { name: /aftercare/i })
      .first()
      .click();
    await page.waitForURL(/\/admin\/articles\/[a-z0-9-]+$/);
    const slug = new URL(page.url()).pathname.split('/').pop()!;
    // The list and the editor share the page's heading; the editor's own heading says it is drawn.
    await page.getByRole('heading', { level: 2, name: /^Edit “/ }).waitFor();
    expect(await findAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Title').fill('After your acupuncture session: what to expect');
    await page.getByLabel('Reviewed on').fill('2026-11-20');
    await page.getByLabel('Reviewed by').fill('Mei-Lin Chen, L.Ac.');
    await page.getByLabel(/Published/).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/saved=1/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Saved');

    const visitor = await env.browser.newContext();
    const publicPage = await visitor.newPage();
    await publicPage.goto(`${env.baseUrl}/articles/${slug}`);
    await expect(publicPage.locator('h1').textContent()).resolves.toBe(
      'After your acupuncture session: what to expect',
    );
    await expect(publicPage.locator('main').textContent()).resolves.toContain(
      'Reviewed November 20, 2026 by Mei-Lin Chen, L.Ac.',
    );

    // Back to draft: the public page is gone. The editor is opened afresh first: the address
    // already ends in ?saved=1 and "Saved." is already shown, so neither could tell that this
    // second save has finished.
    await page.goto(`${env.baseUrl}/admin/articles/${slug}`);
    await page.getByLabel(/Draft/).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/saved=1/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Saved');
    const gone = await publicPage.goto(`${env.baseUrl}/articles/${slug}`);
    expect(gone?.status()).toBe(404);
    await visitor.close();
    await context.close();
  });

  it('keeps what was typed and says what is wrong when a field is invalid', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/sign-in?redirectTo=/admin/articles`);
    await page.fill('#email', 'admin@demo.test');
    await page.fill('#password', 'backpoint-demo-2026');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await page.locator('table a').first().click();
    await page.fill('#title', 'A new title that stays');
    await page.fill('#reviewer', '');
    await page.locator('#reviewer').evaluate((el) => el.removeAttribute('required'));
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Save' }).click()]);
    await expect(page.locator('#reviewer-error').textContent()).resolves.toContain('reviewed');
    await expect(page.locator('#title').inputValue()).resolves.toBe('A new title that stays');
    await context.close();
  });
});
