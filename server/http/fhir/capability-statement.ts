import type { CapabilityStatement, ResourceType } from '@medplum/fhirtypes';

/** The resources and interactions the FHIR facade serves; the CapabilityStatement is built from it. */
export type FhirResourceRegistration = {
  type: ResourceType;
  interactions: Array<'read' | 'search-type'>;
  searchParams: Array<{ name: string; type: 'token' | 'reference' | 'date' | 'string' | 'number' }>;
};

export function buildCapabilityStatement(input: {
  publicUrl: string;
  softwareVersion: string;
  releaseDate: string;
  resources: FhirResourceRegistration[];
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
        security: {
          description: 'Bearer tokens from POST /api/v1/auth/token; patients see only themselves.',
        },
        resource: input.resources.map((r) => ({
          type: r.type,
          interaction: r.interactions.map((code) => ({ code })),
          searchParam: r.searchParams.map((p) => ({ name: p.name, type: p.type })),
        })),
      },
    ],
  };
}
