// Recorded patient conditions for the FHIR facade (Condition).
import { asc } from 'drizzle-orm';
import { patientConditions } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';
import { buildRecordWhere, type RecordFilter } from './record-filter.ts';

export type PatientConditionRecord = {
  id: string;
  patientId: string;
  conditionId: string;
  practitionerId: string;
  recordedAt: Date;
  status: 'active' | 'resolved';
};

export async function listPatientConditionsForFhir(
  ctx: ServiceContext,
  filter: RecordFilter,
): Promise<PatientConditionRecord[]> {
  return ctx.db
    .select({
      id: patientConditions.id,
      patientId: patientConditions.patientId,
      conditionId: patientConditions.conditionId,
      practitionerId: patientConditions.practitionerId,
      recordedAt: patientConditions.recordedAt,
      status: patientConditions.status,
    })
    .from(patientConditions)
    .where(
      buildRecordWhere(
        {
          id: patientConditions.id,
          patientId: patientConditions.patientId,
          date: patientConditions.recordedAt,
        },
        filter,
      ),
    )
    .orderBy(asc(patientConditions.recordedAt));
}
