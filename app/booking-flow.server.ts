// The booking pages' view of availability: a week strip of days and the chosen day's times, grouped
// into morning, afternoon and evening in the visitor's time zone with the clinic's time beside each.
// The slots themselves come from services/booking/find-availability.ts; nothing is decided here.
import { Temporal } from 'temporal-polyfill';
import { writeSlotValue } from '#contracts/booking-form.ts';
import { findAvailability } from '#services/booking/find-availability.ts';
import { loadBookingPolicy } from '#services/booking/scheduling-data.ts';
import type { ServiceContext } from '#services/context.ts';
import {
  describeZone,
  formatDayLong,
  formatTimeOfDay,
  monthName,
  monthShort,
  toZoned,
  weekdayShort,
} from './time-words.server';

export type Slot = { practitionerId: string; start: string; end: string };

export function mondayOf(date: Temporal.PlainDate): Temporal.PlainDate {
  return date.subtract({ days: date.dayOfWeek - 1 });
}

export function todayIn(timeZone: string, now: Date): Temporal.PlainDate {
  return toZoned(now, timeZone).toPlainDate();
}

/** Slots by local date (in the zone their offsets were written for), in time order. */
export function groupSlotsByDay(slots: readonly Slot[], timeZone: string): Map<string, Slot[]> {
  const byDay = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = toZoned(slot.start, timeZone).toPlainDate().toString();
    const list = byDay.get(day) ?? [];
    list.push(slot);
    byDay.set(day, list);
  }
  return byDay;
}

export type StripDay = {
  date: string;
  weekday: string;
  dayOfMonth: number;
  month: string;
  /** 'Tuesday, December 2' for the button's accessible name. */
  label: string;
  times: number;
  selected: boolean;
};

export function describeWeekStrip(
  weekStart: Temporal.PlainDate,
  slotsByDay: Map<string, Slot[]>,
  selectedDay: string | null,
): StripDay[] {
  return Array.from({ length: 7 }, (_, i) => {
    const date = weekStart.add({ days: i });
    const key = date.toString();
    return {
      date: key,
      weekday: weekdayShort(date),
      dayOfMonth: date.day,
      month: monthShort(date),
      label: formatDayLong(date),
      times: new Set((slotsByDay.get(key) ?? []).map((s) => s.start)).size,
      selected: key === selectedDay,
    };
  });
}

export type TimeChoice = {
  /** The button's value: contracts/booking-form.ts writeSlotValue. */
  value: string;
  start: string;
  practitionerId: string;
  /** '9:15 am' in the visitor's zone */
  label: string;
  /** '2:15 pm New York time' when the clinic's clock reads differently, else null */
  clinicLabel: string | null;
};

export type TimeGroup = { id: 'morning' | 'afternoon' | 'evening'; heading: string; times: TimeChoice[] };

/**
 * One choice per start time (with "first available", the first practitioner free then), grouped by
 * the part of the day in the visitor's zone.
 */
export function groupTimes(slots: readonly Slot[], timeZone: string, clinicTimeZone: string): TimeGroup[] {
  const groups: TimeGroup[] = [
    { id: 'morning', heading: 'Morning', times: [] },
    { id: 'afternoon', heading: 'Afternoon', times: [] },
    { id: 'evening', heading: 'Evening', times: [] },
  ];
  const seen = new Set<string>();
  const sorted = [...slots].sort((a, b) =>
    Temporal.Instant.compare(Temporal.Instant.from(a.start), Temporal.Instant.from(b.start)),
  );
  for (const slot of sorted) {
    const instant = Temporal.Instant.from(slot.start).toString();
    if (seen.has(instant)) continue;
    seen.add(instant);
    const here = toZoned(slot.start, timeZone);
    const clinic = toZoned(slot.start, clinicTimeZone);
    const group = here.hour < 12 ? groups[0]! : here.hour < 17 ? groups[1]! : groups[2]!;
    group.times.push({
      value: writeSlotValue(slot.practitionerId, slot.start),
      start: slot.start,
      practitionerId: slot.practitionerId,
      label: formatTimeOfDay(here),
      clinicLabel:
        clinic.offsetNanoseconds === here.offsetNanoseconds
          ? null
          : `${formatTimeOfDay(clinic)} ${describeZone(clinicTimeZone)}`,
    });
  }
  return groups.filter((g) => g.times.length > 0);
}

// Offered in the "show times in" list, with the visitor's and the clinic's own zones added.
const COMMON_TIME_ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Toronto',
  'Europe/London',
  'Europe/Paris',
  'UTC',
];

export function listTimeZoneChoices(timeZone: string, clinicTimeZone: string) {
  return [...new Set([timeZone, clinicTimeZone, ...COMMON_TIME_ZONES])].map((tz) => ({
    value: tz,
    label: tz === 'UTC' ? 'UTC' : `${describeZone(tz)} (${tz})`,
  }));
}

export function describeZoneNote(timeZone: string, clinicTimeZone: string): string {
  return `Times are in ${describeZone(timeZone)}.${
    timeZone === clinicTimeZone
      ? ''
      : ` The clinic's own time (${describeZone(clinicTimeZone)}) is shown under each one.`
  }`;
}

export type DayAndTimesRequest = {
  appointmentType: string;
  practitioner: string;
  timeZone: string;
  clinicTimeZone: string;
  week?: string | undefined;
  day?: string | undefined;
};

/**
 * The week strip and the chosen day's times. Without a chosen week it opens on the week of the first
 * free time in the next two months, with that day selected; links for the weeks before and after
 * stay inside today … the booking window.
 */
export async function describeDayAndTimes(services: ServiceContext, request: DayAndTimesRequest) {
  const { timeZone, clinicTimeZone } = request;
  const now = services.clock.now();
  const today = todayIn(timeZone, now);
  const policy = await loadBookingPolicy(services.db);
  const lastDay = todayIn(clinicTimeZone, now).add({ days: policy.maximumDaysAhead + 1 });
  const query = {
    appointmentType: request.appointmentType,
    practitioner: request.practitioner,
    tz: timeZone,
  };
  let weekStart = request.week ? mondayOf(Temporal.PlainDate.from(request.week)) : null;
  let firstFreeDay: string | null = null;
  if (!weekStart) {
    const ahead = await findAvailability(services, {
      ...query,
      from: today.toString(),
      to: today.add({ days: 61 }).toString(),
    });
    const first = ahead.slots[0];
    firstFreeDay = first ? toZoned(first.start, timeZone).toPlainDate().toString() : null;
    weekStart = mondayOf(firstFreeDay ? Temporal.PlainDate.from(firstFreeDay) : today);
  }
  if (Temporal.PlainDate.compare(weekStart, mondayOf(today)) < 0) weekStart = mondayOf(today);
  const weekEnd = weekStart.add({ days: 6 });
  const week = await findAvailability(services, {
    ...query,
    from: weekStart.toString(),
    to: weekEnd.toString(),
  });
  const byDay = groupSlotsByDay(week.slots, timeZone);
  const firstInWeek = [...byDay.keys()].sort()[0] ?? null;
  const selectedDay =
    request.day && byDay.has(request.day)
      ? request.day
      : firstFreeDay && byDay.has(firstFreeDay)
        ? firstFreeDay
        : firstInWeek;
  const previous = weekStart.subtract({ days: 7 });
  const next = weekStart.add({ days: 7 });
  return {
    timeZone,
    weekStart: weekStart.toString(),
    weekLabel:
      weekStart.month === weekEnd.month
        ? `${monthName(weekStart)} ${weekStart.day} to ${weekEnd.day}, ${weekEnd.year}`
        : `${monthName(weekStart)} ${weekStart.day} to ${monthName(weekEnd)} ${weekEnd.day}, ${weekEnd.year}`,
    strip: describeWeekStrip(weekStart, byDay, selectedDay),
    previousWeek: Temporal.PlainDate.compare(weekStart, mondayOf(today)) > 0 ? previous.toString() : null,
    nextWeek: Temporal.PlainDate.compare(next, lastDay) <= 0 ? next.toString() : null,
    nothingSoon: !request.week && firstFreeDay === null && week.slots.length === 0,
    selectedDayLabel: selectedDay ? formatDayLong(Temporal.PlainDate.from(selectedDay)) : null,
    groups: selectedDay ? groupTimes(byDay.get(selectedDay) ?? [], timeZone, clinicTimeZone) : [],
    zoneNote: describeZoneNote(timeZone, clinicTimeZone),
    zoneChoices: listTimeZoneChoices(timeZone, clinicTimeZone),
  };
}
