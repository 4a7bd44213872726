// Database statements per request for the main pages (issue 10: "count them — no N+1"), through
// the real app with the built site, for the e2e test and `npm run bench`.
import { eq } from 'drizzle-orm';
import { users } from '#db/schema/index.ts';
import type { ServiceContext } from '#services/context.ts';
import type { QueryCounter } from './query-counter.ts';
import { sessionCookieFor } from './web-test-app.ts';

export type PageViewer = 'anonymous' | 'patient' | 'practitioner';
export type PageVisit = { label: string; path: string; viewer: PageViewer };
export type PageQueries = PageVisit & { status: number; queries: number; statements: string[] };

type RequestingApp = { request(path: string, init?: RequestInit): Response | Promise<Response> };

/** The main pages of issue 10, each as the viewer who would normally see it. */
export function mainPages(articleSlug: string): PageVisit[] {
  return [
    { label: 'home', path: '/', viewer: 'anonymous' },
    { label: 'condition page', path: '/conditions/sciatica-radiculopathy', viewer: 'anonymous' },
    { label: 'article page', path: `/articles/${articleSlug}`, viewer: 'anonymous' },
    { label: 'checker', path: '/checker', viewer: 'anonymous' },
    { label: 'booking', path: '/book', viewer: 'anonymous' },
    { label: 'my care (patient)', path: '/my-care', viewer: 'patient' },
    { label: 'workspace (practitioner)', path: '/workspace', viewer: 'practitioner' },
  ];
}

/** Session cookies of the demo clinic's first patient and first practitioner (CONTRACT.md §2). */
export async function demoSessionCookies(services: ServiceContext): Promise<Record<PageViewer, string>> {
  const idOf = async (email: string) => {
    const [row] = await services.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!row) throw new Error(`no demo user ${email}`);
    return row.id;
  };
  return {
    anonymous: '',
    patient: await sessionCookieFor(services, await idOf('patient1@demo.test')),
    practitioner: await sessionCookieFor(services, await idOf('practitioner1@demo.test')),
  };
}

/** GETs `path` as the viewer and returns the statements the request sent (the body read to the end). */
export async function statementsOfRequest(
  app: RequestingApp,
  counter: QueryCounter,
  path: string,
  cookie: string,
): Promise<{ status: number; statements: string[] }> {
  let status = 0;
  const statements = await counter.during(async () => {
    const res = await app.request(path, cookie ? { headers: { cookie } } : {});
    status = res.status;
    await res.text();
  });
  return { status, statements };
}

export async function countPageQueries(
  app: RequestingApp,
  counter: QueryCounter,
  cookies: Record<PageViewer, string>,
  pages: readonly PageVisit[],
): Promise<PageQueries[]> {
  const found: PageQueries[] = [];
  for (const page of pages) {
    const { status, statements } = await statementsOfRequest(app, counter, page.path, cookies[page.viewer]);
    found.push({ ...page, status, queries: statements.length, statements });
  }
  return found;
}
