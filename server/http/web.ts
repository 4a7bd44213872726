import { timingSafeEqual } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { generateCookie } from 'hono/cookie';
import { createRequestHandler, type ServerBuild } from 'react-router';
import type { WebLoadContext, WebSignInResult } from '#app/load-context.ts';
import { resolveSession, revokeAllSessions, revokeSession } from '#services/auth/sessions.ts';
import { normaliseEmail, signInWithPassword } from '#services/auth/sign-in.ts';
import type { SignInLimits } from './api/auth.routes.ts';
import { answerKeptPage, createKeptPageServer, type KeptPageServer } from './kept-page.ts';
import { type CachedPage, createPageCache, type PageCache } from './page-cache.ts';
import { pageContentSecurityPolicy, securityHeaders } from './security-headers.ts';
import type { AppEnv, HttpDeps } from './types.ts';
import {
  createVisitorSettings,
  readVisitor,
  SESSION_COOKIE,
  siteCookieOptions,
  type Visitor,
} from './visitor.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How long this process keeps a rendered public page: the most a change made elsewhere waits. */
export const PAGE_CACHE_TTL_MS = 10_000;

/**
 * Hands every non-API request to React Router with the viewer, a CSRF token and the services in
 * its load context. CSRF: a random cookie plus a hidden form field carrying its HMAC (signed
 * double submit), checked here for every state-changing request before any action runs.
 * Returns the node:http fast path for kept pages, which answers before Hono (kept-page.ts).
 */
export function mountWebApp(
  app: Hono<AppEnv>,
  deps: HttpDeps,
  build: ServerBuild,
  limits: SignInLimits,
): KeptPageServer {
  const handle = createRequestHandler(
    build,
    deps.services.config.env === 'production' ? 'production' : 'development',
  );
  const secure = deps.services.config.publicUrl.startsWith('https://');
  const visitorSettings = createVisitorSettings({ secure, secret: deps.services.config.appSecret });
  const pageCache = createPageCache(build, {
    ttlMs: PAGE_CACHE_TTL_MS,
    maxEntries: 500,
    nowMs: () => deps.services.clock.now().getTime(),
  });
  deps.services.contentChanges?.subscribe(() => pageCache.clear());

  app.all('*', async (c) => {
    const visitor = readVisitor(
      {
        method: c.req.method,
        url: c.req.url,
        path: c.req.path,
        cookieHeader: c.req.header('cookie'),
        referer: c.req.header('referer'),
      },
      visitorSettings,
    );
    const { csrfToken, cspNonce, setCookies, sessionToken } = visitor;

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

    // Anonymous reading pages are the same for everyone: served from this process's page cache.
    // Anyone with a session cookie (even an expired one) always gets a page rendered for them.
    // (The fast path in kept-page.ts answers the same requests before Hono when it can.)
    const url = new URL(c.req.url);
    const cacheKey = c.req.method === 'GET' && !sessionToken && url.search === '' ? url.pathname : null;
    if (cacheKey) {
      const kept = pageCache.get(cacheKey);
      if (kept) return respondWithKeptPage(c, kept, visitor);
    }
    const publicKind = cacheKey ? pageCache.publicRouteKind(cacheKey) : null;

    const viewer = sessionToken ? await resolveSession(deps.services, sessionToken, 'browser') : null;
    if (sessionToken && !viewer)
      setCookies.push(generateCookie(SESSION_COOKIE, '', { ...siteCookieOptions(secure), maxAge: 0 }));

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
              ...siteCookieOptions(secure),
              expires: result.value.expiresAt,
            }),
            viewer: { role: result.value.user.role },
          };
        },
        signOut: async (options?: { everywhere?: boolean }) => {
          if (viewer && options?.everywhere) await revokeAllSessions(deps.services, viewer.userId);
          else if (viewer) await revokeSession(deps.services, viewer.sessionId);
          return generateCookie(SESSION_COOKIE, '', { ...siteCookieOptions(secure), maxAge: 0 });
        },
      },
    };

    let response = await handle(c.req.raw, context);
    if (cacheKey && publicKind) {
      const kept = await keepIfPublic(pageCache, cacheKey, publicKind, response);
      if (kept.entry) return respondWithKeptPage(c, kept.entry, visitor);
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

  return createKeptPageServer({
    pageCache,
    readVisitor: (request) => readVisitor(request, visitorSettings),
    securityHeaders: securityHeaders(secure),
    log: deps.services.log,
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

/** The kept page's answer (kept-page.ts, shared with the fast path) as a Web Response. */
function respondWithKeptPage(c: Context<AppEnv>, page: CachedPage, visitor: Visitor): Response {
  const answer = answerKeptPage(page, visitor, c.req.header('if-none-match'));
  const headers = new Headers();
  for (let i = 0; i < answer.headers.length; i += 2)
    headers.append(answer.headers[i]!, answer.headers[i + 1]!);
  return new Response(answer.body && Buffer.concat(answer.body), { status: answer.status, headers });
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
