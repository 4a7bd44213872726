// Dates and times in words for the patient pages, worked out on the server with Temporal so the
// page shows exactly what the server computed (no browser-dependent formatting, no hydration drift).
import { Temporal } from 'temporal-polyfill';
import { describeTimeZoneCity, formatClockTime } from './format';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function weekdayName(date: Temporal.PlainDate): string {
  return WEEKDAYS[date.dayOfWeek - 1] ?? '';
}

export function monthName(date: Temporal.PlainDate | Temporal.PlainYearMonth): string {
  return MONTHS[date.month - 1] ?? '';
}

/** 'Tuesday, December 2' */
export function formatDayLong(date: Temporal.PlainDate): string {
  return `${weekdayName(date)}, ${monthName(date)} ${date.day}`;
}

/** 'December 2, 2026' */
export function formatDate(date: Temporal.PlainDate): string {
  return `${monthName(date)} ${date.day}, ${date.year}`;
}

/** 'Tuesday, December 2, 2026' */
export function formatDayWithYear(date: Temporal.PlainDate): string {
  return `${formatDayLong(date)}, ${date.year}`;
}

/** '9 am', '2:15 pm' */
export function formatTimeOfDay(time: Temporal.ZonedDateTime | Temporal.PlainTime): string {
  return formatClockTime(`${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`);
}

/** 'New York time' */
export function describeZone(timeZone: string): string {
  return `${describeTimeZoneCity(timeZone)} time`;
}

export function toZoned(instant: string | Date, timeZone: string): Temporal.ZonedDateTime {
  const value =
    typeof instant === 'string'
      ? Temporal.Instant.from(instant)
      : Temporal.Instant.fromEpochMilliseconds(instant.getTime());
  return value.toZonedDateTimeISO(timeZone);
}

export type WhenInWords = {
  /** 'Tuesday, December 2, 2026' in the main zone */
  day: string;
  /** '10 am' */
  time: string;
  /** 'New York time' */
  zone: string;
  /** The same moment in the other zone, when it differs: '3 pm London time'. */
  elsewhere: string | null;
  /** ISO 8601 with offset, for <time dateTime>. */
  iso: string;
};

/** An instant in words in `timeZone`, with `otherZone`'s wall clock when that reads differently. */
export function describeWhen(instant: string | Date, timeZone: string, otherZone?: string): WhenInWords {
  const here = toZoned(instant, timeZone);
  let elsewhere: string | null = null;
  if (otherZone && otherZone !== timeZone) {
    const there = toZoned(instant, otherZone);
    if (there.offsetNanoseconds !== here.offsetNanoseconds) {
      const sameDay = there.toPlainDate().equals(here.toPlainDate());
      elsewhere = `${formatTimeOfDay(there)}${sameDay ? '' : ` on ${formatDayLong(there.toPlainDate())}`} ${describeZone(otherZone)}`;
    }
  }
  return {
    day: formatDayWithYear(here.toPlainDate()),
    time: formatTimeOfDay(here),
    zone: describeZone(timeZone),
    elsewhere,
    iso: here.toString({ timeZoneName: 'never' }),
  };
}

/** 'Tue' */
export function weekdayShort(date: Temporal.PlainDate): string {
  return (WEEKDAYS[date.dayOfWeek - 1] ?? '').slice(0, 3);
}

/** 'Dec' */
export function monthShort(date: Temporal.PlainDate): string {
  return monthName(date).slice(0, 3);
}
