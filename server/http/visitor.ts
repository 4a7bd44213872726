// What every site request learns about its visitor from cookies, before anything is rendered: the
// CSRF token (and a seed cookie for a new visitor), where the visit came from, the session cookie,
// and a fresh CSP nonce. One function, called by the Hono handler in web.ts and by the kept-page
// fast path in kept-page.ts, so that both answer a visitor alike.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { generateCookie } from 'hono/cookie';
import { parse as parseCookies } from 'hono/utils/cookie';
import {
  describeVisitSource,
  encodeVisitSource,
  VISIT_SOURCE_COOKIE,
  VISIT_SOURCE_MAX_AGE_SECONDS,
} from '#contracts/visit-source.ts';
import { randomToken } from './random-tokens.ts';

export const SESSION_COOKIE = 'bp_session';
export const CSRF_COOKIE = 'bp_csrf';

/** The request as Hono sees it: `url` as the Node adapter builds it, `path` as `c.req.path`. */
export type VisitRequest = {
  method: string;
  url: string;
  path: string;
  cookieHeader: string | undefined;
  referer: string | undefined;
};

export type Visitor = {
  /** The HMAC of the visitor's CSRF seed: what their forms must send back. */
  csrfToken: string;
  /** Cookies this answer sets: a new CSRF seed, then the visit source, each when needed. */
  setCookies: string[];
  /** The session cookie as sent, expired or not; '' (an empty cookie) counts as none. */
  sessionToken: string | undefined;
  cspNonce: string;
};

/**
 * Made once per app: what every request would otherwise prepare again. (Under the article bench's
 * load, `generateCookie` per request cost 10-15 µs of the server's CPU per answer.)
 */
export type VisitorSettings = {
  csrfKey: KeyObject;
  csrfCookie: (seed: string) => string;
  visitSourceCookie: (encodedSource: string) => string;
};

/** `secure` when the site is served over https (cookies say Secure). */
export function createVisitorSettings(options: { secure: boolean; secret: string }): VisitorSettings {
  return {
    // The bytes `createHmac` would take from the string (UTF-8), without preparing them per call.
    csrfKey: createSecretKey(Buffer.from(options.secret, 'utf8')),
    csrfCookie: cookieSerializer(CSRF_COOKIE, siteCookieOptions(options.secure)),
    visitSourceCookie: cookieSerializer(VISIT_SOURCE_COOKIE, {
      ...siteCookieOptions(options.secure),
      maxAge: VISIT_SOURCE_MAX_AGE_SECONDS,
    }),
  };
}

const STAND_IN = 'stand-in-value';

/**
 * `generateCookie(name, value, options)` for any value, with the options checked and written once:
 * Hono writes `name=` + the URI-encoded value + attributes that depend only on the options.
 */
export function cookieSerializer(
  name: string,
  options: Parameters<typeof generateCookie>[2],
): (value: string) => string {
  const whole = generateCookie(name, STAND_IN, options);
  const before = whole.slice(0, whole.indexOf(STAND_IN));
  const after = whole.slice(before.length + STAND_IN.length);
  return (value) => `${before}${encodeURIComponent(value)}${after}`;
}

export function readVisitor(request: VisitRequest, settings: VisitorSettings): Visitor {
  let csrfSeed = cookieValue(request.cookieHeader, CSRF_COOKIE);
  const setCookies: string[] = [];
  if (!csrfSeed || !/^[A-Za-z0-9_-]{20,100}$/.test(csrfSeed)) {
    csrfSeed = randomToken(24, 'base64url');
    setCookies.push(settings.csrfCookie(csrfSeed));
  }

  // Where the visit came from (landing page, another site, utm tags), kept for the contact form.
  if (request.method === 'GET' && !/\.\w+$/.test(request.path)) {
    const source = describeVisitSource({
      url: request.url,
      referrer: request.referer,
      hasSource: cookieValue(request.cookieHeader, VISIT_SOURCE_COOKIE) !== undefined,
    });
    if (source) setCookies.push(settings.visitSourceCookie(encodeVisitSource(source)));
  }

  return {
    csrfToken: signCsrf(settings.csrfKey, csrfSeed),
    setCookies,
    sessionToken: cookieValue(request.cookieHeader, SESSION_COOKIE),
    cspNonce: randomToken(16, 'base64'),
  };
}

/** One cookie's value, read exactly as Hono's `getCookie(c, name)` reads it. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  return header ? parseCookies(header, name)[name] : undefined;
}

export function siteCookieOptions(secure: boolean) {
  return { path: '/', httpOnly: true, sameSite: 'Lax', secure } as const;
}

function signCsrf(key: KeyObject, seed: string): string {
  return createHmac('sha256', key).update(`csrf:${seed}`).digest('base64url');
}
