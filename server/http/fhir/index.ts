// The HTTP adapter of the FHIR facade: the only code here that knows about Hono. It authenticates
// the bearer token (the same tokens as the JSON API), rate-limits per account, hands a plain request
// to the router, and turns every failure into an OperationOutcome.
import type { Resource } from '@medplum/fhirtypes';
import { Hono } from 'hono';
import { resolveSession } from '#services/auth/sessions.ts';
import { findVisiblePatientIds, type PatientScope } from '#services/fhir/patient-scope.ts';
import { createRateLimiter } from '../rate-limit.ts';
import type { AppEnv, HttpDeps } from '../types.ts';
import { buildCapabilityStatement } from './capability-statement.ts';
import { FhirError, operationOutcome, outcomeOfError } from './outcome.ts';
import { FHIR_RESOURCES } from './registry.ts';
import type { FhirRequestContext } from './resource-definition.ts';
import { handleFhirRequest } from './router.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
// `_format` values that mean JSON (FHIR http.html#mime-type); anything else is a 406.
const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);
// Like the JSON API's limit for authenticated calls (server/http/api/index.ts).
const REQUESTS_PER_MINUTE = 1200;

function respond(status: number, resource: Resource, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(resource), {
    status,
    headers: { 'content-type': FHIR_JSON, ...headers },
  });
}

function checkFormat(query: URLSearchParams): void {
  const format = query.get('_format');
  if (format !== null && !JSON_FORMATS.has(format.split(';')[0]!.trim().toLowerCase())) {
    throw new FhirError(406, 'not-supported', 'Only JSON is served (_format=json or application/fhir+json).');
  }
}

export function createFhirApi(deps: HttpDeps, software: { version: string; releaseDate: string }) {
  const fhir = new Hono<AppEnv>();
  const limiter = createRateLimiter({ limit: REQUESTS_PER_MINUTE, windowMs: 60_000, name: 'fhir' });
  const publicUrl = deps.services.config.publicUrl.replace(/\/$/, '');

  fhir.get('/metadata', () => {
    const statement = buildCapabilityStatement({
      publicUrl,
      softwareVersion: software.version,
      releaseDate: software.releaseDate,
      resources: FHIR_RESOURCES,
    });
    return respond(200, statement);
  });

  fhir.all('*', async (c) => {
    const requestId = c.get('requestId');
    try {
      const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
      const viewer = match?.[1] ? await resolveSession(deps.services, match[1], 'api') : null;
      if (!viewer) {
        return respond(
          401,
          operationOutcome(
            'login',
            'Send a valid token: Authorization: Bearer <token> from POST /api/v1/auth/token.',
          ),
          { 'WWW-Authenticate': 'Bearer realm="fhir"' },
        );
      }
      const check = limiter.hit(`user:${viewer.userId}`, deps.services.clock.now().getTime());
      if (!check.allowed) {
        return respond(
          429,
          operationOutcome('throttled', 'Too many requests. Slow down and try again shortly.'),
          {
            'Retry-After': String(check.retryAfterSeconds),
          },
        );
      }
      const url = new URL(c.req.url);
      checkFormat(url.searchParams);
      const actor = { userId: viewer.userId, role: viewer.role };
      let scope: Promise<PatientScope> | undefined;
      const ctx: FhirRequestContext = {
        services: deps.services,
        actor,
        mapping: { publicUrl, timeZone: deps.services.config.clinic.timeZone },
        patientScope: () => {
          scope ??= findVisiblePatientIds(deps.services, actor);
          return scope;
        },
      };
      const path = url.pathname.replace(/^.*?\/fhir\/R4/, '');
      const result = await handleFhirRequest(ctx, {
        method: c.req.method,
        path,
        query: url.searchParams,
        clientAddress: c.get('clientAddress'),
      });
      return respond(result.status, result.resource);
    } catch (error) {
      const { status, outcome, expected } = outcomeOfError(error, requestId);
      if (!expected) {
        deps.services.log.error('FHIR request failed', {
          requestId,
          path: c.req.path,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      return respond(status, outcome, status === 405 ? { Allow: 'GET' } : {});
    }
  });
  return fhir;
}
