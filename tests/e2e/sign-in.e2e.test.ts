import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, findAccessibilityViolations, startE2eEnvironment } from './browser.ts';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(() => env?.close());

describe('signing in through the browser', () => {
  it('signs patient1 in through the form and shows their name', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('patient1@demo.test');
    await page.getByLabel('Password').fill('backpoint-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await expect(page.locator('.account__who').textContent()).resolves.toContain('Alex Rivera');
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'bp_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    await context.close();
  });

  it('signs in without JavaScript too (the form posts)', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/sign-in`);
    await page.fill('#email', 'patient2@demo.test');
    await page.fill('#password', 'backpoint-demo-2026');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await expect(page.locator('.account__who').textContent()).resolves.toContain('Priya Natarajan');
    await context.close();
  });

  it('keeps the email and says what went wrong after a wrong password', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('patient3@demo.test');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/do not match/);
    await expect(page.getByLabel('Email address').inputValue()).resolves.toBe('patient3@demo.test');
    await context.close();
  });

  it('signs out and forgets the session', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/sign-in`);
    await page.getByLabel('Email address').fill('patient4@demo.test');
    await page.getByLabel('Password').fill('backpoint-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${env.baseUrl}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('link', { name: 'Sign in' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('refuses a form posted without its CSRF token', async () => {
    const res = await fetch(`${env.baseUrl}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=patient1%40demo.test&password=backpoint-demo-2026',
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie') ?? '').not.toContain('bp_session=');
  });
});

describe('accessibility', () => {
  it.each(['/', '/sign-in'])('axe-core finds no WCAG A/AA violations on %s', async (path) => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}${path}`);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
