import type { Practitioner } from '@medplum/fhirtypes';
import type { PractitionerRecord } from '#services/fhir/read-clinic.ts';
import { localIdentifierSystem, type MappingContext } from './code-systems.ts';

export function toFhirPractitioner(record: PractitionerRecord, m: MappingContext): Practitioner {
  return {
    resourceType: 'Practitioner',
    id: record.id,
    identifier: [{ system: localIdentifierSystem(m, 'practitioner'), value: record.slug }],
    active: record.active,
    // The display name is one free text (it may carry a title); it is not split into parts.
    name: [{ text: record.displayName }],
    ...(record.credentials ? { qualification: [{ code: { text: record.credentials } }] } : {}),
  };
}

export function readPractitionerFields(practitioner: Practitioner): PractitionerRecord {
  return {
    id: practitioner.id ?? '',
    slug: practitioner.identifier?.[0]?.value ?? '',
    displayName: practitioner.name?.[0]?.text ?? '',
    credentials: practitioner.qualification?.[0]?.code.text ?? '',
    active: practitioner.active ?? false,
  };
}
