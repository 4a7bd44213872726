import type { CapabilityStatement } from '@medplum/fhirtypes';
import type { FhirResourceDefinition } from './resource-definition.ts';
import { COMMON_SEARCH_PARAMS } from './search-params.ts';

/** What the CapabilityStatement needs of a registered resource (registry.ts). */
export type FhirResourceRegistration = Pick<
  FhirResourceDefinition,
  'type' | 'interactions' | 'searchParams' | 'operations'
>;

export function buildCapabilityStatement(input: {
  publicUrl: string;
  softwareVersion: string;
  releaseDate: string;
  resources: readonly FhirResourceRegistration[];
}): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: input.releaseDate,
    publisher: 'Backpoint',
    kind: 'instance',
    software: { name: 'Backpoint', version: input.softwareVersion },
    implementation: { description: 'Backpoint FHIR R4 API', url: `${input.publicUrl}/fhir/R4` },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Read-only. Unknown search parameters, modifiers and _include/_revinclude/_sort are refused with 400 (strict handling).',
        security: {
          description:
            'Bearer tokens from POST /api/v1/auth/token. Patients see only themselves; practitioners the patients who have an appointment with them; admins everyone. Records the caller may not see answer 404, like unknown ids.',
        },
        resource: input.resources.map((r) => ({
          type: r.type,
          profile: `http://hl7.org/fhir/StructureDefinition/${r.type}`,
          interaction: r.interactions.map((code) => ({ code })),
          searchParam: r.searchParams.map((p) => ({
            name: p.name,
            type: p.type,
            documentation: p.documentation,
          })),
          ...(r.operations?.length
            ? {
                operation: r.operations.map((o) => ({
                  name: o.name,
                  definition: o.definition,
                  documentation: o.documentation,
                })),
              }
            : {}),
        })),
        searchParam: COMMON_SEARCH_PARAMS.map((p) => ({
          name: p.name,
          type: p.type,
          documentation: p.documentation,
        })),
      },
    ],
  };
}
