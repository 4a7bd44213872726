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
} from './types.ts';

// The engine shared by findOpenSlots and checkBookingRequest, so that both apply exactly the same rules.
// Times are epoch milliseconds inside this module; every wall-clock ↔ instant mapping goes through Temporal.

export const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall-clock range as minutes after local midnight; `endMinute` may be 1440. */
export type MinuteRange = { readonly startMinute: number; readonly endMinute: number };

/** Parses `'HH:MM'` (or `'24:00'`) to minutes after midnight; throws on malformed input, which is a bug upstream. */
export function parseLocalTime(text: string): number {
  if (text === '24:00') return MINUTES_PER_DAY;
  const match = LOCAL_TIME.exec(text);
  if (!match) throw new RangeError(`Invalid local time "${text}", expected HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function parseLocalTimeRanges(ranges: readonly LocalTimeRange[]): MinuteRange[] {
  const parsed = ranges.map((range) => {
    const startMinute = parseLocalTime(range.start);
    const endMinute = parseLocalTime(range.end);
    if (startMinute >= MINUTES_PER_DAY || endMinute <= startMinute) {
      throw new RangeError(`Invalid working range ${range.start}–${range.end}: end must be after start`);
    }
    return { startMinute, endMinute };
  });
  return parsed.sort((a, b) => a.startMinute - b.startMinute);
}

type LocationSchedule = {
  readonly locationId: string;
  readonly timeZone: string;
  readonly weekly: Map<number, MinuteRange[]>;
  readonly overrides: Map<string, MinuteRange[]>;
};

/** Weekly hours and overrides grouped by practitioner, then location; parsed once per call. */
export type ScheduleIndex = Map<string, Map<string, LocationSchedule>>;

function getLocationSchedule(
  index: ScheduleIndex,
  practitionerId: string,
  locationId: string,
  timeZone: string,
): LocationSchedule {
  let byLocation = index.get(practitionerId);
  if (!byLocation) {
    byLocation = new Map();
    index.set(practitionerId, byLocation);
  }
  let schedule = byLocation.get(locationId);
  if (!schedule) {
    schedule = { locationId, timeZone, weekly: new Map(), overrides: new Map() };
    byLocation.set(locationId, schedule);
  }
  return schedule;
}

export function indexSchedules(
  weeklyHours: readonly WeeklyHours[],
  overrides: readonly DateOverride[] = [],
): ScheduleIndex {
  const index: ScheduleIndex = new Map();
  for (const hours of weeklyHours) {
    const schedule = getLocationSchedule(index, hours.practitionerId, hours.locationId, hours.timeZone);
    for (const [weekday, ranges] of Object.entries(hours.days)) {
      if (!ranges) continue;
      const day = Number(weekday);
      const merged = [...(schedule.weekly.get(day) ?? []), ...parseLocalTimeRanges(ranges)];
      schedule.weekly.set(
        day,
        merged.sort((a, b) => a.startMinute - b.startMinute),
      );
    }
  }
  for (const override of overrides) {
    const schedule = getLocationSchedule(
      index,
      override.practitionerId,
      override.locationId,
      override.timeZone,
    );
    schedule.overrides.set(override.date.toString(), parseLocalTimeRanges(override.ranges));
  }
  return index;
}

export function listLocationSchedules(index: ScheduleIndex, practitionerId: string): LocationSchedule[] {
  return [...(index.get(practitionerId)?.values() ?? [])];
}

function listRangesForDay(schedule: LocationSchedule, day: LocalDay): MinuteRange[] {
  return schedule.overrides.get(day.key) ?? schedule.weekly.get(day.weekday) ?? [];
}

/**
 * One local day of a time zone. On a `regular` day the UTC offset is the same from local midnight to the
 * next midnight (checked with the zone's next transition), so a wall-clock minute is that many elapsed
 * minutes after `startMs`. Days with a clock change take the slow path through Temporal.
 */
export type LocalDay = {
  readonly date: Temporal.PlainDate;
  readonly key: string;
  readonly weekday: Weekday;
  readonly startMs: number;
  readonly regular: boolean;
};

function resolveLocalDay(timeZone: string, date: Temporal.PlainDate): LocalDay {
  const start = date.toZonedDateTime({ timeZone });
  const transition = start.getTimeZoneTransition('next');
  const startsAtMidnight = start.hour === 0 && start.minute === 0 && start.second === 0;
  const noChangeToday =
    transition === null || transition.epochMilliseconds >= start.epochMilliseconds + DAY_MS;
  return {
    date,
    key: date.toString(),
    weekday: start.dayOfWeek as Weekday,
    startMs: start.epochMilliseconds,
    regular: startsAtMidnight && noChangeToday,
  };
}

/** Local days per time zone, computed once per call and shared by every practitioner in that zone. */
export class LocalDayCache {
  readonly #days = new Map<string, LocalDay>();

  getDay(timeZone: string, date: Temporal.PlainDate): LocalDay {
    const key = `${timeZone}|${date.toString()}`;
    let day = this.#days.get(key);
    if (!day) {
      day = resolveLocalDay(timeZone, date);
      this.#days.set(key, day);
    }
    return day;
  }

  /** The local days from `first` to `last` inclusive (none when `last` is before `first`). */
  listDays(timeZone: string, first: Temporal.PlainDate, last: Temporal.PlainDate): LocalDay[] {
    const days: LocalDay[] = [];
    for (let date = first; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
      days.push(this.getDay(timeZone, date));
    }
    return days;
  }
}

function toWallDateTime(day: LocalDay, minute: number): Temporal.PlainDateTime {
  return day.date.toPlainDateTime(new Temporal.PlainTime(Math.floor(minute / 60), minute % 60));
}

/**
 * The instant of a wall-clock minute on a local day, or null when that wall time does not exist
 * (skipped by a spring-forward change). A repeated wall time (fall back) maps to its first occurrence,
 * so the repeated hour never yields a second, duplicate-looking slot.
 */
function resolveWallMinute(day: LocalDay, timeZone: string, minute: number): number | null {
  if (day.regular) return day.startMs + minute * MINUTE_MS;
  if (minute === MINUTES_PER_DAY)
    return day.date.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
  const wall = toWallDateTime(day, minute);
  const zoned = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  return zoned.toPlainDateTime().equals(wall) ? zoned.epochMilliseconds : null;
}

/**
 * The instant of a range boundary. A boundary inside a skipped hour means "when the clocks jump",
 * which is the zone's transition right after the wall time's earlier reading.
 */
function resolveBoundary(day: LocalDay, timeZone: string, minute: number): number {
  const exact = resolveWallMinute(day, timeZone, minute);
  if (exact !== null) return exact;
  const before = toWallDateTime(day, minute).toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const jump = before.getTimeZoneTransition('next');
  if (jump === null) throw new RangeError(`No clock change found after ${before.toString()}`);
  return jump.epochMilliseconds;
}

/** A working range on one local date, as instants, with its slot grid in the location's wall-clock time. */
export type WorkingRange = {
  readonly practitionerId: string;
  readonly locationId: string;
  readonly timeZone: string;
  readonly day: LocalDay;
  readonly range: MinuteRange;
  readonly startMs: number;
  readonly endMs: number;
};

export function resolveWorkingRange(
  practitionerId: string,
  schedule: LocationSchedule,
  day: LocalDay,
  range: MinuteRange,
): WorkingRange {
  const { timeZone } = schedule;
  return {
    practitionerId,
    locationId: schedule.locationId,
    timeZone,
    day,
    range,
    startMs: resolveBoundary(day, timeZone, range.startMinute),
    endMs: resolveBoundary(day, timeZone, range.endMinute),
  };
}

/** The working ranges of one location schedule on one local day. */
export function listWorkingRanges(
  practitionerId: string,
  schedule: LocationSchedule,
  day: LocalDay,
): WorkingRange[] {
  return listRangesForDay(schedule, day).map((range) =>
    resolveWorkingRange(practitionerId, schedule, day, range),
  );
}

/**
 * Calls `visit` with every grid start of a range, in increasing order, from `fromMs` on, whose appointment
 * of `durationMs` still ends inside the range. The grid counts from the range's start in wall-clock time;
 * wall times skipped by a clock change are left out.
 */
export function forEachGridStart(
  working: WorkingRange,
  stepMinutes: number,
  durationMs: number,
  fromMs: number,
  visit: (startMs: number) => void,
): void {
  const lastStartMs = working.endMs - durationMs;
  if (working.day.regular) {
    const stepMs = stepMinutes * MINUTE_MS;
    const skip = fromMs > working.startMs ? Math.ceil((fromMs - working.startMs) / stepMs) : 0;
    for (let startMs = working.startMs + skip * stepMs; startMs <= lastStartMs; startMs += stepMs) {
      visit(startMs);
    }
    return;
  }
  const { day, timeZone, range } = working;
  for (let minute = range.startMinute; minute < range.endMinute; minute += stepMinutes) {
    const startMs = resolveWallMinute(day, timeZone, minute);
    if (startMs === null || startMs < fromMs) continue;
    if (startMs > lastStartMs) return;
    visit(startMs);
  }
}

/** Sorted, merged intervals during which a practitioner cannot take an appointment or its buffers. */
export type BlockedIndex = { readonly starts: number[]; readonly ends: number[] };

export function indexBlockedIntervals(
  practitionerIds: readonly string[],
  busy: readonly BusyInterval[] = [],
  timeOff: readonly TimeOff[] = [],
): Map<string, BlockedIndex> {
  const raw = new Map<string, Array<[number, number]>>(practitionerIds.map((id) => [id, []]));
  for (const interval of busy) {
    raw
      .get(interval.practitionerId)
      ?.push([interval.start.epochMilliseconds, interval.end.epochMilliseconds]);
  }
  for (const off of timeOff) {
    const span: [number, number] = [off.start.epochMilliseconds, off.end.epochMilliseconds];
    if (off.practitionerId === undefined) for (const list of raw.values()) list.push(span);
    else raw.get(off.practitionerId)?.push(span);
  }
  const indexed = new Map<string, BlockedIndex>();
  for (const [id, spans] of raw) {
    spans.sort((a, b) => a[0] - b[0]);
    const starts: number[] = [];
    const ends: number[] = [];
    for (const [start, end] of spans) {
      if (end <= start) continue;
      const last = ends.length - 1;
      if (last >= 0 && start <= ends[last]!) ends[last] = Math.max(ends[last]!, end);
      else {
        starts.push(start);
        ends.push(end);
      }
    }
    indexed.set(id, { starts, ends });
  }
  return indexed;
}

/** Whether [fromMs, toMs) overlaps a blocked interval; touching ends do not overlap. Binary search. */
export function isBlocked(index: BlockedIndex, fromMs: number, toMs: number): boolean {
  let low = 0;
  let high = index.ends.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (index.ends[mid]! <= fromMs) low = mid + 1;
    else high = mid;
  }
  return low < index.starts.length && index.starts[low]! < toMs;
}

export function isOfferedBy(type: AppointmentTypeRules, practitionerId: string): boolean {
  return type.practitionerIds === undefined || type.practitionerIds.includes(practitionerId);
}

/** The last local date (in `timeZone`) on which an appointment may start under the booking policy. */
export function findLastBookableDate(
  now: Temporal.Instant,
  timeZone: string,
  policy: BookingPolicy,
): Temporal.PlainDate {
  return now.toZonedDateTimeISO(timeZone).toPlainDate().add({ days: policy.maximumDaysAhead });
}

export function toLocalDate(epochMs: number, timeZone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDate();
}

/** Durations in milliseconds of an appointment type: the appointment and its buffers. */
export function measureAppointment(type: AppointmentTypeRules): {
  durationMs: number;
  beforeMs: number;
  afterMs: number;
} {
  return {
    durationMs: type.durationMinutes * MINUTE_MS,
    beforeMs: type.bufferBeforeMinutes * MINUTE_MS,
    afterMs: type.bufferAfterMinutes * MINUTE_MS,
  };
}
