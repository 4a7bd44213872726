// Display formatting shared by pages. Times are shown, never computed, here.

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** '09:00' → '9 am', '17:30' → '5:30 pm'. */
export function formatClockTime(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const suffix = h < 12 ? 'am' : 'pm';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour12} ${suffix}` : `${hour12}:${String(m).padStart(2, '0')} ${suffix}`;
}

export type OpeningHoursLine = { days: string; hours: string };

/** Groups consecutive weekdays with the same hours: "Monday to Friday: 9 am to 5 pm". */
export function describeOpeningHours(days: Array<{ weekday: number; opens: string; closes: string }>) {
  const lines: OpeningHoursLine[] = [];
  let run: { first: number; last: number; opens: string; closes: string } | null = null;
  const flush = () => {
    if (!run) return;
    const first = WEEKDAY_NAMES[run.first - 1] ?? '';
    const last = WEEKDAY_NAMES[run.last - 1] ?? '';
    lines.push({
      days: run.first === run.last ? first : `${first} to ${last}`,
      hours: `${formatClockTime(run.opens)} to ${formatClockTime(run.closes)}`,
    });
  };
  for (const d of [...days].sort((a, b) => a.weekday - b.weekday)) {
    if (run && d.weekday === run.last + 1 && d.opens === run.opens && d.closes === run.closes)
      run.last = d.weekday;
    else {
      flush();
      run = { first: d.weekday, last: d.weekday, opens: d.opens, closes: d.closes };
    }
  }
  flush();
  return lines;
}

/** 'America/New_York' → 'New York'. */
export function describeTimeZoneCity(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replaceAll('_', ' ');
}

export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}

const MONTH_NAMES = [
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

/** '2026-11-25' → 'November 25, 2026' (a calendar date, read without any time zone). */
export function formatLongDate(isoDate: string): string {
  // A fixed list rather than a new Intl.DateTimeFormat per call: building one cost about 0.7 ms of
  // every article page (docs/PERFORMANCE.md).
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  return `${MONTH_NAMES[m - 1] ?? ''} ${d}, ${y}`;
}
