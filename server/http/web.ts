import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { generateCookie, getCookie } from 'hono/cookie';
import { createRequestHandler, type ServerBuild } from 'react-router';
import type { WebLoadContext, WebSignInResult } from '#app/load-context.ts';
import {
  describeVisitSource,
  encodeVisitSource,
  VISIT_SOURCE_COOKIE,
  VISIT_SOURCE_MAX_AGE_SECONDS,
} from '#contracts/visit-source.ts';
import { resolveSession, revokeAllSessions, revokeSession } from '#services/auth/sessions.ts';
import { normaliseEmail, signInWithPassword } from '#services/auth/sign-in.ts';
import type { SignInLimits } from './api/auth.routes.ts';
import {
  bodyFor,
  type CachedPage,
  createPageCache,
  entityTagFor,
  matchesIfNoneMatch,
  type PageCache,
} from './page-cache.ts';
import { randomToken } from './random-tokens.ts';
import type { AppEnv, HttpDeps } from './types.ts';

export const SESSION_COOKIE = 'bp_session';
export const CSRF_COOKIE = 'bp_csrf';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How long this process keeps a rendered public page: the most a change made elsewhere waits. */
export const PAGE_CACHE_TTL_MS = 10_000;
/** How long a browser (or, for pages without a form token, a shared cache) may reuse one. */
export const PUBLIC_PAGE_MAX_AGE_SECONDS = 60;

/**
 * Hands every non-API request to React Router with the viewer, a CSRF token and the services in
 * its load context. CSRF: a random cookie plus a hidden form field carrying its HMAC (signed
 * double submit), checked here for every state-changing request before any action runs.
 */
export function mountWebApp(app: Hono<AppEnv>, deps: HttpDeps, build: ServerBuild, limits: SignInLimits) {
  const handle = createRequestHandler(
    build,
    deps.services.config.env === 'production' ? 'production' : 'development',
  );
  const secure = deps.services.config.publicUrl.startsWith('https://');
  const secret = deps.services.config.appSecret;
  const pageCache = createPageCache(build, {
    ttlMs: PAGE_CACHE_TTL_MS,
    maxEntries: 500,
    nowMs: () => deps.services.clock.now().getTime(),
  });
  deps.services.contentChanges?.subscribe(() => pageCache.clear());

  app.all('*', async (c) => {
    let csrfSeed = getCookie(c, CSRF_COOKIE);
    const setCookies: string[] = [];
    if (!csrfSeed || !/^[A-Za-z0-9_-]{20,100}$/.test(csrfSeed)) {
      csrfSeed = randomToken(24, 'base64url');
      setCookies.push(generateCookie(CSRF_COOKIE, csrfSeed, cookieOptions(secure)));
    }
    const csrfToken = signCsrf(secret, csrfSeed);

    if (STATE_CHANGING.has(c.req.method)) {
      const verdict = await checkCsrf(c, csrfToken, deps.services.config.publicUrl);
      if (verdict !== 'ok') {
        return c.html(
          forbiddenPage(verdict),
          403,
          setCookies.length ? { 'Set-Cookie': setCookies } : undefined,
        );
      }
    }

    // Where the visit came from (landing page, another site, utm tags), kept for the contact form.
    if (c.req.method === 'GET' && !/\.\w+$/.test(c.req.path)) {
      const source = describeVisitSource({
        url: c.req.url,
        referrer: c.req.header('referer'),
        hasSource: getCookie(c, VISIT_SOURCE_COOKIE) !== undefined,
      });
      if (source) {
        setCookies.push(
          generateCookie(VISIT_SOURCE_COOKIE, encodeVisitSource(source), {
            ...cookieOptions(secure),
            maxAge: VISIT_SOURCE_MAX_AGE_SECONDS,
          }),
        );
      }
    }

    const sessionToken = getCookie(c, SESSION_COOKIE);
    const cspNonce = randomToken(16, 'base64');
    // Anonymous reading pages are the same for everyone: served from this process's page cache.
    // Anyone with a session cookie (even an expired one) always gets a page rendered for them.
    const url = new URL(c.req.url);
    const cacheKey = c.req.method === 'GET' && !sessionToken && url.search === '' ? url.pathname : null;
    if (cacheKey) {
      const kept = pageCache.get(cacheKey);
      if (kept) return respondWithKeptPage(c, kept, { csrfToken, cspNonce, setCookies });
    }
    const publicKind = cacheKey ? pageCache.publicRouteKind(cacheKey) : null;

    const viewer = sessionToken ? await resolveSession(deps.services, sessionToken, 'browser') : null;
    if (sessionToken && !viewer)
      setCookies.push(generateCookie(SESSION_COOKIE, '', { ...cookieOptions(secure), maxAge: 0 }));

    const context: WebLoadContext = {
      services: deps.services,
      viewer,
      clinic: deps.services.config.clinic,
      // A page that may be kept is rendered with stand-ins, replaced per response below.
      csrfToken: publicKind ? pageCache.csrfPlaceholder : csrfToken,
      cspNonce: publicKind ? pageCache.noncePlaceholder : cspNonce,
      clientAddress: c.get('clientAddress'),
      auth: {
        signIn: async (input): Promise<WebSignInResult> => {
          const now = deps.services.clock.now().getTime();
          for (const check of [
            limits.perAddress.hit(`token:${c.get('clientAddress')}`, now),
            limits.perAccount.hit(`account:${normaliseEmail(input.email)}`, now),
          ]) {
            if (!check.allowed)
              return { ok: false, code: 'too_many_attempts', retryAfterSeconds: check.retryAfterSeconds };
          }
          // A new session on every sign-in (never reuse one that existed before): no fixation.
          if (viewer) await revokeSession(deps.services, viewer.sessionId);
          const result = await signInWithPassword(deps.services, input, 'browser', {
            clientAddress: c.get('clientAddress'),
            userAgent: c.req.header('user-agent') ?? null,
          });
          if (!result.ok) return { ok: false, code: 'invalid_credentials' };
          limits.perAccount.reset(`account:${normaliseEmail(input.email)}`);
          return {
            ok: true,
            setCookie: generateCookie(SESSION_COOKIE, result.value.token, {
              ...cookieOptions(secure),
              expires: result.value.expiresAt,
            }),
            viewer: { role: result.value.user.role },
          };
        },
        signOut: async (options?: { everywhere?: boolean }) => {
          if (viewer && options?.everywhere) await revokeAllSessions(deps.services, viewer.userId);
          else if (viewer) await revokeSession(deps.services, viewer.sessionId);
          return generateCookie(SESSION_COOKIE, '', { ...cookieOptions(secure), maxAge: 0 });
        },
      },
    };

    let response = await handle(c.req.raw, context);
    if (cacheKey && publicKind) {
      const kept = await keepIfPublic(pageCache, cacheKey, publicKind, response);
      if (kept.entry) return respondWithKeptPage(c, kept.entry, { csrfToken, cspNonce, setCookies });
      // Not kept (an error or a redirect, a cookie of its own, scripts): this visitor's own values.
      const body = kept.body
        .replaceAll(pageCache.csrfPlaceholder, csrfToken)
        .replaceAll(pageCache.noncePlaceholder, cspNonce);
      response = new Response(body === '' ? null : body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }
    for (const cookie of setCookies) response.headers.append('Set-Cookie', cookie);
    response.headers.set('Content-Security-Policy', pageContentSecurityPolicy(cspNonce));
    // Pages can carry personal data once someone is signed in: never let a shared cache keep them.
    if (viewer && !response.headers.has('Cache-Control'))
      response.headers.set('Cache-Control', 'private, no-store');
    return response;
  });
}

/** Keeps a public route's 200 answer unless it sets a cookie of its own; always reads the body. */
async function keepIfPublic(
  cache: PageCache,
  key: string,
  kind: 'page' | 'resource',
  response: Response,
): Promise<{ entry: CachedPage | null; body: string }> {
  const body = await response.text();
  const cacheControl = response.headers.get('Cache-Control') ?? '';
  const keepable =
    response.status === 200 &&
    !response.headers.has('Set-Cookie') &&
    (kind === 'page' || /\bpublic\b/.test(cacheControl));
  return { entry: keepable ? cache.put(key, kind, response.headers, body) : null, body };
}

/**
 * A kept page for one visitor: their CSRF token in its forms, their cookies, a fresh CSP nonce,
 * an entity tag for If-None-Match, and caching rules. A page whose forms carry the visitor's token,
 * or whose answer sets a cookie, is `private`; `Vary: Cookie` keeps any cache from handing a
 * page kept for an anonymous visitor to someone signed in.
 */
function respondWithKeptPage(
  c: Context<AppEnv>,
  page: CachedPage,
  visitor: { csrfToken: string; cspNonce: string; setCookies: string[] },
): Response {
  const headers = new Headers(page.headers);
  const tag = entityTagFor(page, visitor.csrfToken);
  headers.set('ETag', tag);
  if (page.kind === 'page') {
    const shared = page.parts.length === 1 && visitor.setCookies.length === 0;
    headers.set('Cache-Control', `${shared ? 'public' : 'private'}, max-age=${PUBLIC_PAGE_MAX_AGE_SECONDS}`);
    headers.append('Vary', 'Cookie');
  }
  // Said here, the compression middleware need not add it: a header added to a finished answer
  // makes Hono rebuild the answer around a stream (seen in a profile of the article bench).
  headers.append('Vary', 'Accept-Encoding');
  for (const cookie of visitor.setCookies) headers.append('Set-Cookie', cookie);
  headers.set('Content-Security-Policy', pageContentSecurityPolicy(visitor.cspNonce));
  if (matchesIfNoneMatch(c.req.header('if-none-match'), tag)) {
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  return new Response(bodyFor(page, visitor.csrfToken), { status: 200, headers });
}

/**
 * Scripts run only from our origin or with this response's nonce (React Router's inline hydration
 * data carries it), so injected markup cannot run script. Style attributes stay allowed: they
 * cannot execute code, and server-rendered charts use them.
 */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

function cookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'Lax', secure } as const;
}

function signCsrf(secret: string, seed: string): string {
  return createHmac('sha256', secret).update(`csrf:${seed}`).digest('base64url');
}

async function checkCsrf(c: Context<AppEnv>, expected: string, publicUrl: string) {
  // Browsers send Origin on cross-site posts; a foreign one is refused even before the token.
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') {
    const requestOrigin = new URL(c.req.url).origin;
    if (origin !== requestOrigin && origin !== new URL(publicUrl).origin) return 'origin' as const;
  }
  const type = c.req.header('content-type') ?? '';
  let presented: unknown = c.req.header('x-csrf-token');
  if (
    !presented &&
    (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data'))
  ) {
    const form = await c.req.raw.clone().formData();
    presented = form.get('_csrf');
  }
  if (typeof presented !== 'string') return 'missing' as const;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) ? ('ok' as const) : ('mismatch' as const);
}

function forbiddenPage(reason: 'origin' | 'missing' | 'mismatch'): string {
  const why =
    reason === 'origin'
      ? 'The form was sent from another website.'
      : 'The form had expired or was missing its security token.';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Form not accepted · Backpoint</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1>We could not accept that form</h1><p>${why} Nothing was changed.</p><p>Go back, reload the page and try again.</p><p><a href="/">Home page</a></p></body></html>`;
}
