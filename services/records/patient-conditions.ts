// Conditions a practitioner records for a patient from the condition library (a working
// assessment that shapes the treatment plan; FHIR Condition). Access follows the one policy:
// treating practitioners write, the patient and their practitioners read.
import { and, asc, eq } from 'drizzle-orm';
import { isConditionId } from '#core/clinical/conditions/index.ts';
import { patientConditions, practitioners } from '#db/schema/index.ts';
import { requirePatientAccess } from '../auth/access-policy.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { auditClinicalRecord, requirePractitioner } from './clinical-access.ts';

export type PatientConditionView = {
  id: string;
  conditionId: string;
  status: 'active' | 'resolved';
  note: string;
  practitionerName: string;
  recordedAt: Date;
  resolvedAt: Date | null;
};

export async function listPatientConditions(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
): Promise<PatientConditionView[]> {
  await requirePatientAccess(ctx.db, actor, patientId, 'read-clinical');
  const rows = await ctx.db
    .select({
      id: patientConditions.id,
      conditionId: patientConditions.conditionId,
      status: patientConditions.status,
      note: patientConditions.note,
      practitionerName: practitioners.displayName,
      recordedAt: patientConditions.recordedAt,
      resolvedAt: patientConditions.resolvedAt,
    })
    .from(patientConditions)
    .innerJoin(practitioners, eq(practitioners.id, patientConditions.practitionerId))
    .where(eq(patientConditions.patientId, patientId))
    .orderBy(asc(patientConditions.recordedAt));
  await auditClinicalRecord(ctx.db, actor, 'patient-conditions.read', 'patient_chart', patientId);
  return rows;
}

export async function recordPatientCondition(
  ctx: ServiceContext,
  actor: Actor,
  patientId: string,
  input: { conditionId: string; note?: string },
): Promise<{ id: string }> {
  const practitioner = await requirePractitioner(ctx.db, actor);
  await requirePatientAccess(ctx.db, actor, patientId, 'write-clinical');
  if (!isConditionId(input.conditionId)) {
    throw new AppError('invalid', 'unknown_condition', 'Choose a condition from the library.', {
      conditionId: 'Not a condition library id',
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: patientConditions.id })
      .from(patientConditions)
      .where(
        and(
          eq(patientConditions.patientId, patientId),
          eq(patientConditions.conditionId, input.conditionId),
          eq(patientConditions.status, 'active'),
        ),
      );
    if (existing) return existing; // recording the same active condition twice changes nothing
    const [row] = await tx
      .insert(patientConditions)
      .values({
        patientId,
        conditionId: input.conditionId,
        note: input.note?.trim() ?? '',
        practitionerId: practitioner.practitionerId,
        recordedAt: ctx.clock.now(),
      })
      .returning({ id: patientConditions.id });
    await auditClinicalRecord(tx, actor, 'patient-condition.record', 'patient_chart', patientId, {
      conditionId: input.conditionId,
    });
    return row!;
  });
}

export async function resolvePatientCondition(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  await requirePractitioner(ctx.db, actor);
  const [row] = await ctx.db
    .select({ patientId: patientConditions.patientId })
    .from(patientConditions)
    .where(eq(patientConditions.id, id));
  if (!row) throw new AppError('not_found', 'not_found', 'There is no such record.');
  await requirePatientAccess(ctx.db, actor, row.patientId, 'write-clinical');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(patientConditions)
      .set({ status: 'resolved', resolvedAt: ctx.clock.now() })
      .where(and(eq(patientConditions.id, id), eq(patientConditions.status, 'active')));
    await auditClinicalRecord(tx, actor, 'patient-condition.resolve', 'patient_chart', row.patientId, { id });
  });
}
