// Booking one appointment (ENGINEERING.md §2, worked example): one transaction that checks the request
// with the scheduling core, inserts it, records the change, queues the emails and audits it. The
// database's exclusion constraint is the last word on overlaps whatever happens above it.
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { AppointmentDto, BookAppointmentRequest } from '#contracts/booking.ts';
import { checkBookingRequest } from '#core/scheduling/check-booking.ts';
import type { Database } from '#db/client.server.ts';
import { appointmentChanges, appointments, patients } from '#db/schema/index.ts';
import { SQL_STATE, sqlStateOf } from '#db/sql-state.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { type Actor, isStaff } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { queueAppointmentMessage, scheduleAppointmentReminder } from './appointment-messages.ts';
import { findAppointmentRecord, toAppointmentDto } from './appointment-view.ts';
import { runIdempotently } from './idempotency.ts';
import { loadAppointmentType, loadBookingPolicy, loadSchedulingData } from './scheduling-data.ts';

export function slotTakenError(): AppError {
  return new AppError('conflict', 'slot_taken', 'This time is no longer free. Please choose another time.');
}

/**
 * Serialises booking changes per practitioner for the rest of the transaction, so the checks that the
 * constraint cannot express (buffers, time off) see every committed booking. Overlaps are still
 * refused by the constraint even for writers that skip this lock.
 */
export async function lockPractitionerSchedule(tx: Database, practitionerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`schedule:${practitionerId}`}))`);
}

/** Inserts or updates appointment rows, turning the database's overlap refusal into `slot_taken`. */
export async function refuseOverlapAsSlotTaken<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (sqlStateOf(error) === SQL_STATE.exclusionViolation) throw slotTakenError();
    throw error;
  }
}

async function resolvePatientId(tx: Database, actor: Actor, requested: string | undefined): Promise<string> {
  if (isStaff(actor)) {
    if (!requested) {
      throw new AppError('invalid', 'patient_required', 'Choose the patient to book for.', {
        patientId: 'Required when staff book',
      });
    }
    const [found] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.id, requested));
    if (!found)
      throw new AppError('invalid', 'unknown_patient', 'There is no such patient.', { patientId: 'Unknown' });
    return found.id;
  }
  const [own] = await tx.select({ id: patients.id }).from(patients).where(eq(patients.userId, actor.userId));
  if (!own) throw new AppError('forbidden', 'no_patient_record', 'This account has no patient record.');
  if (requested && requested !== own.id) {
    throw new AppError('forbidden', 'not_your_record', 'Patients can only book for themselves.');
  }
  return own.id;
}

async function isNewPatient(tx: Database, patientId: string): Promise<boolean> {
  const [seen] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.patientId, patientId), ne(appointments.status, 'cancelled')))
    .limit(1);
  return !seen;
}

/** A patient cannot be in two places at once, whatever the practitioners' calendars say. */
export async function assertPatientIsFree(
  tx: Database,
  patientId: string,
  start: Date,
  end: Date,
  exceptAppointmentId?: string,
): Promise<void> {
  const [clash] = await tx
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.patientId, patientId),
        ne(appointments.status, 'cancelled'),
        lt(appointments.startAt, end),
        gt(appointments.endAt, start),
        exceptAppointmentId ? ne(appointments.id, exceptAppointmentId) : undefined,
      ),
    )
    .limit(1);
  if (clash) {
    throw new AppError('conflict', 'patient_already_booked', 'You already have an appointment at this time.');
  }
}

/** Refusals of the scheduling core as use-case errors: a taken slot is a conflict, the rest rule breaks. */
export function bookingRefusal(code: string, message: string): AppError {
  if (code === 'slot_taken') return slotTakenError();
  const field = code === 'not_offered' || code === 'new_patients_only' ? 'appointmentType' : 'start';
  return new AppError('business_rule', code, message, { [field]: message });
}

async function insertBooking(
  ctx: ServiceContext,
  tx: Database,
  actor: Actor,
  input: BookAppointmentRequest,
): Promise<AppointmentDto> {
  const patientId = await resolvePatientId(tx, actor, input.patientId);
  const requestedStart = Temporal.Instant.from(input.start);
  const type = await loadAppointmentType(tx, input.appointmentType);
  await lockPractitionerSchedule(tx, input.practitionerId);
  const now = ctx.clock.now();
  // One connection in a transaction: queries go one after another (pg refuses concurrent ones).
  const policy = await loadBookingPolicy(tx);
  const data = await loadSchedulingData(
    tx,
    [input.practitionerId],
    requestedStart,
    requestedStart.add({ hours: 24 }),
  );
  const newPatient = type.newPatientsOnly ? await isNewPatient(tx, patientId) : undefined;
  const checked = checkBookingRequest({
    ...data,
    appointmentType: type,
    policy,
    now: Temporal.Instant.fromEpochMilliseconds(now.getTime()),
    practitionerId: input.practitionerId,
    requestedStart,
    ...(newPatient === undefined ? {} : { isNewPatient: newPatient }),
  });
  if (!checked.ok) throw bookingRefusal(checked.error.code, checked.error.message);
  const startAt = new Date(checked.value.start.epochMilliseconds);
  const endAt = new Date(checked.value.end.epochMilliseconds);
  await assertPatientIsFree(tx, patientId, startAt, endAt);

  const [row] = await refuseOverlapAsSlotTaken(
    tx
      .insert(appointments)
      .values({
        patientId,
        practitionerId: input.practitionerId,
        locationId: checked.value.locationId,
        appointmentTypeId: type.id,
        startAt,
        endAt,
        status: 'booked',
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: appointments.id }),
  );
  const id = row!.id;
  await tx
    .insert(appointmentChanges)
    .values({ appointmentId: id, change: 'booked', at: now, actorUserId: actor.userId, startAt });
  const record = (await findAppointmentRecord(tx, id))!;
  await queueAppointmentMessage(tx, ctx.config, record, 'confirmation', now);
  await scheduleAppointmentReminder(tx, ctx.config, record, now);
  await recordAuditEvent(tx, {
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: 'appointment.book',
    entityType: 'appointment',
    entityId: id,
    outcome: 'success',
  });
  return toAppointmentDto(record, policy);
}

/**
 * Books an appointment for the actor (a patient for themselves, staff for a named patient).
 * With an idempotency key, a retry gives the first answer back instead of a second appointment.
 */
export async function bookAppointment(
  ctx: ServiceContext,
  actor: Actor,
  input: BookAppointmentRequest,
  idempotencyKey?: string,
) {
  return runIdempotently(
    ctx,
    { userId: actor.userId, key: idempotencyKey, scope: 'POST /appointments', body: input },
    async (tx) => ({ statusCode: 201, body: await insertBooking(ctx, tx, actor, input) }),
  );
}
