// The practitioner's day (the workspace's left-hand list): one practitioner's appointments on one
// local date of the clinic, each with its note's status and the patient's safety flags.
import { inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { SafetyFinding } from '#core/clinical/safety/index.ts';
import { visitNotes } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { listPractitionerAppointments } from '../booking/list-appointments.ts';
import type { ServiceContext } from '../context.ts';
import { auditClinicalRecord, requirePractitioner } from './clinical-access.ts';
import { loadPatientsSafety } from './patient-safety.ts';

export type DayAppointment = {
  id: string;
  startAt: Date;
  endAt: Date;
  status: 'booked' | 'cancelled' | 'completed' | 'no-show';
  patientId: string;
  patientName: string;
  appointmentTypeName: string;
  noteStatus: 'draft' | 'signed' | null;
  /** null: no safety screen on file. */
  safetyFindings: SafetyFinding[] | null;
};

export type WorkspaceDay = {
  date: string;
  timeZone: string;
  practitionerId: string;
  practitionerName: string;
  appointments: DayAppointment[];
};

/** Today's date in the clinic's time zone. */
export function findClinicToday(ctx: ServiceContext): string {
  return Temporal.Instant.fromEpochMilliseconds(ctx.clock.now().getTime())
    .toZonedDateTimeISO(ctx.config.clinic.timeZone)
    .toPlainDate()
    .toString();
}

/**
 * The signed-in practitioner's own day. Only their own diary: colleagues' lists would show patients
 * they do not treat, which the access policy (services/auth/access-policy.ts) does not allow.
 */
export async function listWorkspaceDay(
  ctx: ServiceContext,
  actor: Actor,
  options: { date: string },
): Promise<WorkspaceDay> {
  const me = await requirePractitioner(ctx.db, actor);
  const practitionerId = me.practitionerId;
  const timeZone = ctx.config.clinic.timeZone;
  const day = Temporal.PlainDate.from(options.date);
  const from = day.toZonedDateTime({ timeZone });
  const to = day.add({ days: 1 }).toZonedDateTime({ timeZone });
  const records = await listPractitionerAppointments(
    ctx,
    practitionerId,
    new Date(from.epochMilliseconds),
    new Date(to.epochMilliseconds),
  );
  const ids = records.map((r) => r.id);
  const notes = ids.length
    ? await ctx.db
        .select({ appointmentId: visitNotes.appointmentId, status: visitNotes.status })
        .from(visitNotes)
        .where(inArray(visitNotes.appointmentId, ids))
    : [];
  const patientIds = [...new Set(records.map((r) => r.patientId))];
  const safetyByPatient = await loadPatientsSafety(ctx.db, patientIds);
  await auditClinicalRecord(ctx.db, actor, 'workspace_day.read', 'workspace_day', practitionerId, {
    date: options.date,
    patients: patientIds.length,
  });
  return {
    date: day.toString(),
    timeZone,
    practitionerId,
    practitionerName: me.displayName,
    appointments: records.map((r) => {
      const screen = safetyByPatient.get(r.patientId)?.screen ?? null;
      return {
        id: r.id,
        startAt: r.startAt,
        endAt: r.endAt,
        status: r.status,
        patientId: r.patientId,
        patientName: r.patientName,
        appointmentTypeName: r.appointmentTypeName,
        noteStatus: notes.find((n) => n.appointmentId === r.id)?.status ?? null,
        safetyFindings: screen ? [...screen.contraindications, ...screen.cautions] : null,
      };
    }),
  };
}
