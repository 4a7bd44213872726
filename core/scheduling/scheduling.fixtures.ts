import { Temporal } from 'temporal-polyfill';
import type { FindOpenSlotsInput } from './find-open-slots.ts';
import type { AppointmentTypeRules, BookingPolicy, LocalTimeRange, Weekday, WeeklyHours } from './types.ts';

// Shared test fixtures for core/scheduling; used only by *.test.ts files.

export const ALL_WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

export const OPEN_POLICY: BookingPolicy = {
  minimumNoticeMinutes: 0,
  maximumDaysAhead: 365,
  cancellationWindowHours: 24,
  slotIntervalMinutes: 15,
};

export function buildType(
  durationMinutes: number,
  extra: Partial<AppointmentTypeRules> = {},
): AppointmentTypeRules {
  return { durationMinutes, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, ...extra };
}

export function buildHours(
  practitionerId: string,
  timeZone: string,
  ranges: ReadonlyArray<readonly [string, string]>,
  weekdays: readonly Weekday[] = ALL_WEEKDAYS,
  locationId = 'main',
): WeeklyHours {
  const dayRanges: LocalTimeRange[] = ranges.map(([start, end]) => ({ start, end }));
  return {
    practitionerId,
    locationId,
    timeZone,
    days: Object.fromEntries(weekdays.map((weekday) => [weekday, dayRanges])),
  };
}

export function instant(text: string): Temporal.Instant {
  return Temporal.Instant.from(text);
}

export function plainDate(text: string): Temporal.PlainDate {
  return Temporal.PlainDate.from(text);
}

/** One practitioner `p1` working every day in `timeZone`, one day shown in the same zone, no notice. */
export function buildSlotInput(
  timeZone: string,
  day: string,
  ranges: ReadonlyArray<readonly [string, string]>,
  overrides: Partial<FindOpenSlotsInput> = {},
): FindOpenSlotsInput {
  return {
    practitionerIds: ['p1'],
    weeklyHours: [buildHours('p1', timeZone, ranges)],
    appointmentType: buildType(30),
    policy: { ...OPEN_POLICY, slotIntervalMinutes: 30 },
    now: instant('2026-01-01T00:00:00Z'),
    from: plainDate(day),
    to: plainDate(day),
    displayTimeZone: timeZone,
    ...overrides,
  };
}

/** Wall-clock `HH:MM` and offset of a zoned value, e.g. `01:30-04:00`. */
export function describeWallTime(value: Temporal.ZonedDateTime): string {
  return `${value.toPlainTime().toString({ smallestUnit: 'minute' })}${value.offset}`;
}
