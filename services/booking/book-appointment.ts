// Booking one appointment (ENGINEERING.md §2, worked example; docs/decisions/009): one statement
// reads what the booking needs, the pure scheduling core checks the request, and one statement
// writes the appointment, its history, its emails and its audit row. The database's exclusion
// constraint on busy times (the visit and its buffers) is what settles a race with another booking:
// no lock is held, and nothing slow runs while a statement is open.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { AppointmentDto, BookAppointmentRequest } from '#contracts/booking.ts';
import { checkBookingRequest } from '#core/scheduling/check-booking.ts';
import type { Database } from '#db/client.server.ts';
import { appointments } from '#db/schema/index.ts';
import { constraintOf, SQL_STATE, sqlStateOf } from '#db/sql-state.ts';
import { type Actor, isStaff } from '../auth/actor.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { draftNewBookingMessages } from './appointment-messages.ts';
import { appointmentTimes } from './appointment-times.ts';
import { type AppointmentRecord, toAppointmentDto } from './appointment-view.ts';
import { type BookingSnapshot, loadBookingSnapshot } from './booking-snapshot.ts';
import {
  hashRequest,
  KEY_LIFETIME_MS,
  keyNotBefore,
  replayAnswerOfRace,
  replayStoredAnswer,
  type StoredResponse,
} from './idempotency.ts';
import { writeBooking } from './write-booking.ts';

export function slotTakenError(): AppError {
  return new AppError('conflict', 'slot_taken', 'This time is no longer free. Please choose another time.');
}

/** The patient-side exclusion constraint (migration 0012, docs/decisions/011). */
const PATIENT_NO_OVERLAP = 'appointments_patient_no_overlap';

/**
 * Inserts or updates appointment rows, turning the database's overlap refusals into conflicts: the
 * patient's own constraint into `patient_already_booked`, the practitioner's into `slot_taken`.
 * A deadlock is `slot_taken` too: a plain UPDATE under the exclusion constraints (a reschedule) that
 * meets an overlapping change in flight can end with both waiting on each other, and PostgreSQL then
 * cancels one of them, the one whose time was contested (bookings avoid this, see migration 0011).
 */
export async function refuseOverlapAsConflict<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    const state = sqlStateOf(error);
    if (state === SQL_STATE.exclusionViolation && constraintOf(error) === PATIENT_NO_OVERLAP)
      throw patientAlreadyBooked();
    if (state === SQL_STATE.exclusionViolation || state === SQL_STATE.deadlockDetected)
      throw slotTakenError();
    throw error;
  }
}

function patientAlreadyBooked(): AppError {
  return new AppError('conflict', 'patient_already_booked', 'You already have an appointment at this time.');
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
  if (clash) throw patientAlreadyBooked();
}

/** Refusals of the scheduling core as use-case errors: a taken slot is a conflict, the rest rule breaks. */
export function bookingRefusal(code: string, message: string): AppError {
  if (code === 'slot_taken') return slotTakenError();
  const field = code === 'not_offered' || code === 'new_patients_only' ? 'appointmentType' : 'start';
  return new AppError('business_rule', code, message, { [field]: message });
}

/** Who the booking is for: staff name a patient; a patient books for themselves only. */
function patientOf(actor: Actor, requested: string | undefined): { byId: string } | 'own' {
  if (!isStaff(actor)) return 'own';
  if (!requested) {
    throw new AppError('invalid', 'patient_required', 'Choose the patient to book for.', {
      patientId: 'Required when staff book',
    });
  }
  return { byId: requested };
}

function checkedPatient(actor: Actor, requested: string | undefined, snapshot: BookingSnapshot) {
  const { patient } = snapshot;
  if (isStaff(actor)) {
    if (!patient)
      throw new AppError('invalid', 'unknown_patient', 'There is no such patient.', { patientId: 'Unknown' });
    return patient;
  }
  if (!patient) throw new AppError('forbidden', 'no_patient_record', 'This account has no patient record.');
  if (requested && requested !== patient.id) {
    throw new AppError('forbidden', 'not_your_record', 'Patients can only book for themselves.');
  }
  return patient;
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
): Promise<StoredResponse<AppointmentDto>> {
  const patientRef = patientOf(actor, input.patientId);
  const requestedStart = Temporal.Instant.from(input.start);
  const now = ctx.clock.now();
  const requestHash = idempotencyKey === undefined ? '' : hashRequest('POST /appointments', input);
  const snapshot = await loadBookingSnapshot(ctx.db, {
    actorUserId: actor.userId,
    patient: patientRef,
    practitionerId: input.practitionerId,
    appointmentTypeSlug: input.appointmentType,
    requestedStart,
    ...(idempotencyKey === undefined
      ? {}
      : { idempotency: { key: idempotencyKey, notBefore: keyNotBefore(now) } }),
  });
  if (snapshot.stored) return replayStoredAnswer(snapshot.stored, requestHash);

  const patient = checkedPatient(actor, input.patientId, snapshot);
  const { type, policy, practitioner } = snapshot;
  if (!type) {
    throw new AppError('invalid', 'unknown_appointment_type', 'There is no such appointment type.', {
      appointmentType: 'Unknown appointment type',
    });
  }
  if (!policy) throw new Error('The booking policy row "default" is missing; migrations or seeding failed.');
  const checked = checkBookingRequest({
    weeklyHours: snapshot.weeklyHours,
    overrides: snapshot.overrides,
    timeOff: snapshot.timeOff,
    busy: snapshot.busy,
    appointmentType: { ...type, practitionerIds: practitioner?.offersType ? [practitioner.id] : [] },
    policy,
    now: Temporal.Instant.fromEpochMilliseconds(now.getTime()),
    practitionerId: input.practitionerId,
    requestedStart,
    ...(type.newPatientsOnly ? { isNewPatient: !snapshot.patientSeenBefore } : {}),
  });
  if (!checked.ok) throw bookingRefusal(checked.error.code, checked.error.message);
  // Offered implies an active practitioner; the location is one the practitioner works at that day.
  const location = snapshot.locations.get(checked.value.locationId);
  if (!practitioner || !location)
    throw new Error('the accepted booking names an unknown practitioner or location');
  const times = appointmentTimes(
    new Date(checked.value.start.epochMilliseconds),
    new Date(checked.value.end.epochMilliseconds),
    type,
  );
  if (snapshot.patientAppointments.some((a) => a.start < times.endAt && times.startAt < a.end)) {
    throw patientAlreadyBooked();
  }

  // The id is chosen here, so the emails (which carry it in the calendar file's UID) and the answer
  // are ready before anything is written.
  const record: AppointmentRecord = {
    id: randomUUID(),
    status: 'booked',
    patientId: patient.id,
    patientUserId: patient.userId,
    patientEmail: patient.email,
    patientName: patient.name,
    practitionerId: practitioner.id,
    practitionerUserId: practitioner.userId,
    practitionerName: practitioner.name,
    appointmentTypeId: type.id,
    appointmentType: type.slug,
    appointmentTypeName: type.name,
    durationMinutes: type.durationMinutes,
    locationId: location.id,
    locationName: location.name,
    locationAddress: location.address,
    timeZone: location.timeZone,
    startAt: times.startAt,
    endAt: times.endAt,
    cancellationReason: null,
    sequence: 0,
    createdAt: now,
  };
  const answer = toAppointmentDto(record, policy);
  const messages = draftNewBookingMessages(ctx.config, record, now);

  const written = await refuseOverlapAsConflict(
    writeBooking(ctx.db, {
      appointment: {
        id: record.id,
        patientId: patient.id,
        practitionerId: practitioner.id,
        locationId: location.id,
        appointmentTypeId: type.id,
        ...times,
      },
      actor,
      now,
      messages,
      ...(idempotencyKey === undefined
        ? {}
        : {
            idempotency: {
              key: idempotencyKey,
              requestHash,
              statusCode: 201,
              response: answer,
              expiredBefore: new Date(now.getTime() - KEY_LIFETIME_MS),
            },
          }),
    }),
  );
  if (!written && idempotencyKey !== undefined) {
    // A concurrent request with the same key won: give its answer.
    return replayAnswerOfRace(ctx.db, { userId: actor.userId, key: idempotencyKey, requestHash, now });
  }
  return { statusCode: 201, body: answer, replayed: false };
}
