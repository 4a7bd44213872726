// Instants shown as the clinic's wall-clock time, formatted on the server so the page renders the
// same text before and after hydration.
import { Temporal } from 'temporal-polyfill';
import { formatClockTime } from './format';

function zoned(date: Date, timeZone: string) {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone);
}

/** '9:30 am' in the given zone. */
export function formatTimeIn(date: Date, timeZone: string): string {
  const z = zoned(date, timeZone);
  return formatClockTime(`${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`);
}

/** 'YYYY-MM-DD' of the instant in the given zone. */
export function formatDateIn(date: Date, timeZone: string): string {
  return zoned(date, timeZone).toPlainDate().toString();
}

/** 'Wed 25 Nov 2026' for a calendar date. */
export function formatShortDate(isoDate: string): string {
  const d = Temporal.PlainDate.from(isoDate);
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][d.dayOfWeek - 1];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    d.month - 1
  ];
  return `${weekday} ${d.day} ${month} ${d.year}`;
}

/** '2026-11-25, 9:30 am' style for lists of past events. */
export function formatDateTimeIn(date: Date, timeZone: string): string {
  return `${formatShortDate(formatDateIn(date, timeZone))}, ${formatTimeIn(date, timeZone)}`;
}

export function shiftDate(isoDate: string, days: number): string {
  return Temporal.PlainDate.from(isoDate).add({ days }).toString();
}

export function isIsoDate(value: string | null): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}
