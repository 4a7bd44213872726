import { Temporal } from 'temporal-polyfill';
import { err, ok, type Result } from '#core/shared/result.ts';
import type { AppointmentTypeRules, BusyInterval, SchedulingInput } from './types.ts';
import {
  findLastBookableDate,
  forEachGridStart,
  indexBlockedIntervals,
  indexSchedules,
  isBlocked,
  isOfferedBy,
  LocalDayCache,
  listLocationSchedules,
  listWorkingRanges,
  MINUTE_MS,
  measureAppointment,
  type WorkingRange,
} from './working-ranges.ts';

export type CheckBookingInput = SchedulingInput & {
  readonly practitionerId: string;
  readonly requestedStart: Temporal.Instant;
  /** Whether the patient has never been seen; only consulted for `newPatientsOnly` types. */
  readonly isNewPatient?: boolean;
};

export type BookingRejectionCode =
  | 'not_offered'
  | 'new_patients_only'
  | 'in_the_past'
  | 'inside_minimum_notice'
  | 'beyond_booking_window'
  | 'outside_working_hours'
  | 'off_grid'
  | 'slot_taken';

export type BookingRejection = { readonly code: BookingRejectionCode; readonly message: string };

/** The accepted appointment, shown in the time zone of the location where it takes place. */
export type AcceptedBooking = {
  readonly practitionerId: string;
  readonly locationId: string;
  readonly start: Temporal.ZonedDateTime;
  readonly end: Temporal.ZonedDateTime;
};

// Patient-facing wording: plain and calm (CONTRACT.md §4 puts these in the error message).
const MESSAGES: Record<BookingRejectionCode, string> = {
  not_offered: 'This practitioner does not offer this type of appointment.',
  new_patients_only: 'This type of appointment is for new patients. Please choose a follow-up visit instead.',
  in_the_past: 'This time has already passed. Please choose a later time.',
  inside_minimum_notice: 'This time is too soon to book. Please choose a later time.',
  beyond_booking_window: 'This time is too far ahead to book yet. Please choose an earlier date.',
  outside_working_hours: 'The practitioner is not working at this time. Please choose another time.',
  off_grid: 'Appointments start at set times. Please choose one of the times shown.',
  slot_taken: 'This time is no longer free. Please choose another time.',
};

function reject(code: BookingRejectionCode): { ok: false; error: BookingRejection } {
  return err({ code, message: MESSAGES[code] });
}

/** Whether `startMs` is a grid start of the range whose appointment fits inside it. */
function isGridStart(
  working: WorkingRange,
  stepMinutes: number,
  durationMs: number,
  startMs: number,
): boolean {
  let found = false;
  forEachGridStart(working, stepMinutes, durationMs, startMs, (gridMs) => {
    if (gridMs === startMs) found = true;
  });
  return found;
}

/**
 * Checks one requested booking against the same rules as `findOpenSlots`: a start passes exactly when
 * `findOpenSlots` would list it. Gives the first failing reason, from the most basic to the most specific,
 * so the message tells the patient what to change. The database still enforces overlaps on its own.
 */
export function checkBookingRequest(input: CheckBookingInput): Result<AcceptedBooking, BookingRejection> {
  const { appointmentType: type, policy, now, practitionerId, requestedStart } = input;
  if (!isOfferedBy(type, practitionerId)) return reject('not_offered');
  if (type.newPatientsOnly && input.isNewPatient === false) return reject('new_patients_only');
  if (Temporal.Instant.compare(requestedStart, now) < 0) return reject('in_the_past');
  const startMs = requestedStart.epochMilliseconds;
  if (startMs < now.epochMilliseconds + policy.minimumNoticeMinutes * MINUTE_MS) {
    return reject('inside_minimum_notice');
  }

  const schedules = listLocationSchedules(indexSchedules(input.weeklyHours, input.overrides), practitionerId);
  const datesByLocation = schedules.map((schedule) => ({
    schedule,
    date: requestedStart.toZonedDateTimeISO(schedule.timeZone).toPlainDate(),
  }));
  const inWindow = datesByLocation.filter(
    ({ schedule, date }) =>
      Temporal.PlainDate.compare(date, findLastBookableDate(now, schedule.timeZone, policy)) <= 0,
  );
  if (schedules.length > 0 && inWindow.length === 0) return reject('beyond_booking_window');

  const { durationMs, beforeMs, afterMs } = measureAppointment(type);
  const days = new LocalDayCache();
  const containing = inWindow
    .flatMap(({ schedule, date }) =>
      listWorkingRanges(practitionerId, schedule, days.getDay(schedule.timeZone, date)),
    )
    .filter((working) => working.startMs <= startMs && startMs + durationMs <= working.endMs);
  if (containing.length === 0) return reject('outside_working_hours');

  // Sub-millisecond parts can never sit on a minute grid.
  const isWholeMillisecond = requestedStart.epochNanoseconds % 1_000_000n === 0n;
  const onGrid = containing.find(
    (working) => isWholeMillisecond && isGridStart(working, policy.slotIntervalMinutes, durationMs, startMs),
  );
  if (!onGrid) return reject('off_grid');

  const blocked = indexBlockedIntervals([practitionerId], input.busy, input.timeOff).get(practitionerId);
  if (blocked && isBlocked(blocked, startMs - beforeMs, startMs + durationMs + afterMs)) {
    return reject('slot_taken');
  }

  const start = requestedStart.toZonedDateTimeISO(onGrid.timeZone);
  return ok({
    practitionerId,
    locationId: onGrid.locationId,
    start,
    end: start.add({ minutes: type.durationMinutes }),
  });
}

/**
 * The interval an appointment keeps its practitioner busy: the appointment widened by the type's buffers.
 * Store it (or pass it back as a `BusyInterval`) so later bookings respect this appointment's buffers.
 */
export function computeBlockedInterval(
  practitionerId: string,
  start: Temporal.Instant,
  type: AppointmentTypeRules,
): BusyInterval {
  return {
    practitionerId,
    start: start.subtract({ minutes: type.bufferBeforeMinutes }),
    end: start.add({ minutes: type.durationMinutes + type.bufferAfterMinutes }),
  };
}
