import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
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
import type { AppEnv, HttpDeps } from './types.ts';

export const SESSION_COOKIE = 'bp_session';
export const CSRF_COOKIE = 'bp_csrf';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

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

  app.all('*', async (c) => {
    let csrfSeed = getCookie(c, CSRF_COOKIE);
    const setCookies: string[] = [];
    if (!csrfSeed || !/^[A-Za-z0-9_-]{20,100}$/.test(csrfSeed)) {
      csrfSeed = randomBytes(24).toString('base64url');
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
    const viewer = sessionToken ? await resolveSession(deps.services, sessionToken, 'browser') : null;
    if (sessionToken && !viewer)
      setCookies.push(generateCookie(SESSION_COOKIE, '', { ...cookieOptions(secure), maxAge: 0 }));

    const context: WebLoadContext = {
      services: deps.services,
      viewer,
      clinic: deps.services.config.clinic,
      csrfToken,
      cspNonce: randomBytes(16).toString('base64'),
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

    const response = await handle(c.req.raw, context);
    for (const cookie of setCookies) response.headers.append('Set-Cookie', cookie);
    response.headers.set('Content-Security-Policy', pageContentSecurityPolicy(context.cspNonce));
    // Pages can carry personal data once someone is signed in: never let a shared cache keep them.
    if (viewer && !response.headers.has('Cache-Control'))
      response.headers.set('Cache-Control', 'private, no-store');
    return response;
  });
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
