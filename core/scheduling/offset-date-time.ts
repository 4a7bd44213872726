import { Temporal } from 'temporal-polyfill';

/**
 * ISO 8601 with the UTC offset and no zone name, as CONTRACT.md §4 wants for `start`/`end`:
 * `2026-03-09T09:00:00-04:00`.
 */
export function formatOffsetDateTime(value: Temporal.ZonedDateTime): string {
  return value.toString({ timeZoneName: 'never' });
}

// Date's ISO text has four-digit years only from 0000 to 9999; outside that, Temporal formats.
const FAST_FROM_MS = Date.UTC(1000, 0, 1);
const FAST_UNTIL_MS = Date.UTC(9999, 0, 1);

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

type OffsetSegment = { fromMs: number; untilMs: number; offsetMs: number; offsetText: string };

/**
 * A fast formatter for many instants in one zone: the same text as `formatOffsetDateTime`, whole seconds.
 * Each stretch of constant offset is looked up once through Temporal (start and next transition); inside
 * it, the wall-clock text is the instant shifted by that Temporal-given offset. Offsets that are not whole
 * minutes (local mean time before 1900) and far years fall back to Temporal itself.
 */
export function createOffsetDateTimeFormatter(timeZone: string): (epochMs: number) => string {
  let segment: OffsetSegment | undefined;
  // Slots crowd into few days: the date part is built once per local day.
  const datePrefixes = new Map<number, string>();

  function findSegment(epochMs: number): OffsetSegment {
    const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone);
    const previous = zoned.getTimeZoneTransition('previous');
    const next = zoned.getTimeZoneTransition('next');
    return {
      fromMs: previous?.epochMilliseconds ?? Number.NEGATIVE_INFINITY,
      untilMs: next?.epochMilliseconds ?? Number.POSITIVE_INFINITY,
      offsetMs: zoned.offsetNanoseconds / 1_000_000,
      offsetText: zoned.offset,
    };
  }

  return (epochMs) => {
    const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
    if (!segment || wholeSecondMs < segment.fromMs || wholeSecondMs >= segment.untilMs) {
      segment = findSegment(wholeSecondMs);
    }
    if (segment.offsetMs % 60_000 !== 0 || wholeSecondMs < FAST_FROM_MS || wholeSecondMs >= FAST_UNTIL_MS) {
      return formatOffsetDateTime(
        Temporal.Instant.fromEpochMilliseconds(wholeSecondMs).toZonedDateTimeISO(timeZone),
      );
    }
    const wallMs = wholeSecondMs + segment.offsetMs;
    const dayNumber = Math.floor(wallMs / DAY_MS);
    let datePrefix = datePrefixes.get(dayNumber);
    if (datePrefix === undefined) {
      datePrefix = new Date(dayNumber * DAY_MS).toISOString().slice(0, 11);
      datePrefixes.set(dayNumber, datePrefix);
    }
    const secondOfDay = (wallMs - dayNumber * DAY_MS) / 1000;
    const hour = Math.floor(secondOfDay / 3600);
    const minute = Math.floor(secondOfDay / 60) % 60;
    return `${datePrefix}${TWO_DIGITS[hour]}:${TWO_DIGITS[minute]}:${TWO_DIGITS[secondOfDay % 60]}${segment.offsetText}`;
  };
}
