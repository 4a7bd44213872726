// Cancelling, moving and closing appointments. Patients are held to the cancellation window; staff
// are not, but must give a reason to cancel. Moving is one UPDATE of the same row, so the old time is
// given up only in the same statement that wins the new one (issue 5: atomic reschedule).
import { eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { AppointmentDto } from '#contracts/booking.ts';
import { type AppointmentAction, checkAppointmentChange } from '#core/scheduling/cancellation-policy.ts';
import { checkBookingRequest } from '#core/scheduling/check-booking.ts';
import type { Database } from '#db/client.server.ts';
import { appointmentChanges, appointments } from '#db/schema/index.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { mayAccessPatient } from '../auth/access-policy.ts';
import { type Actor, isStaff } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { queueAppointmentMessage, scheduleAppointmentReminder } from './appointment-messages.ts';
import { appointmentTimes } from './appointment-times.ts';
import { type AppointmentRecord, findAppointmentRecord, toAppointmentDto } from './appointment-view.ts';
import { assertPatientIsFree, bookingRefusal, refuseOverlapAsConflict } from './book-appointment.ts';
import { loadAppointmentType, loadBookingPolicy, loadSchedulingData } from './scheduling-data.ts';

function notFound(): AppError {
  return new AppError('not_found', 'not_found', 'There is no such appointment.');
}

/**
 * The appointment if the actor may see it under the access policy (services/auth/access-policy.ts):
 * the patient, a practitioner who treats the patient, an admin. Anyone else gets the same 404 as
 * for a missing id (CONTRACT.md §4).
 */
export async function loadVisibleAppointment(
  db: Database,
  actor: Actor,
  id: string,
  action: 'read-appointments' | 'manage-appointments' = 'read-appointments',
): Promise<AppointmentRecord> {
  const record = await findAppointmentRecord(db, id);
  if (!record) throw notFound();
  if (!(await mayAccessPatient(db, actor, record.patientId, action))) throw notFound();
  return record;
}

function toInstant(date: Date): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime());
}

async function checkChange(
  tx: Database,
  ctx: ServiceContext,
  actor: Actor,
  record: AppointmentRecord,
  action: AppointmentAction,
) {
  const policy = await loadBookingPolicy(tx);
  const checked = checkAppointmentChange({
    action,
    status: record.status,
    actorRole: actor.role,
    start: toInstant(record.startAt),
    now: toInstant(ctx.clock.now()),
    policy,
  });
  if (!checked.ok) {
    const kind = checked.error.code === 'not_permitted' ? 'forbidden' : 'business_rule';
    throw new AppError(kind, checked.error.code, checked.error.message);
  }
  return { policy, status: checked.value.status };
}

async function recordChange(
  tx: Database,
  actor: Actor,
  record: AppointmentRecord,
  change: 'rescheduled' | 'cancelled' | 'completed' | 'no-show',
  at: Date,
  extra: { reason?: string | null; previousStartAt?: Date } = {},
) {
  await tx.insert(appointmentChanges).values({
    appointmentId: record.id,
    change,
    at,
    actorUserId: actor.userId,
    reason: extra.reason ?? null,
    previousStartAt: extra.previousStartAt ?? null,
    startAt: record.startAt,
  });
  await recordAuditEvent(tx, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: `appointment.${change}`,
    entityType: 'appointment',
    entityId: record.id,
    outcome: 'success',
  });
}

export async function cancelAppointment(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  reason: string | undefined,
): Promise<AppointmentDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await loadVisibleAppointment(tx, actor, id, 'manage-appointments');
    const { policy } = await checkChange(tx, ctx, actor, before, 'cancel');
    const cleanReason = reason?.trim() || null;
    if (isStaff(actor) && !cleanReason) {
      throw new AppError('invalid', 'reason_required', 'Give a reason when cancelling for a patient.', {
        reason: 'Required when staff cancel',
      });
    }
    const now = ctx.clock.now();
    await tx
      .update(appointments)
      .set({
        status: 'cancelled',
        cancellationReason: cleanReason,
        cancelledAt: now,
        sequence: before.sequence + 1,
        updatedAt: now,
      })
      .where(eq(appointments.id, id));
    const record = (await findAppointmentRecord(tx, id))!;
    await recordChange(tx, actor, record, 'cancelled', now, { reason: cleanReason });
    await queueAppointmentMessage(tx, ctx.config, record, 'cancellation', now);
    await scheduleAppointmentReminder(tx, ctx.config, record, now);
    return toAppointmentDto(record, policy);
  });
}

export async function rescheduleAppointment(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  newStart: string,
): Promise<AppointmentDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await loadVisibleAppointment(tx, actor, id, 'manage-appointments');
    const { policy } = await checkChange(tx, ctx, actor, before, 'reschedule');
    const requestedStart = Temporal.Instant.from(newStart);
    const type = await loadAppointmentType(tx, before.appointmentType);
    // No lock: the exclusion constraints (the practitioner's busy times, decision 009; the patient's
    // visits, decision 011) settle a race with a booking.
    // The appointment being moved must not block its own new time.
    const data = await loadSchedulingData(
      tx,
      [before.practitionerId],
      requestedStart,
      requestedStart.add({ hours: 24 }),
      { exceptAppointmentId: id },
    );
    const now = ctx.clock.now();
    const checked = checkBookingRequest({
      ...data,
      appointmentType: type,
      policy,
      now: toInstant(now),
      practitionerId: before.practitionerId,
      requestedStart,
    });
    if (!checked.ok) throw bookingRefusal(checked.error.code, checked.error.message);
    const startAt = new Date(checked.value.start.epochMilliseconds);
    const endAt = new Date(checked.value.end.epochMilliseconds);
    await assertPatientIsFree(tx, before.patientId, startAt, endAt, id);
    await refuseOverlapAsConflict(
      tx
        .update(appointments)
        .set({
          ...appointmentTimes(startAt, endAt, type),
          // A double booking kept by migration 0012 is held to the patient's rule once it moves.
          patientOverlapExempt: false,
          locationId: checked.value.locationId,
          sequence: before.sequence + 1,
          updatedAt: now,
        })
        .where(eq(appointments.id, id)),
    );
    const record = (await findAppointmentRecord(tx, id))!;
    await recordChange(tx, actor, record, 'rescheduled', now, { previousStartAt: before.startAt });
    await queueAppointmentMessage(tx, ctx.config, record, 'change', now);
    await scheduleAppointmentReminder(tx, ctx.config, record, now);
    return toAppointmentDto(record, policy);
  });
}

/** Staff record how a visit went: attended (`completed`) or `no-show`, once it has started. */
export async function closeAppointment(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
  outcome: 'completed' | 'no-show',
): Promise<AppointmentDto> {
  return ctx.db.transaction(async (tx) => {
    const before = await loadVisibleAppointment(tx, actor, id, 'manage-appointments');
    const { policy } = await checkChange(
      tx,
      ctx,
      actor,
      before,
      outcome === 'completed' ? 'complete' : 'mark-no-show',
    );
    const now = ctx.clock.now();
    await tx.update(appointments).set({ status: outcome, updatedAt: now }).where(eq(appointments.id, id));
    const record = (await findAppointmentRecord(tx, id))!;
    await recordChange(tx, actor, record, outcome, now);
    await scheduleAppointmentReminder(tx, ctx.config, record, now);
    return toAppointmentDto(record, policy);
  });
}
