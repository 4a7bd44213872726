import { Temporal } from 'temporal-polyfill';
import { createOffsetDateTimeFormatter } from './offset-date-time.ts';
import type {
  DateOverride,
  OpenSlot,
  OpenSlotTimes,
  SchedulingInput,
  WeeklyHours,
  WorkingInterval,
} from './types.ts';
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
  toLocalDate,
} from './working-ranges.ts';

export type FindOpenSlotsInput = SchedulingInput & {
  readonly practitionerIds: readonly string[];
  /** First local date, inclusive, in `displayTimeZone`. */
  readonly from: Temporal.PlainDate;
  /** Last local date, inclusive, in `displayTimeZone`. */
  readonly to: Temporal.PlainDate;
  /** The visitor's IANA time zone: it decides which instants `from`/`to` cover and how slots are shown. */
  readonly displayTimeZone: string;
};

type SlotStart = { practitionerId: string; locationId: string; startMs: number };

function compareSlotStarts(a: SlotStart, b: SlotStart): number {
  if (a.startMs !== b.startMs) return a.startMs - b.startMs;
  if (a.practitionerId !== b.practitionerId) return a.practitionerId < b.practitionerId ? -1 : 1;
  return a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0;
}

function minDate(a: Temporal.PlainDate, b: Temporal.PlainDate): Temporal.PlainDate {
  return Temporal.PlainDate.compare(a, b) <= 0 ? a : b;
}

/**
 * Slot starts (epoch ms) of one appointment type for several practitioners over a range of local dates.
 *
 * A slot starts on the grid of a working range (counted from the range's start in the location's
 * wall-clock time, skipping wall times that do not exist), the whole appointment fits inside that range,
 * it starts no earlier than `now` + minimum notice and no later than the last bookable date, and the
 * appointment widened by its buffers overlaps no busy interval or time off. Sorted by start, then
 * practitioner id; each practitioner has at most one slot per instant.
 *
 * Cost: a Temporal conversion per local day and time zone (the per-slot slow path only on clock-change
 * days) and a binary search per candidate, so 3 practitioners × 62 days take about a millisecond.
 */
function collectSlotStarts(input: FindOpenSlotsInput): { starts: SlotStart[]; durationMs: number } {
  const { appointmentType: type, policy, now, displayTimeZone } = input;
  const { durationMs, beforeMs, afterMs } = measureAppointment(type);
  const windowStartMs = input.from.toZonedDateTime({ timeZone: displayTimeZone }).epochMilliseconds;
  const windowEndMs = input.to
    .add({ days: 1 })
    .toZonedDateTime({ timeZone: displayTimeZone }).epochMilliseconds;
  const earliestMs = Math.max(windowStartMs, now.epochMilliseconds + policy.minimumNoticeMinutes * MINUTE_MS);
  if (earliestMs >= windowEndMs) return { starts: [], durationMs };

  const practitionerIds = input.practitionerIds.filter((id) => isOfferedBy(type, id));
  const schedules = indexSchedules(input.weeklyHours, input.overrides);
  const blocked = indexBlockedIntervals(practitionerIds, input.busy, input.timeOff);
  const days = new LocalDayCache();
  const starts: SlotStart[] = [];

  for (const practitionerId of practitionerIds) {
    const blockedIndex = blocked.get(practitionerId) ?? { starts: [], ends: [] };
    for (const schedule of listLocationSchedules(schedules, practitionerId)) {
      const { timeZone, locationId } = schedule;
      const lastDate = minDate(
        toLocalDate(windowEndMs - 1, timeZone),
        findLastBookableDate(now, timeZone, policy),
      );
      for (const day of days.listDays(timeZone, toLocalDate(earliestMs, timeZone), lastDate)) {
        for (const working of listWorkingRanges(practitionerId, schedule, day)) {
          forEachGridStart(working, policy.slotIntervalMinutes, durationMs, earliestMs, (startMs) => {
            if (startMs >= windowEndMs) return;
            if (isBlocked(blockedIndex, startMs - beforeMs, startMs + durationMs + afterMs)) return;
            starts.push({ practitionerId, locationId, startMs });
          });
        }
      }
    }
  }

  starts.sort(compareSlotStarts);
  // Two overlapping ranges (e.g. at two locations) can offer the same instant; keep one.
  const unique = starts.filter(
    (slot, i) =>
      i === 0 ||
      slot.startMs !== starts[i - 1]!.startMs ||
      slot.practitionerId !== starts[i - 1]!.practitionerId,
  );
  return { starts: unique, durationMs };
}

/**
 * Bookable slots, with `start`/`end` as Temporal values in `displayTimeZone`. The rules are those of
 * `collectSlotStarts` above; `checkBookingRequest` accepts exactly these starts.
 * Each Temporal object costs about a microsecond in the polyfill; for an API answer prefer
 * `findOpenSlotTimes`, which gives the same slots as text several times faster.
 */
export function findOpenSlots(input: FindOpenSlotsInput): OpenSlot[] {
  const { starts, durationMs } = collectSlotStarts(input);
  const toZoned = (epochMs: number) =>
    Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(input.displayTimeZone);
  return starts.map((slot) => ({
    practitionerId: slot.practitionerId,
    locationId: slot.locationId,
    start: toZoned(slot.startMs),
    end: toZoned(slot.startMs + durationMs),
  }));
}

/**
 * The same slots as `findOpenSlots`, with `start`/`end` as ISO 8601 text with the UTC offset of
 * `displayTimeZone` (`2026-03-09T09:00:00-04:00`): the shape of the availability API (CONTRACT.md §4).
 */
export function findOpenSlotTimes(input: FindOpenSlotsInput): OpenSlotTimes[] {
  const { starts, durationMs } = collectSlotStarts(input);
  const format = createOffsetDateTimeFormatter(input.displayTimeZone);
  return starts.map((slot) => ({
    practitionerId: slot.practitionerId,
    locationId: slot.locationId,
    start: format(slot.startMs),
    end: format(slot.startMs + durationMs),
  }));
}

export type ExpandWorkingIntervalsInput = {
  readonly weeklyHours: readonly WeeklyHours[];
  readonly overrides?: readonly DateOverride[];
  /** First local date, inclusive, in each location's own time zone. */
  readonly from: Temporal.PlainDate;
  /** Last local date, inclusive, in each location's own time zone. */
  readonly to: Temporal.PlainDate;
};

/**
 * The concrete working intervals (weekly hours with overrides applied) of every practitioner over a range
 * of local dates, in each location's time zone. Sorted by start, then practitioner id.
 */
export function expandWorkingIntervals(input: ExpandWorkingIntervalsInput): WorkingInterval[] {
  const schedules = indexSchedules(input.weeklyHours, input.overrides);
  const days = new LocalDayCache();
  const intervals: WorkingInterval[] = [];
  for (const practitionerId of schedules.keys()) {
    for (const schedule of listLocationSchedules(schedules, practitionerId)) {
      for (const day of days.listDays(schedule.timeZone, input.from, input.to)) {
        for (const working of listWorkingRanges(practitionerId, schedule, day)) {
          if (working.endMs <= working.startMs) continue;
          intervals.push({
            practitionerId,
            locationId: schedule.locationId,
            start: Temporal.Instant.fromEpochMilliseconds(working.startMs).toZonedDateTimeISO(
              schedule.timeZone,
            ),
            end: Temporal.Instant.fromEpochMilliseconds(working.endMs).toZonedDateTimeISO(schedule.timeZone),
          });
        }
      }
    }
  }
  return intervals.sort(
    (a, b) =>
      Temporal.ZonedDateTime.compare(a.start, b.start) ||
      (a.practitionerId < b.practitionerId ? -1 : a.practitionerId > b.practitionerId ? 1 : 0),
  );
}
