import { and, asc, eq, gte, lt, ne, type SQL } from 'drizzle-orm';
import type { AppointmentDto, AppointmentTypeDto } from '#contracts/booking.ts';
import { appointments, appointmentTypes, patients, practitioners } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { type AppointmentRecord, selectAppointmentRecords, toAppointmentDto } from './appointment-view.ts';
import { loadBookingPolicy } from './scheduling-data.ts';

export async function listAppointmentTypes(ctx: ServiceContext): Promise<AppointmentTypeDto[]> {
  return ctx.db
    .select({
      slug: appointmentTypes.slug,
      name: appointmentTypes.name,
      description: appointmentTypes.description,
      durationMinutes: appointmentTypes.durationMinutes,
      newPatientOnly: appointmentTypes.newPatientOnly,
    })
    .from(appointmentTypes)
    .where(eq(appointmentTypes.active, true))
    .orderBy(asc(appointmentTypes.durationMinutes));
}

/**
 * The caller's appointments, oldest first: a patient's own, a practitioner's diary, and for an admin
 * every appointment of the clinic.
 */
export async function listMyAppointments(ctx: ServiceContext, actor: Actor): Promise<AppointmentDto[]> {
  const where: Record<Actor['role'], SQL | undefined> = {
    patient: eq(patients.userId, actor.userId),
    practitioner: eq(practitioners.userId, actor.userId),
    admin: undefined,
  };
  const [records, policy] = await Promise.all([
    selectAppointmentRecords(ctx.db, where[actor.role]),
    loadBookingPolicy(ctx.db),
  ]);
  return records.map((r) => toAppointmentDto(r, policy));
}

/** One practitioner's live appointments between two instants (the workspace day view). */
export async function listPractitionerAppointments(
  ctx: ServiceContext,
  practitionerId: string,
  from: Date,
  to: Date,
): Promise<AppointmentRecord[]> {
  return selectAppointmentRecords(
    ctx.db,
    and(
      eq(appointments.practitionerId, practitionerId),
      ne(appointments.status, 'cancelled'),
      gte(appointments.startAt, from),
      lt(appointments.startAt, to),
    ),
  );
}
