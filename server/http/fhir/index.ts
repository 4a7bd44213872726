import { Hono } from 'hono';
import type { AppEnv, HttpDeps } from '../types.ts';
import { buildCapabilityStatement, type FhirResourceRegistration } from './capability-statement.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

// Resources are registered here as they are built (issue 9); metadata lists exactly these.
const RESOURCES: FhirResourceRegistration[] = [];

export function createFhirApi(deps: HttpDeps, software: { version: string; releaseDate: string }) {
  const fhir = new Hono<AppEnv>();
  fhir.get('/metadata', (c) => {
    const statement = buildCapabilityStatement({
      publicUrl: deps.services.config.publicUrl,
      softwareVersion: software.version,
      releaseDate: software.releaseDate,
      resources: RESOURCES,
    });
    return c.body(JSON.stringify(statement), 200, { 'content-type': FHIR_JSON });
  });
  fhir.all('*', (c) =>
    c.body(
      JSON.stringify({
        resourceType: 'OperationOutcome',
        issue: [
          {
            severity: 'error',
            code: 'not-supported',
            diagnostics: 'This FHIR interaction is not supported.',
          },
        ],
      }),
      404,
      { 'content-type': FHIR_JSON },
    ),
  );
  return fhir;
}
