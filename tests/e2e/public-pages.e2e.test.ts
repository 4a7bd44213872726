import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eEnvironment, findAccessibilityViolations, startE2eEnvironment } from './browser.ts';

let env: E2eEnvironment;
beforeAll(async () => {
  env = await startE2eEnvironment();
});
afterAll(() => env?.close());

const PAGES = [
  '/',
  '/conditions',
  '/conditions/nonspecific-low-back-pain',
  '/conditions/vertebral-compression-fracture',
  '/conditions/neck-pain',
  '/articles',
  '/articles?q=needles',
  '/articles?q=zzqx',
  '/articles/your-first-session',
  '/articles/acupuncture-in-pregnancy',
  '/checker',
  '/contact',
  '/contact?sent=1',
];

describe('public information pages', () => {
  it.each(PAGES)('axe-core finds no WCAG A/AA violations on %s', async (path) => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${env.baseUrl}${path}`);
    expect(response?.status()).toBe(200);
    expect(await findAccessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it.each(PAGES)('fits a 320 px wide screen without scrolling sideways: %s', async (path) => {
    const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}${path}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  it('answers an unknown condition or article with the not-found page', async () => {
    for (const path of ['/conditions/not-a-condition', '/articles/not-an-article']) {
      const res = await fetch(`${env.baseUrl}${path}`);
      expect(res.status).toBe(404);
    }
  });
});

describe('condition pages', () => {
  it('show the evidence, the guideline disagreement, red flags, references, review and next steps', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/conditions/nonspecific-low-back-pain`);
    for (const heading of [
      'How strong the evidence is',
      'Where experts disagree',
      'When to see a doctor instead',
      'References',
      'Related articles',
    ]) {
      await expect(page.getByRole('heading', { name: heading }).count()).resolves.toBe(1);
    }
    await expect(page.getByText('NICE NG59', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('complementary', { name: 'Not a diagnosis' }).textContent()).resolves.toMatch(
      /not a diagnosis.*call 911/,
    );
    await expect(page.getByRole('link', { name: 'What the evidence says' }).count()).resolves.toBe(1);
    await expect(page.locator('main a[href="/checker"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('main a[href="/book"]').count()).resolves.toBeGreaterThan(0);
    const jsonLd = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(jsonLd).toMatchObject({ '@type': 'MedicalWebPage', about: { '@type': 'MedicalCondition' } });
    await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(
      `${env.baseUrl}/conditions/nonspecific-low-back-pain`,
    );
    await context.close();
  });
});

describe('articles', () => {
  it('finds articles with the search box, without JavaScript', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/articles`);
    await page.getByLabel('Search articles').fill('pacemaker');
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Search' }).click()]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('pacemaker');
    await expect(page.locator('.article-list a').first().textContent()).resolves.toBe(
      'Pacemakers, implants and acupuncture',
    );
    await context.close();
  });

  it('holds a new comment for moderation instead of showing it', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/articles/aftercare`);
    await page.getByLabel('Name to show').fill('E2E Reader');
    await page.getByLabel('Your comment').fill('A comment that must wait for moderation.');
    await page.getByRole('button', { name: 'Send comment' }).click();
    await page.waitForURL((url) => url.searchParams.get('comment') === 'received');
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/reads every comment/);
    await expect(page.getByText('A comment that must wait for moderation.').count()).resolves.toBe(0);
    await context.close();
  });

  it('sends no client JavaScript with an article page (the page is complete as HTML)', async () => {
    const html = await (await fetch(`${env.baseUrl}/articles/your-first-session`)).text();
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    expect(html).not.toContain('modulepreload');
  });

  it('shows approved demo comments only', async () => {
    const html = await (await fetch(`${env.baseUrl}/articles/your-first-session`)).text();
    expect(html).toContain('Sam K.');
    const pending = await (await fetch(`${env.baseUrl}/articles/aftercare`)).text();
    expect(pending).not.toContain('Is it fine to go for a short walk');
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('lists the public pages, every condition and every published article', async () => {
    const res = await fetch(`${env.baseUrl}/sitemap.xml`);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const xml = await res.text();
    expect(xml).toContain(`<loc>${env.baseUrl}/conditions/sciatica-radiculopathy</loc><lastmod>`);
    expect(xml).toContain(`<loc>${env.baseUrl}/articles/your-first-session</loc>`);
    expect(xml).toContain(`<loc>${env.baseUrl}/checker</loc>`);
    expect(xml).not.toContain('/checker/result');
  });

  it('points crawlers at the sitemap and keeps them out of private areas', async () => {
    const res = await fetch(`${env.baseUrl}/robots.txt`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain(`Sitemap: ${env.baseUrl}/sitemap.xml`);
    for (const path of ['/api/', '/my-care', '/workspace', '/admin', '/checker/result']) {
      expect(text).toContain(`Disallow: ${path}`);
    }
  });
});

describe('home page', () => {
  it('describes the clinic with its opening hours as MedicalClinic JSON-LD', async () => {
    const html = await (await fetch(`${env.baseUrl}/`)).text();
    const match = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(html);
    const ld = JSON.parse(match?.[1] ?? '{}');
    expect(ld['@type']).toBe('MedicalClinic');
    expect(ld.openingHoursSpecification).toContainEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: 'https://schema.org/Monday',
      opens: '09:00',
      closes: '17:00',
    });
  });
});

describe('site header', () => {
  it('links to the public pages and marks the current one', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.baseUrl}/articles/cupping`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Conditions', 'Articles', 'Check symptoms', 'Contact']) {
      await expect(nav.getByRole('link', { name }).count()).resolves.toBe(1);
    }
    await expect(nav.getByRole('link', { name: 'Articles' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await context.close();
  });
});
