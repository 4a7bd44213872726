import type { Patient } from '@medplum/fhirtypes';
import type { PatientRecord } from '#services/fhir/read-patients.ts';

// Our sex values are exactly FHIR's administrative-gender codes.
export function toFhirPatient(record: PatientRecord): Patient {
  const telecom: NonNullable<Patient['telecom']> = [];
  if (record.email) telecom.push({ system: 'email', value: record.email });
  if (record.phone) telecom.push({ system: 'phone', value: record.phone });
  return {
    resourceType: 'Patient',
    id: record.id,
    meta: { lastUpdated: record.updatedAt.toISOString() },
    active: true,
    name: [
      {
        use: 'official',
        family: record.familyName,
        given: [record.givenName],
        text: `${record.givenName} ${record.familyName}`,
      },
    ],
    gender: record.sex,
    ...(record.dateOfBirth ? { birthDate: record.dateOfBirth } : {}),
    ...(telecom.length > 0 ? { telecom } : {}),
  };
}

/** The domain fields back from a Patient made by toFhirPatient. */
export function readPatientFields(patient: Patient): PatientRecord {
  const name = patient.name?.[0];
  return {
    id: patient.id ?? '',
    givenName: name?.given?.[0] ?? '',
    familyName: name?.family ?? '',
    dateOfBirth: patient.birthDate ?? null,
    sex: patient.gender ?? 'unknown',
    email: patient.telecom?.find((t) => t.system === 'email')?.value ?? null,
    phone: patient.telecom?.find((t) => t.system === 'phone')?.value ?? null,
    updatedAt: new Date(patient.meta?.lastUpdated ?? 0),
  };
}
