// Who may touch clinical records, and the audit row every read and write of them leaves
// (ENGINEERING.md §5). The workspace is for practitioners: admins run the clinic but do not read
// notes (least privilege), and patients see their own records only through their own pages. Which
// patients a practitioner may see is the one access policy of services/auth/access-policy.ts: the
// patients they treat (anyone with an appointment with them); anyone else is "not found".
import { eq } from 'drizzle-orm';
import type { Database } from '#db/client.server.ts';
import { practitioners } from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { requirePatientAccess } from '../auth/access-policy.ts';
import type { Actor } from '../auth/actor.ts';
import { AppError } from '../errors.ts';

export type PractitionerIdentity = { practitionerId: string; userId: string; displayName: string };

/** The practitioner acting, or `forbidden` for anyone else (the edges answer 403/404). */
export async function requirePractitioner(db: Database, actor: Actor): Promise<PractitionerIdentity> {
  if (actor.role !== 'practitioner') {
    throw new AppError('forbidden', 'practitioners_only', 'Only practitioners can use clinical records.');
  }
  const [row] = await db
    .select({ id: practitioners.id, displayName: practitioners.displayName })
    .from(practitioners)
    .where(eq(practitioners.userId, actor.userId));
  if (!row) throw new AppError('forbidden', 'practitioners_only', 'This account has no practitioner record.');
  return { practitionerId: row.id, userId: actor.userId, displayName: row.displayName };
}

/** A practitioner who treats the patient, for reading or writing their clinical record. */
export async function requireClinicalAccess(
  db: Database,
  actor: Actor,
  patientId: string,
  access: 'read' | 'write',
): Promise<PractitionerIdentity> {
  const practitioner = await requirePractitioner(db, actor);
  await requirePatientAccess(db, actor, patientId, access === 'read' ? 'read-clinical' : 'write-clinical');
  return practitioner;
}

export type ClinicalEntity =
  | 'visit_note'
  | 'patient_chart'
  | 'workspace_day'
  | 'treatment_course'
  | 'charted_point'
  | 'adverse_event'
  | 'note_addendum';

/** One audit row for a read or a write of a clinical record; pass the transaction handle for writes. */
export async function auditClinicalRecord(
  db: Database,
  actor: Actor,
  action: string,
  entityType: ClinicalEntity,
  entityId: string,
  detail?: Record<string, unknown>,
  outcome: 'success' | 'failure' = 'success',
): Promise<void> {
  await recordAuditEvent(db, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    entityType,
    entityId,
    outcome,
    ...(detail ? { detail } : {}),
  });
}
