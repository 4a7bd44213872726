// The page cache for anonymous reading pages (server/http/page-cache.ts, issue 10) through the real
// app and the built site: what is kept, for whom, and when it is dropped. "Served from the cache" is
// shown by the request sending no database statement.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#db/client.server.ts';
import { runMigrations } from '#db/migrate.server.ts';
import { users } from '#db/schema/index.ts';
import { PAGE_CACHE_TTL_MS } from '#server/http/web.ts';
import { reviseArticle } from '#services/content/articles.ts';
import { seedArticlesOnce } from '#services/content/seed-articles.ts';
import { createChangeSignal, type ServiceContext } from '#services/context.ts';
import { loadDemoContent } from '#services/demo/demo-content.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { countQueries, type QueryCounter } from '#tests/setup/query-counter.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { createWebTestApp, sessionCookieFor } from '#tests/setup/web-test-app.ts';

const ARTICLE = '/articles/your-first-session';
const clock = createTestClock('2026-03-02T14:00:00Z');

let close: () => Promise<void>;
let services: ServiceContext;
let app: Awaited<ReturnType<typeof createWebTestApp>>;
let counter: QueryCounter;
let admin: { userId: string; role: 'admin' };

beforeAll(async () => {
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  close = () => handle.close();
  await runMigrations(handle);
  services = {
    ...createTestServices(Object.assign(handle, { label: 'pglite' as const }), clock),
    contentChanges: createChangeSignal(),
  };
  await loadDemoData(services);
  await loadDemoContent(services);
  await seedArticlesOnce(services);
  app = await createWebTestApp(services);
  counter = countQueries(services.db);
  const [row] = await services.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'admin@demo.test'));
  admin = { userId: row!.id, role: 'admin' };
});
afterAll(() => close?.());

type Visit = { status: number; headers: Headers; body: string; statements: number };

async function visit(path: string, headers: Record<string, string> = {}): Promise<Visit> {
  let res: Response | undefined;
  let body = '';
  const statements = await counter.during(async () => {
    res = await app.request(path, { headers });
    body = await res.text();
  });
  return { status: res!.status, headers: res!.headers, body, statements: statements.length };
}

/** The Cookie header a browser would send after this answer (name=value of each Set-Cookie). */
function cookiesFrom(v: Visit): string {
  return v.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

function csrfFieldOf(body: string): string | undefined {
  return body.match(/name="_csrf" value="([^"]*)"/)?.[1];
}

describe('page cache for anonymous reading pages', () => {
  it("serves an anonymous visitor's repeat request from memory, and no placeholder ever shows", async () => {
    const first = await visit(ARTICLE);
    const again = await visit(ARTICLE);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(first.statements).toBeGreaterThan(0);
    expect(again.statements).toBe(0);
    for (const v of [first, again]) {
      expect(v.body).not.toMatch(/placeholder/);
      expect(v.body).not.toMatch(/nonce=/);
    }
    const withoutToken = (body: string) => body.replace(/name="_csrf" value="[^"]*"/g, '');
    expect(withoutToken(again.body)).toBe(withoutToken(first.body));
  });

  it('gives every visitor the CSRF token of their own cookie, which only their cookie accepts', async () => {
    const a = await visit(ARTICLE);
    const b = await visit(ARTICLE);
    const tokenA = csrfFieldOf(a.body);
    const tokenB = csrfFieldOf(b.body);
    expect(tokenA).toMatch(/^[\w-]{20,}$/);
    expect(tokenB).toMatch(/^[\w-]{20,}$/);
    expect(tokenA).not.toBe(tokenB);
    expect(b.statements).toBe(0);

    const post = (cookie: string, token: string) =>
      app.request(ARTICLE, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        // The honeypot is filled, so an accepted post changes nothing.
        body: new URLSearchParams({ _csrf: token, authorName: 'A', body: 'Hello', website: 'x' }).toString(),
      });
    expect((await post(cookiesFrom(a), tokenA!)).status).toBe(302);
    expect((await post(cookiesFrom(b), tokenB!)).status).toBe(302);
    expect((await post(cookiesFrom(a), tokenB!)).status).toBe(403);

    // A returning visitor's kept page carries the token of the cookie they send.
    const returning = await visit(ARTICLE, { cookie: cookiesFrom(a) });
    expect(returning.statements).toBe(0);
    expect(csrfFieldOf(returning.body)).toBe(tokenA);
  });

  it('never serves a kept page to a signed-in viewer, nor keeps the page rendered for one', async () => {
    const [patient] = await services.db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(eq(users.email, 'patient1@demo.test'));
    const cookie = await sessionCookieFor(services, patient!.id);

    const anonymous = await visit('/conditions');
    const signedIn = await visit('/conditions', { cookie });
    expect(anonymous.body).not.toContain(patient!.name);
    expect(signedIn.statements).toBeGreaterThan(0);
    expect(signedIn.body).toContain(patient!.name);
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    expect(signedIn.headers.get('etag')).toBeNull();

    // Signed in first on a page nobody has asked for yet: the next anonymous visitor gets a page
    // rendered for them, without the patient's name.
    const firstSignedIn = await visit('/conditions/sciatica-radiculopathy', { cookie });
    const nextAnonymous = await visit('/conditions/sciatica-radiculopathy');
    expect(firstSignedIn.body).toContain(patient!.name);
    expect(nextAnonymous.statements).toBeGreaterThan(0);
    expect(nextAnonymous.body).not.toContain(patient!.name);
  });

  it("shows a published article's edit on the very next request", async () => {
    await visit('/articles/aftercare');
    expect((await visit('/articles/aftercare')).statements).toBe(0);
    await reviseArticle(services, admin, 'aftercare', { title: 'Aftercare, revised for the cache test' });
    const next = await visit('/articles/aftercare');
    expect(next.statements).toBeGreaterThan(0);
    expect(next.body).toContain('Aftercare, revised for the cache test');
  });

  it('answers 304 to the entity tag it gave, and 200 with a new tag once the page changed', async () => {
    const first = await visit('/articles/side-effects');
    const cookie = cookiesFrom(first);
    const mine = await visit('/articles/side-effects', { cookie });
    const tag = mine.headers.get('etag');
    expect(tag).toMatch(/^W\/".+"$/);
    const unchanged = await visit('/articles/side-effects', { cookie, 'if-none-match': tag! });
    expect([unchanged.status, unchanged.body]).toEqual([304, '']);
    // Another visitor's tag names another body (their token): no 304 for it.
    expect((await visit('/articles/side-effects', { 'if-none-match': tag! })).status).toBe(200);

    await reviseArticle(services, admin, 'side-effects', { reviewedOn: '2026-03-01' });
    const changed = await visit('/articles/side-effects', { cookie, 'if-none-match': tag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
  });

  it('lets shared caches keep a page without a form token, and only browsers one with a token', async () => {
    const cookie = cookiesFrom(await visit('/'));
    const conditions = await visit('/conditions', { cookie });
    expect(conditions.headers.get('cache-control')).toBe('public, max-age=60');
    expect(conditions.headers.get('vary')).toMatch(/\bCookie\b/);
    const article = await visit(ARTICLE, { cookie });
    expect(article.headers.get('cache-control')).toBe('private, max-age=60');
    // A first visit sets cookies: never for a shared cache.
    expect((await visit('/conditions')).headers.get('cache-control')).toBe('private, max-age=60');
    const sitemap = await visit('/sitemap.xml');
    expect(sitemap.headers.get('cache-control')).toBe('public, max-age=3600');
    expect((await visit('/sitemap.xml', { 'if-none-match': sitemap.headers.get('etag')! })).status).toBe(304);
  });

  it('renders again once the page has been kept for its time', async () => {
    await visit('/articles');
    expect((await visit('/articles')).statements).toBe(0);
    clock.advance(PAGE_CACHE_TTL_MS);
    expect((await visit('/articles')).statements).toBeGreaterThan(0);
  });

  it('never keeps pages that read a visitor cookie, need scripts, or have a query', async () => {
    for (const path of ['/contact', '/checker', '/articles?q=needles', `${ARTICLE}?comment=received`]) {
      await visit(path);
      const again = await visit(path);
      expect({ path, status: again.status }).toEqual({ path, status: 200 });
      expect({ path, statements: again.statements > 0 }).toEqual({ path, statements: true });
      expect(again.headers.get('etag')).toBeNull();
    }
  });
});
