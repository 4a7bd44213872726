// Loads what the scheduling core needs for one appointment type, some practitioners and a span of
// time, in a fixed number of indexed queries whatever the number of practitioners or days.
import { and, asc, eq, gt, gte, inArray, lt, ne } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import type {
  AppointmentTypeRules,
  BookingPolicy,
  BusyInterval,
  DateOverride,
  LocalTimeRange,
  TimeOff,
  Weekday,
  WeeklyHours,
} from '#core/scheduling/types.ts';
import type { Database } from '#db/client.server.ts';
import {
  appointments,
  appointmentTypes,
  bookingPolicies,
  locations,
  practitionerAppointmentTypes,
  practitioners,
  scheduleOverrides,
  timeOff,
  workingHours,
} from '#db/schema/index.ts';
import { AppError } from '../errors.ts';

export type AppointmentTypeRecord = AppointmentTypeRules & {
  id: string;
  slug: string;
  name: string;
  practitionerIds: string[];
};

export type SchedulingData = {
  weeklyHours: WeeklyHours[];
  overrides: DateOverride[];
  timeOff: TimeOff[];
  busy: BusyInterval[];
};

// More than the widest buffer an appointment type may have; appointments are searched this far
// outside the range.
const BUSY_MARGIN_HOURS = 24;

/** An active appointment type by slug with the practitioners who offer it; unknown slugs are a 422. */
export async function loadAppointmentType(db: Database, slug: string): Promise<AppointmentTypeRecord> {
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(and(eq(appointmentTypes.slug, slug), eq(appointmentTypes.active, true)));
  if (!type) {
    throw new AppError('invalid', 'unknown_appointment_type', 'There is no such appointment type.', {
      appointmentType: 'Unknown appointment type',
    });
  }
  const offered = await db
    .select({ practitionerId: practitionerAppointmentTypes.practitionerId })
    .from(practitionerAppointmentTypes)
    .innerJoin(practitioners, eq(practitioners.id, practitionerAppointmentTypes.practitionerId))
    .where(and(eq(practitionerAppointmentTypes.appointmentTypeId, type.id), eq(practitioners.active, true)));
  return {
    id: type.id,
    slug: type.slug,
    name: type.name,
    durationMinutes: type.durationMinutes,
    bufferBeforeMinutes: type.bufferBeforeMinutes,
    bufferAfterMinutes: type.bufferAfterMinutes,
    newPatientsOnly: type.newPatientOnly,
    practitionerIds: offered.map((o) => o.practitionerId),
  };
}

export async function loadBookingPolicy(db: Database): Promise<BookingPolicy> {
  const [policy] = await db.select().from(bookingPolicies).where(eq(bookingPolicies.id, 'default'));
  if (!policy) throw new Error('The booking policy row "default" is missing; migrations or seeding failed.');
  return policy;
}

function toLocalTime(value: string): string {
  // PostgreSQL `time` comes back as HH:MM:SS; the core takes HH:MM.
  return value.slice(0, 5);
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const DIARY_FROM_MS = Date.UTC(1000, 0, 1);
const DIARY_UNTIL_MS = Date.UTC(9000, 0, 1);

export type DiaryWindow = { searchFrom: Date; searchTo: Date; fromDate: string; toDate: string };

/**
 * What to read of a diary for the instants [fromMs, toMs]: appointments and time off overlapping
 * [searchFrom, searchTo) (`marginHours` either side, for buffers), dated rows from `fromDate` to
 * `toDate` (UTC dates widened by `dateMarginDays`, since local dates in any zone lie within a day
 * of the UTC date). Hours and days in UTC all have the same length, so these are plain
 * millisecond sums; no time zone is involved.
 *
 * A request far outside the years any diary holds (a date-time may say 9999-12-31) reads at the
 * nearest end of that span instead: nothing is there either way, the scheduling core then refuses
 * the time as past or beyond the booking window, and every bound stays a date both drivers and
 * PostgreSQL can write (year 10000 and year 0 are not).
 */
export function diaryWindow(
  fromMs: number,
  toMs: number,
  margins: { marginHours: number; dateMarginDays: readonly [before: number, after: number] },
): DiaryWindow {
  const clamp = (ms: number) => Math.min(Math.max(ms, DIARY_FROM_MS), DIARY_UNTIL_MS);
  const from = clamp(fromMs);
  const to = clamp(toMs);
  const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const midnight = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;
  return {
    searchFrom: new Date(from - margins.marginHours * HOUR_MS),
    searchTo: new Date(to + margins.marginHours * HOUR_MS),
    fromDate: utcDate(midnight(from) - margins.dateMarginDays[0] * DAY_MS),
    toDate: utcDate(midnight(to) + margins.dateMarginDays[1] * DAY_MS),
  };
}

/**
 * Working hours, date overrides, time off and live appointments (their busy times: the visit widened
 * by the buffers it was booked with) of the given practitioners that can matter between `from` and `to`.
 */
export async function loadSchedulingData(
  db: Database,
  practitionerIds: readonly string[],
  from: Temporal.Instant,
  to: Temporal.Instant,
  options: { exceptAppointmentId?: string } = {},
): Promise<SchedulingData> {
  if (practitionerIds.length === 0) return { weeklyHours: [], overrides: [], timeOff: [], busy: [] };
  const ids = [...practitionerIds];
  const { searchFrom, searchTo, fromDate, toDate } = diaryWindow(
    from.epochMilliseconds,
    to.epochMilliseconds,
    { marginHours: BUSY_MARGIN_HOURS, dateMarginDays: [2, 2] },
  );

  // In parallel on a pool; one after another inside a transaction, whose single connection must
  // not be given concurrent queries (node-postgres deprecates queueing them).
  const [hourRows, overrideRows, timeOffRows, busyRows] = await runAll(db, [
    db
      .select({
        practitionerId: workingHours.practitionerId,
        locationId: workingHours.locationId,
        timeZone: locations.timeZone,
        weekday: workingHours.weekday,
        startsAt: workingHours.startsAt,
        endsAt: workingHours.endsAt,
      })
      .from(workingHours)
      .innerJoin(locations, eq(locations.id, workingHours.locationId))
      .where(inArray(workingHours.practitionerId, ids))
      .orderBy(asc(workingHours.startsAt)),
    db
      .select({
        practitionerId: scheduleOverrides.practitionerId,
        locationId: scheduleOverrides.locationId,
        timeZone: locations.timeZone,
        onDate: scheduleOverrides.onDate,
        startsAt: scheduleOverrides.startsAt,
        endsAt: scheduleOverrides.endsAt,
      })
      .from(scheduleOverrides)
      .innerJoin(locations, eq(locations.id, scheduleOverrides.locationId))
      .where(
        and(
          inArray(scheduleOverrides.practitionerId, ids),
          gte(scheduleOverrides.onDate, fromDate),
          lt(scheduleOverrides.onDate, toDate),
        ),
      ),
    db
      .select({ practitionerId: timeOff.practitionerId, startAt: timeOff.startAt, endAt: timeOff.endAt })
      .from(timeOff)
      .where(
        and(
          inArray(timeOff.practitionerId, ids),
          lt(timeOff.startAt, searchTo),
          gt(timeOff.endAt, searchFrom),
        ),
      ),
    db
      .select({
        practitionerId: appointments.practitionerId,
        busyFrom: appointments.busyFrom,
        busyUntil: appointments.busyUntil,
      })
      .from(appointments)
      .where(
        and(
          inArray(appointments.practitionerId, ids),
          ne(appointments.status, 'cancelled'),
          options.exceptAppointmentId ? ne(appointments.id, options.exceptAppointmentId) : undefined,
          // Searched by the visit (the indexed columns), a day wider than the range: buffers are at
          // most two hours (contracts/clinic-admin.ts), so no busy time that matters is missed.
          lt(appointments.startAt, searchTo),
          gt(appointments.endAt, searchFrom),
        ),
      ),
  ]);

  return {
    weeklyHours: groupWeeklyHours(hourRows),
    overrides: groupOverrides(overrideRows),
    timeOff: timeOffRows.map((row) => ({
      practitionerId: row.practitionerId,
      start: toInstant(row.startAt),
      end: toInstant(row.endAt),
    })),
    // Each appointment's stored busy time: the visit and the buffers it was booked with.
    busy: busyRows.map((row) => ({
      practitionerId: row.practitionerId,
      start: toInstant(row.busyFrom),
      end: toInstant(row.busyUntil),
    })),
  };
}

/**
 * Drizzle queries run when awaited, so they can be handed over unstarted: in parallel on a pool,
 * one after another on a transaction's single connection (node-postgres deprecates queueing
 * concurrent queries on one client).
 */
async function runAll<A, B, C, D>(
  db: Database,
  queries: readonly [PromiseLike<A>, PromiseLike<B>, PromiseLike<C>, PromiseLike<D>],
): Promise<[A, B, C, D]> {
  const [a, b, c, d] = queries;
  if (db instanceof PgTransaction) return [await a, await b, await c, await d];
  return Promise.all([a, b, c, d]);
}

export function toInstant(date: Date): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime());
}

export type HourRow = {
  practitionerId: string;
  locationId: string;
  timeZone: string;
  weekday: number;
  startsAt: string;
  endsAt: string;
};

export function groupWeeklyHours(rows: readonly HourRow[]): WeeklyHours[] {
  const byKey = new Map<string, { base: Omit<WeeklyHours, 'days'>; days: Map<Weekday, LocalTimeRange[]> }>();
  for (const row of rows) {
    const key = `${row.practitionerId}|${row.locationId}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        base: { practitionerId: row.practitionerId, locationId: row.locationId, timeZone: row.timeZone },
        days: new Map(),
      };
      byKey.set(key, entry);
    }
    const weekday = row.weekday as Weekday; // checked 1–7 by the table's constraint
    const ranges = entry.days.get(weekday) ?? [];
    ranges.push({ start: toLocalTime(row.startsAt), end: toLocalTime(row.endsAt) });
    entry.days.set(weekday, ranges);
  }
  return [...byKey.values()].map(({ base, days }) => ({ ...base, days: Object.fromEntries(days) }));
}

export type OverrideRow = {
  practitionerId: string;
  locationId: string;
  timeZone: string;
  onDate: string;
  startsAt: string | null;
  endsAt: string | null;
};

export function groupOverrides(rows: readonly OverrideRow[]): DateOverride[] {
  const byKey = new Map<string, DateOverride & { ranges: LocalTimeRange[] }>();
  for (const row of rows) {
    const key = `${row.practitionerId}|${row.locationId}|${row.onDate}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        practitionerId: row.practitionerId,
        locationId: row.locationId,
        timeZone: row.timeZone,
        date: Temporal.PlainDate.from(row.onDate),
        ranges: [],
      };
      byKey.set(key, entry);
    }
    // A row without times closes the day: it adds no range but still replaces the weekly pattern.
    if (row.startsAt && row.endsAt) {
      entry.ranges.push({ start: toLocalTime(row.startsAt), end: toLocalTime(row.endsAt) });
    }
  }
  return [...byKey.values()];
}
