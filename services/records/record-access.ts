// Who may read and write a patient's records: the patient themselves, and the clinic's
// practitioners (one team, as for appointments: services/booking/change-appointment.ts). Admins run
// the clinic but do not read clinical records (least privilege, as in clinical-access.ts).
// Anyone else gets the same "not found" as for a record that does not exist (CONTRACT.md §4).
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.server.ts';
import { patients } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function patientNotFound(): AppError {
  return new AppError('not_found', 'not_found', 'There is no such patient.');
}

/** The patient record of a signed-in patient; staff and accounts without a record are refused. */
export async function findOwnPatientId(db: Database, actor: Actor): Promise<string> {
  if (actor.role !== 'patient') {
    throw new AppError('forbidden', 'patients_only', 'Only patients have their own records here.');
  }
  const [own] = await db.select({ id: patients.id }).from(patients).where(eq(patients.userId, actor.userId));
  if (!own) throw new AppError('forbidden', 'no_patient_record', 'This account has no patient record.');
  return own.id;
}

/** Checks that the actor may see `patientId`'s records. */
export async function assertCanSeePatient(db: Database, actor: Actor, patientId: string): Promise<void> {
  if (!UUID.test(patientId)) throw patientNotFound();
  const [row] = await db
    .select({ id: patients.id, userId: patients.userId })
    .from(patients)
    .where(eq(patients.id, patientId));
  if (!row) throw patientNotFound();
  if (actor.role === 'practitioner') return;
  if (actor.role === 'patient' && row.userId === actor.userId) return;
  throw patientNotFound();
}
