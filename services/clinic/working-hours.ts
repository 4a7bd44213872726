// Practitioners' weekly working hours (admin). The booking engine reads the same rows
// (services/booking/scheduling-data.ts), so a change here changes what patients can book at once.
import { and, asc, eq } from 'drizzle-orm';
import type { WorkingHoursInput } from '#contracts/clinic-admin.ts';
import { locations, practitioners, workingHours } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { auditAdminChange, requireAdmin } from './admin-access.ts';

export type WorkingHoursRow = {
  id: string;
  practitionerId: string;
  weekday: number;
  startsAt: string;
  endsAt: string;
};

export async function listWorkingHours(ctx: ServiceContext, actor: Actor): Promise<WorkingHoursRow[]> {
  requireAdmin(actor);
  const rows = await ctx.db
    .select({
      id: workingHours.id,
      practitionerId: workingHours.practitionerId,
      weekday: workingHours.weekday,
      startsAt: workingHours.startsAt,
      endsAt: workingHours.endsAt,
    })
    .from(workingHours)
    .orderBy(asc(workingHours.weekday), asc(workingHours.startsAt));
  // PostgreSQL `time` reads back as HH:MM:SS; the forms and the scheduling core use HH:MM.
  return rows.map((r) => ({ ...r, startsAt: r.startsAt.slice(0, 5), endsAt: r.endsAt.slice(0, 5) }));
}

/** Adds a range to a weekday; refused when it overlaps a range the practitioner already has that day. */
export async function addWorkingHours(
  ctx: ServiceContext,
  actor: Actor,
  input: WorkingHoursInput,
): Promise<{ id: string }> {
  requireAdmin(actor);
  const created = await ctx.db.transaction(async (tx) => {
    const [practitioner] = await tx
      .select({ id: practitioners.id })
      .from(practitioners)
      .where(eq(practitioners.id, input.practitionerId));
    if (!practitioner) {
      throw new AppError('not_found', 'not_found', 'There is no such practitioner.', {
        practitionerId: 'Choose a practitioner from the list.',
      });
    }
    const sameDay = await tx
      .select({
        startsAt: workingHours.startsAt,
        endsAt: workingHours.endsAt,
        locationId: workingHours.locationId,
      })
      .from(workingHours)
      .where(
        and(eq(workingHours.practitionerId, input.practitionerId), eq(workingHours.weekday, input.weekday)),
      );
    const overlapping = sameDay.find(
      (r) => r.startsAt.slice(0, 5) < input.endsAt && input.startsAt < r.endsAt.slice(0, 5),
    );
    if (overlapping) {
      throw new AppError(
        'conflict',
        'hours_overlap',
        `These hours overlap ${overlapping.startsAt.slice(0, 5)}–${overlapping.endsAt.slice(0, 5)} on the same day.`,
        { startsAt: 'Overlaps existing hours.' },
      );
    }
    // One location today: the practitioner's own if they have hours, else the clinic's first.
    const [anyHours] = await tx
      .select({ locationId: workingHours.locationId })
      .from(workingHours)
      .where(eq(workingHours.practitionerId, input.practitionerId))
      .limit(1);
    const [location] = anyHours
      ? [{ id: anyHours.locationId }]
      : await tx.select({ id: locations.id }).from(locations).orderBy(asc(locations.createdAt)).limit(1);
    if (!location) throw new AppError('business_rule', 'no_location', 'Add a clinic location first.');
    const [row] = await tx
      .insert(workingHours)
      .values({
        practitionerId: input.practitionerId,
        locationId: location.id,
        weekday: input.weekday,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
      })
      .returning({ id: workingHours.id });
    await auditAdminChange(tx, actor, 'working_hours.create', 'working_hours', row!.id, { ...input });
    return { id: row!.id };
  });
  // Opening hours are shown on public pages.
  ctx.contentChanges?.changed();
  return created;
}

export async function removeWorkingHours(ctx: ServiceContext, actor: Actor, id: string): Promise<void> {
  requireAdmin(actor);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.delete(workingHours).where(eq(workingHours.id, id)).returning();
    if (!row) throw new AppError('not_found', 'not_found', 'Those hours no longer exist.');
    await auditAdminChange(tx, actor, 'working_hours.delete', 'working_hours', id, {
      practitionerId: row.practitionerId,
      weekday: row.weekday,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
    });
  });
  ctx.contentChanges?.changed();
}
