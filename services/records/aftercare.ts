// The aftercare advice practitioners write in signed visit notes, for the patient's own past-visit
// list (shared/DESIGN.md "My care": past visits with aftercare notes). Only signed notes: a draft is
// still the practitioner's working copy.
import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '#db/client.server.ts';
import { visitNotes } from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { findOwnPatientId } from './record-access.ts';

/** Appointment id → aftercare text of one patient's signed notes that have some (callers audit). */
export async function selectAftercare(db: Database, patientId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ appointmentId: visitNotes.appointmentId, aftercare: visitNotes.aftercare })
    .from(visitNotes)
    .where(
      and(eq(visitNotes.patientId, patientId), eq(visitNotes.status, 'signed'), ne(visitNotes.aftercare, '')),
    );
  return new Map(rows.map((row) => [row.appointmentId, row.aftercare.trim()]));
}

/** Appointment id → aftercare text, for the signed-in patient's signed visit notes that have some. */
export async function listMyAftercare(ctx: ServiceContext, actor: Actor): Promise<Map<string, string>> {
  const patientId = await findOwnPatientId(ctx.db, actor);
  const aftercare = await selectAftercare(ctx.db, patientId);
  if (aftercare.size > 0) {
    await recordAuditEvent(ctx.db, {
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'visit_note.read-aftercare',
      entityType: 'patient',
      entityId: patientId,
      outcome: 'success',
      detail: { count: aftercare.size },
    });
  }
  return aftercare;
}
