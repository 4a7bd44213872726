// Everything a booking needs to know, read in one call of the database function `booking_snapshot`
// (migration 0011, docs/decisions/009): the patient, the appointment type, the practitioner, the
// policy, the practitioner's diary around the requested time, the patient's own appointments near
// it, and an earlier answer stored under the Idempotency-Key. One round trip instead of nine; the
// rules are then checked by the pure scheduling core, and the database's constraints settle any
// race with another booking.
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { BookingPolicy, BusyInterval, TimeOff } from '#core/scheduling/types.ts';
import type { Database } from '#db/client.server.ts';
import {
  diaryWindow,
  groupOverrides,
  groupWeeklyHours,
  type HourRow,
  type OverrideRow,
  type SchedulingData,
} from './scheduling-data.ts';

export type SnapshotPatient = {
  id: string;
  userId: string | null;
  email: string | null;
  name: string;
};

export type SnapshotType = {
  id: string;
  slug: string;
  name: string;
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  newPatientsOnly: boolean;
};

export type SnapshotPractitioner = { id: string; userId: string; name: string; offersType: boolean };

export type SnapshotLocation = { id: string; name: string; address: string; timeZone: string };

export type StoredIdempotentAnswer = { requestHash: string; statusCode: number; response: unknown };

export type BookingSnapshot = SchedulingData & {
  patient: SnapshotPatient | null;
  type: SnapshotType | null;
  /** Null when there is no such active practitioner. */
  practitioner: SnapshotPractitioner | null;
  policy: BookingPolicy | null;
  locations: Map<string, SnapshotLocation>;
  /** Whether the patient has any live appointment, ever (for new-patients-only types). */
  patientSeenBefore: boolean;
  /** The patient's own live appointments near the requested time (visit times). */
  patientAppointments: Array<{ start: Date; end: Date }>;
  stored: StoredIdempotentAnswer | null;
};

export type SnapshotRequest = {
  /** The caller: their own patient record unless `patient` names one, and the owner of the key. */
  actorUserId: string;
  /** Staff name the patient by id; a patient is found by their own account. */
  patient: { byId: string } | 'own';
  practitionerId: string;
  appointmentTypeSlug: string;
  requestedStart: Temporal.Instant;
  idempotency?: { key: string; notBefore: Date };
};

// As loadSchedulingData: appointments and time off are searched a day either side of the day that
// matters (buffers are at most two hours), local dates two days either side of the UTC dates.
const MARGIN_HOURS = 24;
const HOUR_MS = 3_600_000;

type Row = {
  patient: { id: string; userId: string | null; email: string | null; name: string } | null;
  type: SnapshotType | null;
  practitioner: SnapshotPractitioner | null;
  policy: BookingPolicy | null;
  hours: Array<HourRow & { locationName: string; locationAddress: string }>;
  overrides: Array<OverrideRow & { locationName: string; locationAddress: string }>;
  timeOff: Array<[string, number, number]>;
  busy: Array<[string, number, number]>;
  patientSeenBefore: boolean;
  patientAppointments: Array<[number, number]>;
  stored: StoredIdempotentAnswer | null;
};

export async function loadBookingSnapshot(db: Database, request: SnapshotRequest): Promise<BookingSnapshot> {
  const { practitionerId, requestedStart } = request;
  // The booking's own day and the next (the visit and its buffers end within it), as
  // loadSchedulingData reads them.
  const startMs = requestedStart.epochMilliseconds;
  const { searchFrom, searchTo, fromDate, toDate } = diaryWindow(startMs, startMs + MARGIN_HOURS * HOUR_MS, {
    marginHours: MARGIN_HOURS,
    dateMarginDays: [2, 2],
  });
  const byId = request.patient === 'own' ? null : request.patient.byId;
  const key = request.idempotency;
  const result = await db.execute(sql`
    select booking_snapshot(${byId}::uuid, ${request.actorUserId}::uuid, ${practitionerId}::uuid,
      ${request.appointmentTypeSlug}::text, ${searchFrom}::timestamptz, ${searchTo}::timestamptz,
      ${fromDate}::date, ${toDate}::date, ${key?.key ?? null}::text, ${key?.notBefore ?? null}::timestamptz) as snapshot`);
  const [first] = (result as unknown as { rows: Array<{ snapshot: Row }> }).rows;
  if (!first) throw new Error('the booking snapshot query returned no row');
  return toSnapshot(first.snapshot);
}

function toSnapshot(row: Row): BookingSnapshot {
  const locations = new Map<string, SnapshotLocation>();
  for (const hours of [...row.hours, ...row.overrides]) {
    locations.set(hours.locationId, {
      id: hours.locationId,
      name: hours.locationName,
      address: hours.locationAddress,
      timeZone: hours.timeZone,
    });
  }
  const instant = (ms: number) => Temporal.Instant.fromEpochMilliseconds(Number(ms));
  return {
    patient: row.patient,
    type: row.type,
    practitioner: row.practitioner,
    policy: row.policy,
    locations,
    weeklyHours: groupWeeklyHours(row.hours),
    overrides: groupOverrides(row.overrides),
    timeOff: row.timeOff.map(
      ([practitionerId, start, end]): TimeOff => ({
        practitionerId,
        start: instant(start),
        end: instant(end),
      }),
    ),
    busy: row.busy.map(
      ([practitionerId, start, end]): BusyInterval => ({
        practitionerId,
        start: instant(start),
        end: instant(end),
      }),
    ),
    patientSeenBefore: row.patientSeenBefore,
    patientAppointments: row.patientAppointments.map(([start, end]) => ({
      start: new Date(Number(start)),
      end: new Date(Number(end)),
    })),
    stored: row.stored,
  };
}
