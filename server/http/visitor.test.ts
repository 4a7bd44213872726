import { createHmac } from 'node:crypto';
import { generateCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { decodeVisitSource } from '#contracts/visit-source.ts';
import { cookieSerializer, createVisitorSettings, readVisitor, type VisitRequest } from './visitor.ts';

const SECRET = 'visitor-test-secret';
const settings = createVisitorSettings({ secure: false, secret: SECRET });
const ORIGIN = 'http://clinic.test:3000';

function visit(path: string, overrides: Partial<VisitRequest> = {}) {
  const target = path.split('?')[0]!;
  return readVisitor(
    {
      method: 'GET',
      url: `${ORIGIN}${path}`,
      path: target,
      cookieHeader: undefined,
      referer: undefined,
      ...overrides,
    },
    settings,
  );
}

const cookie = (setCookies: string[], name: string) =>
  setCookies
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]
    ?.slice(name.length + 1);

describe('cookies written once per app', () => {
  it.each([
    ['bp_csrf', { path: '/', httpOnly: true, sameSite: 'Lax', secure: false }],
    ['bp_src', { path: '/', httpOnly: true, sameSite: 'Lax', secure: true, maxAge: 2_592_000 }],
  ] as const)('writes %s exactly as generateCookie does', (name, options) => {
    const serialize = cookieSerializer(name, options);
    for (const value of ['Zq3_csrf-token', '', 'needs encoding; é=1', 'stand-in-value']) {
      expect(serialize(value)).toBe(generateCookie(name, value, options));
    }
  });
});

describe('what a request tells about its visitor', () => {
  it('gives a new visitor a seed cookie and the HMAC of it as their token', () => {
    const visitor = visit('/articles/aftercare');
    const seed = cookie(visitor.setCookies, 'bp_csrf')!;
    expect(seed).toMatch(/^[\w-]{32}$/);
    expect(visitor.csrfToken).toBe(createHmac('sha256', SECRET).update(`csrf:${seed}`).digest('base64url'));
    expect(visitor.cspNonce).not.toBe(visit('/articles/aftercare').cspNonce);
  });

  it("keeps a returning visitor's seed, and replaces one that is malformed", () => {
    const seed = 'abcdefghijklmnopqrstuvwxyz012345';
    const returning = visit('/', { cookieHeader: `bp_csrf=${seed}; bp_src=x` });
    expect(returning.setCookies).toEqual([]);
    expect(returning.csrfToken).toBe(createHmac('sha256', SECRET).update(`csrf:${seed}`).digest('base64url'));
    expect(
      cookie(visit('/', { cookieHeader: 'bp_csrf=short; bp_src=x' }).setCookies, 'bp_csrf'),
    ).toBeDefined();
  });

  it('records where a first visit landed and which other site sent it, not our own pages', () => {
    const landed = visit('/articles/aftercare', { referer: 'https://search.example/q?x=1' });
    expect(decodeVisitSource(cookie(landed.setCookies, 'bp_src'))).toEqual({
      landingPage: '/articles/aftercare',
      referrer: 'https://search.example/q',
    });
    const own = visit('/articles/aftercare', { referer: `${ORIGIN}/` });
    expect(decodeVisitSource(cookie(own.setCookies, 'bp_src'))).toEqual({
      landingPage: '/articles/aftercare',
    });
  });

  it('records a source once, again for new campaign tags, and never for files or forms', () => {
    const known = { cookieHeader: 'bp_csrf=abcdefghijklmnopqrstuvwxyz012345; bp_src=x' };
    expect(visit('/articles/aftercare', known).setCookies).toEqual([]);
    const campaign = visit('/?utm_source=news', known);
    expect(decodeVisitSource(cookie(campaign.setCookies, 'bp_src'))).toMatchObject({ utmSource: 'news' });
    expect(cookie(visit('/sitemap.xml').setCookies, 'bp_src')).toBeUndefined();
    expect(cookie(visit('/contact', { method: 'POST' }).setCookies, 'bp_src')).toBeUndefined();
  });

  it('reads the session cookie as Hono does: an empty one is no session', () => {
    expect(visit('/', { cookieHeader: 'bp_session=abc' }).sessionToken).toBe('abc');
    expect(visit('/', { cookieHeader: 'bp_session=' }).sessionToken).toBeFalsy();
    expect(visit('/').sessionToken).toBeUndefined();
  });
});
