// The one access policy (issue 8): who may do what to which patient's records. Used by the web
// routes, the JSON API and the FHIR API alike, through the services. Anyone without access to a
// record gets the same "not found" as for a record that does not exist (CONTRACT.md §4).
//
//   patient       — their own records only
//   practitioner  — the patients they treat (anyone with an appointment with them, past or
//                   future) and their own diary
//   admin         — runs the clinic: people, diaries, appointments; not clinical notes or scores
//                   (least privilege: admins do not treat)
import { and, eq } from 'drizzle-orm';
import { isRecordId } from '#contracts/ids.ts';
import type { Database } from '#db/client.server.ts';
import { appointments, patients, practitioners } from '#db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

/** How the actor stands to one patient. */
export type PatientRelation = 'self' | 'treating-practitioner' | 'clinic-admin' | 'none';

export type PatientAction =
  | 'read-demographics'
  | 'read-appointments'
  | 'manage-appointments'
  | 'read-clinical'
  | 'write-clinical';

// The whole policy as data: the authorisation matrix test walks this table.
export const PATIENT_POLICY: Readonly<Record<PatientAction, readonly PatientRelation[]>> = {
  'read-demographics': ['self', 'treating-practitioner', 'clinic-admin'],
  'read-appointments': ['self', 'treating-practitioner', 'clinic-admin'],
  'manage-appointments': ['self', 'treating-practitioner', 'clinic-admin'],
  'read-clinical': ['self', 'treating-practitioner'],
  'write-clinical': ['treating-practitioner'],
};

export function isAllowed(relation: PatientRelation, action: PatientAction): boolean {
  return PATIENT_POLICY[action].includes(relation);
}

/** The actor's relation to a patient; `none` also for a patient who does not exist. */
export async function findPatientRelation(
  db: Database,
  actor: Actor,
  patientId: string,
): Promise<PatientRelation> {
  // Text that is not an id names no patient, and must not reach the uuid column (22P02).
  if (!isRecordId(patientId)) return 'none';
  const [patient] = await db
    .select({ id: patients.id, userId: patients.userId })
    .from(patients)
    .where(eq(patients.id, patientId));
  if (!patient) return 'none';
  if (actor.role === 'admin') return 'clinic-admin';
  if (actor.role === 'patient') return patient.userId === actor.userId ? 'self' : 'none';
  const [treated] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .innerJoin(practitioners, eq(practitioners.id, appointments.practitionerId))
    .where(and(eq(appointments.patientId, patientId), eq(practitioners.userId, actor.userId)))
    .limit(1);
  return treated ? 'treating-practitioner' : 'none';
}

/** Whether the actor may do `action` to the patient's records. */
export async function mayAccessPatient(
  db: Database,
  actor: Actor,
  patientId: string,
  action: PatientAction,
): Promise<boolean> {
  return isAllowed(await findPatientRelation(db, actor, patientId), action);
}

/** Throws the same 404-kind error as for a missing record unless the actor may do `action`. */
export async function requirePatientAccess(
  db: Database,
  actor: Actor,
  patientId: string,
  action: PatientAction,
): Promise<PatientRelation> {
  const relation = await findPatientRelation(db, actor, patientId);
  if (!isAllowed(relation, action)) throw new AppError('not_found', 'not_found', 'There is no such record.');
  return relation;
}
