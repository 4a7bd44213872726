import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { HTTPException } from 'hono/http-exception';
import type { ServerBuild } from 'react-router';
import { isDatabaseUnreachable } from '#services/errors.ts';
import { createApi, createSignInLimits } from './api/index.ts';
import { apiError, isAppError, respondWithAppError } from './errors.ts';
import { createFhirApi } from './fhir/index.ts';
import type { KeptPageServer } from './kept-page.ts';
import { requestSizeLimit } from './request-size-limit.ts';
import { LOAD_NOTHING_CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers.ts';
import type { AppEnv, HttpDeps } from './types.ts';
import { mountWebApp } from './web.ts';

export type AppOptions = {
  /** The React Router server build; without it only /healthz, /api and /fhir are served. */
  web?: { build: ServerBuild; clientDir: string };
  software: { version: string; releaseDate: string };
};

const MAX_BODY_BYTES = 1024 * 1024;

export type HttpSurface = {
  app: Hono<AppEnv>;
  /** Kept public pages answered from node:http before Hono (kept-page.ts); null without the site. */
  serveKeptPage: KeptPageServer | null;
};

/** The Hono app alone, for `app.request()` in tests and wherever the fast path is not wanted. */
export function createApp(deps: HttpDeps, options: AppOptions): Hono<AppEnv> {
  return createHttpSurface(deps, options).app;
}

/** The whole HTTP surface: /healthz, /api, /fhir/R4, static assets, then the React Router site. */
export function createHttpSurface(deps: HttpDeps, options: AppOptions): HttpSurface {
  const app = new Hono<AppEnv>();
  let serveKeptPage: KeptPageServer | null = null;
  const signInLimits = createSignInLimits();
  const hardening = securityHeaders(deps.services.config.publicUrl.startsWith('https://'));

  // gzip for text answers that the client accepts compressed (pages, scripts, CSS, JSON): scripts
  // shrink to about a third, which is most of a phone's first-load time.
  app.use('*', compress());

  app.use('*', async (c, next) => {
    c.set('requestId', randomUUID());
    c.set('clientAddress', clientAddressOf(c.env));
    c.set('viewer', null);
    await next();
    for (const [name, value] of hardening) c.res.headers.set(name, value);
    // Pages set their own policy with a script nonce (web.ts); everything else may load nothing.
    if (!c.res.headers.has('Content-Security-Policy')) {
      c.res.headers.set('Content-Security-Policy', LOAD_NOTHING_CONTENT_SECURITY_POLICY);
    }
  });

  app.onError((error, c) => {
    // Use cases throw AppError for expected refusals; the API maps them in one table.
    if (isAppError(error) && c.req.path.startsWith('/api/')) return respondWithAppError(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      if (c.req.path.startsWith('/api/')) {
        // 415 (not JSON) is folded into the contract's 400 for a malformed request.
        if (error.status === 400 || error.status === 415) {
          const message =
            error.status === 415 ? 'Send a JSON body with Content-Type: application/json.' : error.message;
          return apiError(c, 400, 'malformed_request', message || 'The request could not be read.');
        }
        return apiError(c, error.status, 'request_rejected', error.message || 'The request was refused.');
      }
      return error.getResponse();
    }
    if (isDatabaseUnreachable(error)) {
      // The database is down: say so at once (never hang) and let the client retry.
      deps.services.log.error('database unreachable', { requestId: c.get('requestId'), path: c.req.path });
      c.header('Retry-After', '5');
      if (c.req.path.startsWith('/api/')) {
        return apiError(
          c,
          503,
          'database_unavailable',
          'The service is briefly unavailable. Try again shortly.',
        );
      }
      return c.text('Backpoint is briefly unavailable. Please try again in a moment.', 503);
    }
    deps.services.log.error('unhandled error', {
      requestId: c.get('requestId'),
      path: c.req.path,
      error: error instanceof Error ? error.message : String(error),
    });
    if (c.req.path.startsWith('/api/')) {
      return apiError(c, 500, 'internal_error', `Something went wrong (request ${c.get('requestId')}).`);
    }
    return c.text(`Something went wrong (request ${c.get('requestId')}).`, 500);
  });

  app.get('/healthz', async (c) => {
    if (await deps.isDatabaseReady()) return c.json({ status: 'ok' }, 200);
    return c.json({ status: 'unavailable', reason: 'the database does not answer' }, 503);
  });

  app.use(
    '/api/*',
    requestSizeLimit(MAX_BODY_BYTES, (c) =>
      apiError(c, 413, 'payload_too_large', 'The request body is larger than 1 MB.'),
    ),
  );
  app.route('/api', createApi(deps, signInLimits));
  app.route('/fhir/R4', createFhirApi(deps, options.software));

  if (options.web) {
    const { clientDir, build } = options.web;
    // Fingerprinted assets never change under one name: cache them for a year.
    app.use(
      '/assets/*',
      serveStatic({
        root: clientDir,
        onFound: (_path, c) => {
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.use('/favicon.svg', serveStatic({ root: clientDir }));
    app.use(
      '*',
      requestSizeLimit(MAX_BODY_BYTES, (c) => c.text('The form is too large.', 413)),
    );
    serveKeptPage = mountWebApp(app, deps, build, signInLimits);
  }
  return { app, serveKeptPage };
}

function clientAddressOf(env: unknown): string {
  if (env && typeof env === 'object' && 'incoming' in env) {
    const incoming = env.incoming as IncomingMessage;
    return incoming.socket?.remoteAddress ?? 'unknown';
  }
  // app.request() in tests has no socket.
  return 'local';
}
