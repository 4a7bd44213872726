// The node:http fast path for kept pages on its own: what it answers, and every request it leaves
// to Hono. That its answers equal Hono's, header for header, is shown against the real app and
// site build in tests/e2e/kept-page-fast-path.e2e.test.ts.
import { createHmac } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { ServerBuild } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '#services/logger.ts';
import { createKeptPageServer, type KeptPageServer } from './kept-page.ts';
import { createPageCache } from './page-cache.ts';
import { securityHeaders } from './security-headers.ts';
import { createVisitorSettings, readVisitor, type VisitRequest } from './visitor.ts';

const SECRET = 'kept-page-test-secret';
// `put` and `get` need no routes; a hand-made stand-in for the build's route manifest.
const build = { basename: '/', routes: {} } as unknown as ServerBuild;

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function startServer(serve: KeptPageServer): Promise<Server> {
  // Whatever the fast path leaves is answered 599 here, where Hono would answer in the real server.
  const server = createServer((req, res) => {
    if (serve(req, res)) return;
    res.writeHead(599);
    res.end('left to Hono');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

type RequestHeaders = Record<string, string | string[]>;

function send(server: Server, path: string, headers: RequestHeaders = {}, method = 'GET') {
  const { port } = server.address() as AddressInfo;
  return new Promise<Answer>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function setup(options: { https: boolean; readVisitor?: (request: VisitRequest) => never }) {
  const cache = createPageCache(build, { ttlMs: 10_000, maxEntries: 10, nowMs: () => 0 });
  const html = new Headers({ 'content-type': 'text/html' });
  cache.put(
    '/articles/a',
    'page',
    html,
    `<form><input name="_csrf" value="${cache.csrfPlaceholder}"></form>`,
  );
  cache.put('/conditions', 'page', html, '<p>Same for everyone – ü</p>');
  const errors: string[] = [];
  const log = { ...createLogger('silent'), error: (message: string) => void errors.push(message) };
  const settings = createVisitorSettings({ secure: options.https, secret: SECRET });
  const serve = createKeptPageServer({
    pageCache: cache,
    readVisitor: options.readVisitor ?? ((r) => readVisitor(r, settings)),
    securityHeaders: securityHeaders(options.https),
    log,
  });
  return { serve, errors };
}

let server: Server;
beforeAll(async () => {
  server = await startServer(setup({ https: false }).serve);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const cookieValue = (answer: Answer, name: string) =>
  ([] as string[])
    .concat(answer.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]
    ?.slice(name.length + 1);

describe('kept pages from node:http', () => {
  it("answers a new visitor with their token, cookies, nonce, tag, caching and the app's hardening", async () => {
    const answer = await send(server, '/articles/a');
    expect(answer.status).toBe(200);
    const seed = cookieValue(answer, 'bp_csrf')!;
    const token = createHmac('sha256', SECRET).update(`csrf:${seed}`).digest('base64url');
    expect(answer.body.toString()).toBe(`<form><input name="_csrf" value="${token}"></form>`);
    expect(answer.headers['content-length']).toBe(String(answer.body.length));
    expect(answer.headers).toMatchObject({
      'content-type': 'text/html',
      'cache-control': 'private, max-age=60',
      vary: 'Cookie, Accept-Encoding',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-frame-options': 'DENY',
    });
    expect(answer.headers.etag).toMatch(/^W\/"[\w-]+\.[\w-]+"$/);
    expect(answer.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[\w+/=]{20,}'/);
    expect(answer.headers['strict-transport-security']).toBeUndefined();
    const source = JSON.parse(Buffer.from(cookieValue(answer, 'bp_src')!, 'base64url').toString());
    expect(source).toEqual({ landingPage: '/articles/a' });
    const again = await send(server, '/articles/a');
    expect(again.headers['content-security-policy']).not.toBe(answer.headers['content-security-policy']);
  });

  it('lets a returning visitor without a form token share the page, and answers 304 to its tag', async () => {
    const first = await send(server, '/conditions');
    const cookie = `bp_csrf=${cookieValue(first, 'bp_csrf')}; bp_src=${cookieValue(first, 'bp_src')}`;
    const returning = await send(server, '/conditions', { cookie });
    expect(returning.headers['set-cookie']).toBeUndefined();
    expect(returning.headers['cache-control']).toBe('public, max-age=60');
    const unchanged = await send(server, '/conditions', {
      cookie,
      'if-none-match': String(returning.headers.etag),
    });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.length).toBe(0);
    expect(unchanged.headers['content-type']).toBeUndefined();
    expect(unchanged.headers.etag).toBe(returning.headers.etag);
  });

  it('gzips for a client that takes gzip, and leaves deflate to the compress middleware', async () => {
    const gzipped = await send(server, '/articles/a', { 'accept-encoding': 'gzip, deflate, br' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-length']).toBe(String(gzipped.body.length));
    expect(gunzipSync(gzipped.body).toString()).toMatch(
      /^<form><input name="_csrf" value="[\w-]{40,}"><\/form>$/,
    );
    expect(
      (await send(server, '/articles/a', { 'accept-encoding': 'br' })).headers['content-encoding'],
    ).toBeUndefined();
    expect((await send(server, '/articles/a', { 'accept-encoding': 'deflate' })).status).toBe(599);
    expect((await send(server, '/articles/a', { 'accept-encoding': 'gzip;q=0.5, deflate' })).status).toBe(
      599,
    );
  });

  it('counts an empty session cookie as none, as the Hono path does', async () => {
    expect((await send(server, '/articles/a', { cookie: 'bp_session=' })).status).toBe(200);
  });

  it.each<[string, string, RequestHeaders, string?]>([
    ['HEAD (Hono renders it)', '/articles/a', {}, 'HEAD'],
    ['a form post', '/articles/a', {}, 'POST'],
    ['a page not kept', '/articles/b', {}],
    ['a query string', '/articles/a?utm_source=news', {}],
    ['an empty query', '/articles/a?', {}],
    ['a percent-escape', '/articles/%61', {}],
    ['a dot segment', '/articles/../articles/a', {}],
    ['a session cookie', '/articles/a', { cookie: 'bp_session=abc' }],
    ['a repeated Referer', '/articles/a', { referer: ['https://a.example/', 'https://b.example/'] }],
    ['a Host the URL parser rewrites', '/articles/a', { host: 'Clinic.Example' }],
    ['a Host the adapter refuses', '/articles/a', { host: 'a b' }],
  ])('leaves %s to Hono', async (_name, path, headers, method) => {
    expect((await send(server, path, headers, method)).status).toBe(599);
  });

  it('falls back to Hono, and logs, if building the answer throws', async () => {
    const failing = setup({
      https: false,
      readVisitor: () => {
        throw new Error('boom');
      },
    });
    const other = await startServer(failing.serve);
    try {
      expect((await send(other, '/articles/a')).status).toBe(599);
      expect(failing.errors).toEqual(['kept-page fast path failed']);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });

  it('says Strict-Transport-Security and sets Secure cookies when served over https', async () => {
    const secure = await startServer(setup({ https: true }).serve);
    try {
      const answer = await send(secure, '/articles/a');
      expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      for (const cookie of answer.headers['set-cookie'] ?? []) expect(cookie).toMatch(/; Secure\b/);
    } finally {
      await new Promise<void>((resolve) => secure.close(() => resolve()));
    }
  });
});
