// Patient records as the FHIR facade shows them.
import { and, asc, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import { patients } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { buildRecordWhere, escapeLikePattern, type RecordFilter } from './record-filter.ts';

export type PatientRecord = {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  sex: 'female' | 'male' | 'other' | 'unknown';
  email: string | null;
  phone: string | null;
  updatedAt: Date;
};

export type PatientFilter = Omit<RecordFilter, 'patientIds' | 'from' | 'to'> & {
  /** Matches the start of the given or family name, ignoring case (FHIR string search). */
  name?: readonly string[];
  gender?: readonly string[];
  /** Birth dates in [from, to), as local dates YYYY-MM-DD. */
  bornFrom?: string;
  bornBefore?: string;
};

export async function listPatientsForFhir(
  ctx: ServiceContext,
  filter: PatientFilter,
): Promise<PatientRecord[]> {
  const nameMatch: SQL[] = (filter.name ?? []).flatMap((n) => {
    const pattern = `${escapeLikePattern(n)}%`;
    return [ilike(patients.givenName, pattern), ilike(patients.familyName, pattern)];
  });
  const genders = (filter.gender ?? []).filter((g): g is PatientRecord['sex'] =>
    ['female', 'male', 'other', 'unknown'].includes(g),
  );
  return ctx.db
    .select({
      id: patients.id,
      givenName: patients.givenName,
      familyName: patients.familyName,
      dateOfBirth: patients.dateOfBirth,
      sex: patients.sex,
      email: patients.email,
      phone: patients.phone,
      updatedAt: patients.updatedAt,
    })
    .from(patients)
    .where(
      and(
        buildRecordWhere({ id: patients.id, patientId: patients.id, date: patients.createdAt }, filter),
        filter.name ? or(...nameMatch) : undefined,
        filter.gender ? inArray(patients.sex, genders) : undefined,
        filter.bornFrom ? gte(patients.dateOfBirth, filter.bornFrom) : undefined,
        filter.bornBefore ? lt(patients.dateOfBirth, filter.bornBefore) : undefined,
      ),
    )
    .orderBy(asc(patients.familyName), asc(patients.givenName), asc(patients.id));
}
