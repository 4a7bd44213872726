import { createRoute, z } from '@hono/zod-openapi';
import { TokenRequestSchema, TokenResponseSchema } from '#contracts/auth.ts';
import { revokeAllSessions, revokeSession } from '#services/auth/sessions.ts';
import { normaliseEmail, signInWithPassword } from '#services/auth/sign-in.ts';
import { apiError } from '../errors.ts';
import type { RateLimiter } from '../rate-limit.ts';
import type { HttpDeps } from '../types.ts';
import { createOpenApiApp, errorResponse, jsonBody, jsonResponse } from './openapi-app.ts';
import { bearerSecurity } from './require-viewer.ts';

const issueToken = createRoute({
  method: 'post',
  path: '/auth/token',
  tags: ['Authentication'],
  summary: 'Exchange an email and password for a bearer token',
  request: { body: jsonBody(TokenRequestSchema) },
  responses: {
    200: jsonResponse(TokenResponseSchema, 'A token for `Authorization: Bearer`'),
    400: errorResponse('Malformed body'),
    401: errorResponse('Wrong email or password (the same answer for both)'),
    429: errorResponse('Too many attempts; see Retry-After'),
  },
});

const SignedOutSchema = z.object({ revokedSessions: z.int().min(0) }).meta({ id: 'SignedOut' });

const signOut = createRoute({
  method: 'post',
  path: '/auth/sign-out',
  tags: ['Authentication'],
  summary: 'Revoke the token used for this request',
  security: bearerSecurity,
  responses: { 200: jsonResponse(SignedOutSchema, 'Revoked'), 401: errorResponse('No or bad token') },
});

const signOutEverywhere = createRoute({
  method: 'post',
  path: '/auth/sign-out-everywhere',
  tags: ['Authentication'],
  summary: "Revoke every session and token of the caller's account (all devices)",
  security: bearerSecurity,
  responses: { 200: jsonResponse(SignedOutSchema, 'Revoked'), 401: errorResponse('No or bad token') },
});

export type SignInLimits = { perAddress: RateLimiter; perAccount: RateLimiter };

export function createAuthRoutes(deps: HttpDeps, limits: SignInLimits) {
  const app = createOpenApiApp();
  app.openapi(issueToken, async (c) => {
    const body = c.req.valid('json');
    const now = deps.services.clock.now().getTime();
    // Keyed on the typed email whether or not an account has it, so limits reveal nothing.
    for (const check of [
      limits.perAddress.hit(`token:${c.get('clientAddress')}`, now),
      limits.perAccount.hit(`account:${normaliseEmail(body.email)}`, now),
    ]) {
      if (!check.allowed) {
        c.header('Retry-After', String(check.retryAfterSeconds));
        return apiError(c, 429, 'too_many_attempts', 'Too many sign-in attempts. Try again later.');
      }
    }
    const result = await signInWithPassword(deps.services, body, 'api', {
      clientAddress: c.get('clientAddress'),
      userAgent: c.req.header('user-agent') ?? null,
    });
    if (!result.ok)
      return apiError(
        c,
        401,
        'invalid_credentials',
        'The email or password is not right, or there were too many attempts: wait a few minutes.',
      );
    limits.perAccount.reset(`account:${normaliseEmail(body.email)}`);
    const { token, expiresAt, user } = result.value;
    return c.json({ token, expiresAt: expiresAt.toISOString(), user: { id: user.id, role: user.role } }, 200);
  });

  app.openapi(signOut, async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return apiError(c, 401, 'authentication_required', 'Send Authorization: Bearer <token>.');
    await revokeSession(deps.services, viewer.sessionId);
    return c.json({ revokedSessions: 1 }, 200);
  });

  app.openapi(signOutEverywhere, async (c) => {
    const viewer = c.get('viewer');
    if (!viewer) return apiError(c, 401, 'authentication_required', 'Send Authorization: Bearer <token>.');
    return c.json({ revokedSessions: await revokeAllSessions(deps.services, viewer.userId) }, 200);
  });
  return app;
}
