// Answers from the page cache (page-cache.ts) for one visitor, and the fast path that gives those
// answers straight from node:http, before Hono (issue 10, docs/PERFORMANCE.md).
//
// A kept page's answer is cheap, but through Hono it cost about 140 µs of framework work: Web
// `Headers` and `Response` objects, four middlewares, the Node adapter. The fast path writes the
// same answer with `res.writeHead`/`res.end`. It is the same answer because it is built by the same
// functions: `readVisitor` (cookies, CSRF token, visit source, nonce), `answerKeptPage` (ETag/304,
// caching, cookies, CSP) and `securityHeaders` (what app.ts's middleware adds). What the fast path
// does itself is what Hono's compress middleware would do (gzip, from a per-page template) and the
// framing (Content-Length rather than chunks). Anything it is not sure to answer identically, it
// leaves to Hono: not GET (HEAD included), a URL the adapter would rewrite or refuse, a session
// cookie, no kept page, a client that prefers deflate, a repeated Referer.
// tests/e2e/kept-page-fast-path.e2e.test.ts sends each kind of request down both paths.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { getRequestListener } from '@hono/node-server';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { parseAccept } from 'hono/utils/accept';
import type { Logger } from '#services/context.ts';
import { prepareJoinedGzip } from './joined-gzip.ts';
import {
  bodyChunksFor,
  type CachedPage,
  entityTagFor,
  matchesIfNoneMatch,
  type PageCache,
} from './page-cache.ts';
import { pageContentSecurityPolicy } from './security-headers.ts';
import type { Visitor, VisitRequest } from './visitor.ts';

/** How long a browser (or, for pages without a form token, a shared cache) may reuse one. */
export const PUBLIC_PAGE_MAX_AGE_SECONDS = 60;

export type KeptPageAnswer = {
  status: 200 | 304;
  /**
   * Name, value, name, value…, in lower case; only Set-Cookie repeats. Flat, as `res.writeHead`
   * takes it: the fast path writes it as it is.
   */
  headers: string[];
  /** Chunks to send in order (page-cache.ts `bodyChunksFor`), or null for a 304. */
  body: Buffer[] | null;
};

/**
 * A kept page for one visitor: their CSRF token in its forms, their cookies, a fresh CSP nonce,
 * an entity tag for If-None-Match, and caching rules. A page whose forms carry the visitor's token,
 * or whose answer sets a cookie, is `private`; `Vary: Cookie` keeps any cache from handing a
 * page kept for an anonymous visitor to someone signed in. It says `Vary: Accept-Encoding` itself:
 * the compression middleware adding it to a finished answer would make Hono rebuild the answer
 * around a stream.
 */
export function answerKeptPage(
  page: CachedPage,
  visitor: Pick<Visitor, 'csrfToken' | 'cspNonce' | 'setCookies'>,
  ifNoneMatch: string | undefined,
): KeptPageAnswer {
  const prepared = prepare(page);
  const tag = entityTagFor(page, visitor.csrfToken);
  const notModified = matchesIfNoneMatch(ifNoneMatch, tag);
  const headers = (notModified ? prepared.notModifiedHeaders : prepared.headers).slice();
  headers.push('etag', tag, 'content-security-policy', pageContentSecurityPolicy(visitor.cspNonce));
  if (page.kind === 'page') {
    const shared = page.parts.length === 1 && visitor.setCookies.length === 0;
    headers.push('cache-control', `${shared ? 'public' : 'private'}, max-age=${PUBLIC_PAGE_MAX_AGE_SECONDS}`);
  }
  for (const cookie of visitor.setCookies) headers.push('set-cookie', cookie);
  if (notModified) return { status: 304, headers, body: null };
  return { status: 200, headers, body: bodyChunksFor(page, visitor.csrfToken) };
}

/** Answers a request from node:http when it can; returns false, having written nothing, if not. */
export type KeptPageServer = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createKeptPageServer(options: {
  pageCache: PageCache;
  readVisitor: (request: VisitRequest) => Visitor;
  /** What app.ts's middleware adds to every answer (security-headers.ts). */
  securityHeaders: ReadonlyArray<readonly [string, string]>;
  log: Logger;
}): KeptPageServer {
  const serve: KeptPageServer = (req, res) => {
    // HEAD too goes to Hono: it renders HEAD requests rather than serving them from the cache.
    if (req.method !== 'GET') return false;
    const url = adapterUrlOf(req);
    if (!url) return false;
    // node:http keeps the first of repeated Referer headers, Hono joins them: leave those to Hono.
    const referer = req.headers.referer;
    if (referer !== undefined && isRepeated(req.rawHeaders, 'referer')) return false;

    const path = req.url!;
    const visitor = options.readVisitor({
      method: 'GET',
      url,
      path,
      cookieHeader: req.headers.cookie,
      referer,
    });
    // The same condition as web.ts: anyone with a session cookie gets a page rendered for them.
    if (visitor.sessionToken) return false;
    const page = options.pageCache.get(path);
    if (!page) return false;
    const prepared = prepare(page);
    if (!prepared.plain) return false;
    const encoding = prepared.compressible ? chooseEncoding(req.headers['accept-encoding']) : undefined;
    if (encoding === 'deflate') return false;

    const answer = answerKeptPage(page, visitor, req.headers['if-none-match']);
    const { headers } = answer;
    for (const [name, value] of options.securityHeaders) headers.push(name, value);
    let body = answer.body;
    if (body !== null && encoding === 'gzip') {
      prepared.gzip ??= prepareJoinedGzip(page.parts);
      body = [prepared.gzip(visitor.csrfToken)];
      headers.push('content-encoding', 'gzip');
    }
    if (body === null) {
      res.writeHead(answer.status, headers);
      res.end();
      return true;
    }
    headers.push('content-length', String(body.reduce((length, chunk) => length + chunk.length, 0)));
    res.writeHead(answer.status, headers);
    // The first write corks the socket until the end: one writev for the head and all chunks.
    for (let i = 0; i < body.length - 1; i += 1) res.write(body[i]);
    res.end(body.at(-1));
    return true;
  };
  return (req, res) => {
    try {
      return serve(req, res);
    } catch (error) {
      // A surprise here must not take the process down: Hono answers instead, as it always has.
      options.log.error('kept-page fast path failed', {
        path: req.url?.split('?')[0],
        error: error instanceof Error ? error.message : String(error),
      });
      if (res.headersSent) {
        res.destroy();
        return true;
      }
      return false;
    }
  };
}

/**
 * The node:http request listener: the fast path first, then Hono through its Node adapter (with the
 * options `serve()` of @hono/node-server would give it).
 */
export function createNodeListener(
  fetch: Parameters<typeof getRequestListener>[0],
  serveKeptPage: KeptPageServer | null,
  hostname: string,
): RequestListener {
  const viaHono = getRequestListener(fetch, { hostname });
  if (!serveKeptPage) return viaHono;
  return (req, res) => {
    if (!serveKeptPage(req, res)) void viaHono(req, res);
  };
}

type PreparedPage = {
  /** The kept headers with Vary said, without those set per answer (ETag, CSP, a page's caching). */
  headers: string[];
  /** The same without Content-Type, for a 304. */
  notModifiedHeaders: string[];
  /** No header the fast path would have to reconcile: framing, encoding, the middleware's own. */
  plain: boolean;
  /** Whether Hono's compress middleware compresses this answer for a client that accepts it. */
  compressible: boolean;
  gzip?: (csrfToken: string) => Buffer;
};

const preparedPages = new WeakMap<CachedPage, PreparedPage>();

/** Done once per kept page, with `Headers` so that merging follows the same rules as before. */
function prepare(page: CachedPage): PreparedPage {
  const known = preparedPages.get(page);
  if (known) return known;
  const headers = new Headers(page.headers);
  headers.delete('etag');
  headers.delete('content-security-policy');
  if (page.kind === 'page') {
    headers.delete('cache-control');
    headers.append('vary', 'Cookie');
  }
  headers.append('vary', 'Accept-Encoding');
  const list = [...headers];
  const names = new Set(list.map(([name]) => name));
  const contentType = headers.get('content-type');
  // A page's Cache-Control is set per answer and never says no-transform.
  const cacheControl = page.kind === 'page' ? '' : (headers.get('cache-control') ?? '');
  const prepared: PreparedPage = {
    headers: list.flat(),
    notModifiedHeaders: list.filter(([name]) => name !== 'content-type').flat(),
    plain: contentType !== null && !NOT_PLAIN_HEADERS.some((name) => names.has(name)),
    compressible:
      contentType !== null &&
      COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType) &&
      !/(?:^|,)\s*?no-transform\s*?(?:,|$)/i.test(cacheControl),
  };
  preparedPages.set(page, prepared);
  return prepared;
}

const NOT_PLAIN_HEADERS = [
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'x-content-type-options',
  'referrer-policy',
  'x-frame-options',
  'strict-transport-security',
];

/**
 * The URL @hono/node-server builds for this request (`http://` + Host + target), or null unless
 * the adapter would use it as it is: a path with no query, fragment or percent-escape that the URL
 * parser leaves unchanged, and a Host it accepts. Then `c.req.url` is this string, `c.req.path` and
 * the URL's pathname are the target, and there is no query string.
 */
function adapterUrlOf(req: IncomingMessage): string | null {
  const target = req.url;
  const host = req.headers.host;
  if (!target?.startsWith('/') || !host || /[?#%\\]/.test(target)) return null;
  const scheme = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
  const url = `${scheme}://${host}${target}`;
  try {
    return new URL(url).href === url ? url : null;
  } catch {
    return null;
  }
}

function isRepeated(rawHeaders: readonly string[], lowerName: string): boolean {
  let seen = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    if (rawHeaders[i]!.toLowerCase() === lowerName) seen += 1;
  }
  return seen > 1;
}

/**
 * The encoding Hono's compress middleware (hono 4.13) picks from Accept-Encoding: the first of
 * gzip, deflate with q = 1, else the highest q above 0; `*` stands for any not named.
 */
function chooseEncoding(header: string | undefined): 'gzip' | 'deflate' | undefined {
  if (header === undefined) return undefined;
  const accepts = parseAccept(header);
  const wildcardQ = accepts.find((a) => a.type === '*')?.q;
  let best: { encoding: 'gzip' | 'deflate'; q: number } | undefined;
  for (const encoding of ['gzip', 'deflate'] as const) {
    const explicit = accepts.find((a) => a.type.toLowerCase() === encoding);
    const q = explicit ? explicit.q : (wildcardQ ?? 0);
    if (q === 1) return encoding;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}
