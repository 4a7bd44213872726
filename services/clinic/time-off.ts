// Practitioners' time off (admin). Entered as local wall-clock times in the clinic's time zone and
// stored as instants; the booking engine stops offering those times at once. Appointments already
// booked inside the time off are listed so staff can move them; nothing is cancelled automatically.
import { and, asc, eq, gt, lt, ne } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { TimeOffInput } from '#contracts/clinic-admin.ts';
import { appointments, practitioners, timeOff } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { auditAdminChange, requireAdmin } from './admin-access.ts';

export type TimeOffRow = { id: string; practitionerId: string; startAt: Date; endAt: Date; reason: string };

/** Time off that has not ended yet, soonest first. */
export async function listUpcomingTimeOff(ctx: ServiceContext, actor: Actor): Promise<TimeOffRow[]> {
  requireAdmin(actor);
  return ctx.db
    .select({
      id: timeOff.id,
      practitionerId: timeOff.practitionerId,
      startAt: timeOff.startAt,
      endAt: timeOff.endAt,
      reason: timeOff.reason,
    })
    .from(timeOff)
    .where(gt(timeOff.endAt, ctx.clock.now()))
    .orderBy(asc(timeOff.startAt));
}

function toInstant(local: string, timeZone: string): Date {
  // `disambiguation: 'compatible'`: a time in the spring-forward gap moves forward, a repeated one
  // takes the earlier instant, as a wall clock would.
  const zoned = Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone, {
    disambiguation: 'compatible',
  });
  return new Date(zoned.epochMilliseconds);
}

export async function addTimeOff(
  ctx: ServiceContext,
  actor: Actor,
  input: TimeOffInput,
): Promise<{ id: string; clashingAppointments: number }> {
  requireAdmin(actor);
  const startAt = toInstant(input.startLocal, ctx.config.clinic.timeZone);
  const endAt = toInstant(input.endLocal, ctx.config.clinic.timeZone);
  if (endAt <= startAt) {
    throw new AppError('invalid', 'invalid_range', 'The end must be after the start.', {
      endLocal: 'The end must be after the start.',
    });
  }
  return ctx.db.transaction(async (tx) => {
    const [practitioner] = await tx
      .select({ id: practitioners.id })
      .from(practitioners)
      .where(eq(practitioners.id, input.practitionerId));
    if (!practitioner) {
      throw new AppError('not_found', 'not_found', 'There is no such practitioner.', {
        practitionerId: 'Choose a practitioner from the list.',
      });
    }
    const [row] = await tx
      .insert(timeOff)
      .values({
        practitionerId: input.practitionerId,
        startAt,
        endAt,
        reason: input.reason,
        createdAt: ctx.clock.now(),
      })
      .returning({ id: timeOff.id });
    const clashing = await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(
        and(
          eq(appointments.practitionerId, input.practitionerId),
          ne(appointments.status, 'cancelled'),
          lt(appointments.startAt, endAt),
          gt(appointments.endAt, startAt),
        ),
      );
    await auditAdminChange(tx, actor, 'time_off.create', 'time_off', row!.id, {
      practitionerId: input.practitionerId,
      startAt: startAt.toISOString(),
      endAt: endAt.toISOString(),
      clashingAppointments: clashing.length,
    });
    return { id: row!.id, clashingAppointments: clashing.length };
  });
}

export async function removeTimeOff(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(timeOff).where(eq(timeOff.id, id)).returning({ id: timeOff.id });
    if (!row) throw new AppError('not_found', 'not_found', 'That time off no longer exists.');
    await auditAdminChange(tx, actor, 'time_off.delete', 'time_off', id);
  });
}
