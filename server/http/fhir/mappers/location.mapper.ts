import type { Location } from '@medplum/fhirtypes';
import type { LocationRecord } from '#services/fhir/read-clinic.ts';
import { localIdentifierSystem, type MappingContext, TIMEZONE_EXTENSION } from './code-systems.ts';

export function toFhirLocation(record: LocationRecord, m: MappingContext): Location {
  return {
    resourceType: 'Location',
    id: record.id,
    extension: [{ url: TIMEZONE_EXTENSION, valueCode: record.timeZone }],
    identifier: [{ system: localIdentifierSystem(m, 'location'), value: record.slug }],
    status: 'active',
    name: record.name,
    mode: 'instance',
    telecom: [{ system: 'phone', value: record.phone }],
    // The address is kept as one line of text; it is not split into street, city and code.
    address: { text: record.address },
  };
}

export function readLocationFields(location: Location): LocationRecord {
  return {
    id: location.id ?? '',
    slug: location.identifier?.[0]?.value ?? '',
    name: location.name ?? '',
    address: location.address?.text ?? '',
    phone: location.telecom?.find((t) => t.system === 'phone')?.value ?? '',
    timeZone: location.extension?.find((e) => e.url === TIMEZONE_EXTENSION)?.valueCode ?? '',
  };
}
