// Who may read a patient's records: the one access policy (services/auth/access-policy.ts) —
// the patient themselves and the practitioners who treat them; admins do not read clinical records.
// Anyone else gets the same "not found" as for a record that does not exist (CONTRACT.md §4).
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.server.ts';
import { patients } from '#db/schema/index.ts';
import { requirePatientAccess } from '../auth/access-policy.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';

/** The patient record of a signed-in patient; staff and accounts without a record are refused. */
export async function findOwnPatientId(db: Database, actor: Actor): Promise<string> {
  if (actor.role !== 'patient') {
    throw new AppError('forbidden', 'patients_only', 'Only patients have their own records here.');
  }
  const [own] = await db.select({ id: patients.id }).from(patients).where(eq(patients.userId, actor.userId));
  if (!own) throw new AppError('forbidden', 'no_patient_record', 'This account has no patient record.');
  return own.id;
}

/** Checks that the actor may read `patientId`'s clinical records (intake, questionnaires). */
export async function assertCanSeePatient(db: Database, actor: Actor, patientId: string): Promise<void> {
  await requirePatientAccess(db, actor, patientId, 'read-clinical');
}
