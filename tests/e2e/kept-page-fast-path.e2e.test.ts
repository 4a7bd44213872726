// The node:http fast path for kept pages (server/http/kept-page.ts, issue 10) answers exactly as
// the Hono path does. Two servers share one app and one page cache: one with the production
// listener (fast path first), one with Hono alone. Each request goes to both, and the answers are
// compared header by header and body by body, with only the per-answer random values (CSP nonce,
// a new visitor's CSRF seed and what derives from it) and the framing (chunked or Content-Length)
// left out.
import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#db/client.server.ts';
import { runMigrations } from '#db/migrate.server.ts';
import { createHttpSurface } from '#server/http/app.ts';
import { createNodeListener, type KeptPageServer } from '#server/http/kept-page.ts';
import { seedArticlesOnce } from '#services/content/seed-articles.ts';
import { createChangeSignal, type ServiceContext } from '#services/context.ts';
import { loadDemoContent } from '#services/demo/demo-content.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { loadSiteBuild } from '#tests/setup/web-test-app.ts';

const ARTICLE = '/articles/your-first-session';
const HOST = 'clinic.test:5173';

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };
type Servers = { fast: Server; hono: Server; fastAnswers: () => number };

let close: () => Promise<void>;
let services: ServiceContext;
const running: Server[] = [];

beforeAll(async () => {
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  close = () => handle.close();
  await runMigrations(handle);
  services = {
    ...createTestServices(
      Object.assign(handle, { label: 'pglite' as const }),
      createTestClock('2026-03-02T14:00:00Z'),
    ),
    contentChanges: createChangeSignal(),
  };
  await loadDemoData(services);
  await loadDemoContent(services);
  await seedArticlesOnce(services);
});
afterAll(async () => {
  await Promise.all(running.map((s) => new Promise((resolve) => s.close(resolve))));
  await close?.();
});

async function startServers(publicUrl: string): Promise<Servers> {
  const surface = createHttpSurface(
    {
      services: { ...services, config: { ...services.config, publicUrl } },
      isDatabaseReady: async () => true,
    },
    { web: await loadSiteBuild(), software: { version: 'test', releaseDate: '2026-11-25' } },
  );
  let served = 0;
  const counting: KeptPageServer = (req, res) => {
    const answered = surface.serveKeptPage!(req, res);
    if (answered) served += 1;
    return answered;
  };
  const listen = (server: Server) =>
    new Promise<Server>((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
  const fast = await listen(createServer(createNodeListener(surface.app.fetch, counting, '127.0.0.1')));
  const hono = await listen(createServer(createNodeListener(surface.app.fetch, null, '127.0.0.1')));
  running.push(fast, hono);
  return { fast, hono, fastAnswers: () => served };
}

function send(server: Server, path: string, headers: Record<string, string | string[]>, method = 'GET') {
  const { port } = server.address() as AddressInfo;
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { host: HOST, ...headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const encoding = res.headers['content-encoding'];
          const body =
            encoding === 'gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : raw;
          resolve({ status: res.statusCode!, headers: res.headers, body: body.toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** An answer without what is random per answer, or per new CSRF seed, and without the framing. */
function comparable(answer: Answer) {
  const newSeed = (answer.headers['set-cookie'] ?? []).some((c) => c.startsWith('bp_csrf='));
  const headers: Record<string, unknown> = { ...answer.headers };
  for (const name of ['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']) {
    delete headers[name];
  }
  const nonceFree = (csp: unknown) => String(csp).replace(/'nonce-[^']+'/, "'nonce-…'");
  headers['content-security-policy'] = nonceFree(headers['content-security-policy']);
  let body = answer.body.replace(/ nonce="[^"]+"/g, ' nonce="…"');
  if (newSeed) {
    headers['set-cookie'] = answer.headers['set-cookie']?.map((c) =>
      c.replace(/^bp_csrf=[^;]+/, 'bp_csrf=…'),
    );
    if (typeof headers.etag === 'string') headers.etag = headers.etag.replace(/\.[\w-]+"$/, '.…"');
    body = body.replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value="…"');
  }
  return { status: answer.status, headers, body };
}

const cookiesOf = (answer: Answer) =>
  (answer.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');

describe.each(['http://clinic.test:5173', 'https://clinic.example'])('served as %s', (publicUrl) => {
  let servers: Servers;
  let returning: string;
  let returningTag: string;

  beforeAll(async () => {
    servers = await startServers(publicUrl);
    // The first request of each page renders it through Hono and keeps it.
    for (const path of [ARTICLE, '/', '/conditions', '/sitemap.xml', '/robots.txt']) {
      expect((await send(servers.hono, path, {})).status).toBe(200);
    }
    const first = await send(servers.hono, ARTICLE, {});
    returning = cookiesOf(first);
    returningTag = String((await send(servers.hono, ARTICLE, { cookie: returning })).headers.etag);
  });

  /** Sends to both servers; `fast` says whether the fast path must have answered. */
  async function expectSameAnswer(
    path: string,
    headers: Record<string, string | string[]>,
    options: { fast: boolean; method?: string },
  ) {
    const before = servers.fastAnswers();
    const viaHono = await send(servers.hono, path, headers, options.method);
    const viaFast = await send(servers.fast, path, headers, options.method);
    expect(servers.fastAnswers() - before).toBe(options.fast ? 1 : 0);
    expect(comparable(viaFast)).toEqual(comparable(viaHono));
    return { viaHono, viaFast };
  }

  const cases: Array<[string, string, () => Record<string, string | string[]>]> = [
    ['a new visitor', ARTICLE, () => ({})],
    ['a returning visitor', ARTICLE, () => ({ cookie: returning })],
    ['a visitor with only the CSRF cookie', ARTICLE, () => ({ cookie: returning.split('; ')[0]! })],
    ['a visitor with a malformed CSRF cookie', ARTICLE, () => ({ cookie: 'bp_csrf=short' })],
    ['their own tag (304)', ARTICLE, () => ({ cookie: returning, 'if-none-match': returningTag })],
    [
      'their tag in a list (304)',
      ARTICLE,
      () => ({ cookie: returning, 'if-none-match': `"x", ${returningTag}` }),
    ],
    ['If-None-Match: * (304)', ARTICLE, () => ({ 'if-none-match': '*' })],
    ["another visitor's tag", ARTICLE, () => ({ 'if-none-match': returningTag })],
    ['gzip', ARTICLE, () => ({ 'accept-encoding': 'gzip' })],
    [
      'a browser (gzip, deflate, br, zstd)',
      ARTICLE,
      () => ({ 'accept-encoding': 'gzip, deflate, br, zstd', cookie: returning }),
    ],
    ['br only', ARTICLE, () => ({ 'accept-encoding': 'br' })],
    ['gzip refused', ARTICLE, () => ({ 'accept-encoding': 'gzip;q=0, identity' })],
    ['any encoding', ARTICLE, () => ({ 'accept-encoding': '*' })],
    [
      'gzip and their own tag',
      ARTICLE,
      () => ({ 'accept-encoding': 'gzip', cookie: returning, 'if-none-match': returningTag }),
    ],
    ['a link from another site', ARTICLE, () => ({ referer: 'https://search.example/q?x=1' })],
    ['a link from our own site', ARTICLE, () => ({ referer: `http://${HOST}/` })],
    [
      'a link from another site, source known',
      ARTICLE,
      () => ({ referer: 'https://search.example/', cookie: returning }),
    ],
    ['an empty session cookie', ARTICLE, () => ({ cookie: 'bp_session=' })],
    ['the home page', '/', () => ({})],
    ['conditions, returning (shared caching)', '/conditions', () => ({ cookie: returning })],
    ['conditions, gzip', '/conditions', () => ({ cookie: returning, 'accept-encoding': 'gzip' })],
    ['the sitemap', '/sitemap.xml', () => ({})],
    ['the sitemap, gzip', '/sitemap.xml', () => ({ 'accept-encoding': 'gzip' })],
    ['robots.txt, returning', '/robots.txt', () => ({ cookie: returning })],
  ];
  it.each(cases)('answers %s alike, from the fast path', async (_name, path, headers) => {
    await expectSameAnswer(path, headers(), { fast: true });
  });

  it('carries the hardening headers, Secure cookies over https, and a fresh nonce', async () => {
    const { viaFast } = await expectSameAnswer(ARTICLE, {}, { fast: true });
    expect(viaFast.headers['x-frame-options']).toBe('DENY');
    const https = publicUrl.startsWith('https://');
    expect(viaFast.headers['strict-transport-security']).toBe(
      https ? 'max-age=31536000; includeSubDomains' : undefined,
    );
    for (const cookie of viaFast.headers['set-cookie'] ?? []) expect(/; Secure\b/.test(cookie)).toBe(https);
    const again = await send(servers.fast, ARTICLE, {});
    expect(again.headers['content-security-policy']).not.toBe(viaFast.headers['content-security-policy']);
  });

  const leftToHono: Array<[string, string, () => Record<string, string | string[]>, string?]> = [
    ['HEAD', ARTICLE, () => ({}), 'HEAD'],
    ['deflate', ARTICLE, () => ({ 'accept-encoding': 'deflate' })],
    ['a query string', `${ARTICLE}?utm_source=news`, () => ({})],
    ['a session cookie', ARTICLE, () => ({ cookie: 'bp_session=expired-or-unknown' })],
    ['a repeated Referer', ARTICLE, () => ({ referer: ['https://a.example/', 'https://b.example/'] })],
    ['a page not kept', '/contact', () => ({})],
  ];
  it.each(leftToHono)('leaves %s to Hono', async (_name, path, headers, method) => {
    await expectSameAnswer(path, headers(), { fast: false, ...(method ? { method } : {}) });
  });
});
