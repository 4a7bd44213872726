import { resolveSession } from '#services/auth/sessions.ts';
import { apiError } from '../errors.ts';
import { createRateLimiter } from '../rate-limit.ts';
import type { HttpDeps } from '../types.ts';
import { createAuthRoutes, type SignInLimits } from './auth.routes.ts';
import { createBookingRoutes } from './booking.routes.ts';
import { createCarePlanningRoutes } from './care-planning.routes.ts';
import { createClinicalRoutes } from './clinical.routes.ts';
import { jsonWithLength } from './json-with-length.ts';
import { createOpenApiApp } from './openapi-app.ts';
import { createPrivacyRoutes } from './privacy.routes.ts';
import { createWorkspaceRoutes } from './workspace.routes.ts';

// CONTRACT.md §4: anonymous reads and checker calls get at least 300 a minute per address;
// sign-in is limited far lower, per address and per account.
const LIMITS = {
  anonymousPerMinute: 600,
  authenticatedPerMinute: 1200,
};

/** Shared by the token endpoint and the sign-in page, so neither is a way around the other. */
export function createSignInLimits(): SignInLimits {
  return {
    perAddress: createRateLimiter({ limit: 60, windowMs: 60_000, name: 'sign-in-address' }),
    perAccount: createRateLimiter({ limit: 10, windowMs: 300_000, name: 'sign-in-account' }),
  };
}

/** Builds `/api/v1` and the OpenAPI document, mounted by the caller at `/api`. */
export function createApi(deps: HttpDeps, signIn: SignInLimits) {
  const api = createOpenApiApp();
  const anonymous = createRateLimiter({
    limit: LIMITS.anonymousPerMinute,
    windowMs: 60_000,
    name: 'api-anonymous',
  });
  const authenticated = createRateLimiter({
    limit: LIMITS.authenticatedPerMinute,
    windowMs: 60_000,
    name: 'api-authenticated',
  });

  // First, so every JSON answer of the API (the refusals below included) says how long it is.
  api.use('/v1/*', jsonWithLength());

  api.use('/v1/*', async (c, next) => {
    const header = c.req.header('authorization');
    let viewer = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      viewer = match?.[1] ? await resolveSession(deps.services, match[1], 'api') : null;
      if (!viewer)
        return apiError(c, 401, 'invalid_token', 'The bearer token is missing, expired or revoked.');
    }
    c.set('viewer', viewer);
    const now = deps.services.clock.now().getTime();
    const check = viewer
      ? authenticated.hit(`user:${viewer.userId}`, now)
      : anonymous.hit(`address:${c.get('clientAddress')}`, now);
    if (!check.allowed) {
      c.header('Retry-After', String(check.retryAfterSeconds));
      return apiError(c, 429, 'rate_limited', 'Too many requests. Slow down and try again shortly.');
    }
    await next();
  });

  api.route('/v1', createAuthRoutes(deps, signIn));
  api.route('/v1', createClinicalRoutes(deps));
  api.route('/v1', createBookingRoutes(deps));
  api.route('/v1', createPrivacyRoutes(deps));
  api.route('/v1', createCarePlanningRoutes());
  api.route('/v1', createWorkspaceRoutes(deps));

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Backpoint API',
      version: '1.0.0',
      description: 'The JSON API of Backpoint (CONTRACT.md §4). Errors use the ApiError shape.',
    },
    // Paths are relative to the API's mount point, so the server URL carries `/api`.
    servers: [{ url: `${deps.services.config.publicUrl.replace(/\/$/, '')}/api` }],
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });

  api.all('/v1/*', (c) => apiError(c, 404, 'not_found', 'There is no such API route.'));
  return api;
}
