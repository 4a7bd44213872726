import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, startE2eEnvironment } from './browser.ts';

// Issue 8 "web hardening": every page carries a nonce-based Content-Security-Policy that refuses
// framing and foreign scripts, the app still hydrates under it, and API answers may load nothing.
let env: E2eEnvironment;
beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(() => env?.close());

const PAGES = ['/', '/sign-in'];

describe('security headers', () => {
  it.each(PAGES)('%s has a nonce CSP, no framing, no sniffing', async (path) => {
    const res = await fetch(`${env.baseUrl}${path}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // A fresh nonce on every response.
    const again = await fetch(`${env.baseUrl}${path}`);
    expect(again.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('gives every inline script the nonce and hydrates without a CSP violation', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${env.baseUrl}/sign-in`);
    const nonce = /'nonce-([^']+)'/.exec(response?.headers()['content-security-policy'] ?? '')?.[1];
    await page.waitForFunction(
      () => 'hydrated' in document.documentElement.dataset || (window as any).__reactRouterRouteModules,
    );
    const inlineScripts = await page.$$eval('script:not([src])', (scripts) => scripts.map((s) => s.nonce));
    expect(inlineScripts.length).toBeGreaterThan(0);
    expect(inlineScripts.every((n) => n === nonce)).toBe(true);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('lets API answers load nothing', async () => {
    const res = await fetch(`${env.baseUrl}/api/v1/conditions`);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security')).toBeNull(); // served over http here
  });
});
