// buildAppointmentCalendar: one appointment as an iCalendar object (RFC 5545) carrying an iTIP method
// (RFC 5546), for email attachments and the calendar.ics download. Pure: the caller gives the stamp.
// The time zone definition comes from the zone's real transitions (Temporal), never from offset sums.
import { Temporal } from 'temporal-polyfill';

export const CALENDAR_METHODS = ['REQUEST', 'CANCEL'] as const;
export type CalendarMethod = (typeof CALENDAR_METHODS)[number];
export const CALENDAR_EVENT_STATUSES = ['CONFIRMED', 'CANCELLED'] as const;
export type CalendarEventStatus = (typeof CALENDAR_EVENT_STATUSES)[number];

export type CalendarPerson = { name: string; email: string };

export type AppointmentCalendarInput = {
  /** Stable for the appointment's whole life: calendar programs match updates and cancellations on it. */
  uid: string;
  /** Starts at 0 and rises with every change the attendee should see (RFC 5545 §3.8.7.4). */
  sequence: number;
  method: CalendarMethod;
  status: CalendarEventStatus;
  start: Temporal.Instant;
  end: Temporal.Instant;
  /** IANA zone the times are shown in, e.g. `America/New_York`. */
  timeZone: string;
  summary: string;
  description: string;
  location: string;
  organizer: CalendarPerson;
  attendee?: CalendarPerson | undefined;
  /** When this file was made; written in UTC. */
  dtstamp: Temporal.Instant;
  url?: string | undefined;
};

export const CALENDAR_PRODUCT_ID = '-//Backpoint//Appointments 1.0//EN';

// RFC 5545 §3.1: lines longer than 75 octets (not counting the line break) are folded.
const MAX_LINE_OCTETS = 75;
const CRLF = '\r\n';
// Control characters other than tab are not allowed in TEXT (RFC 5545 §3.3.11).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeCalendarText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/[\\;,\n]/g, (character) => (character === '\n' ? '\\n' : `\\${character}`));
}

// Parameter values are quoted, and a quote, caret or line break inside is written the RFC 6868 way.
function quoteParameter(value: string): string {
  const encoded = value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/[\^\n"]/g, (character) => ({ '^': '^^', '\n': '^n', '"': "^'" })[character] ?? character);
  return `"${encoded}"`;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/** Folds one content line at 75 octets, between characters, never inside one. */
export function foldCalendarLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0) ?? 0);
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function pad(value: number, length = 2): string {
  return String(value).padStart(length, '0');
}

function formatLocal(dateTime: Temporal.PlainDateTime): string {
  return `${pad(dateTime.year, 4)}${pad(dateTime.month)}${pad(dateTime.day)}T${pad(dateTime.hour)}${pad(dateTime.minute)}${pad(dateTime.second)}`;
}

function formatUtc(instant: Temporal.Instant): string {
  return `${formatLocal(instant.toZonedDateTimeISO('UTC').toPlainDateTime())}Z`;
}

// `-04:00` → `-0400`; `-04:56:02` (local mean time) → `-045602` (RFC 5545 §3.3.14 allows seconds).
function formatOffset(offset: string): string {
  return offset.replaceAll(':', '');
}

function mailto(person: CalendarPerson): string {
  if (/[\s<>"]/.test(person.email))
    throw new RangeError('An email address cannot contain spaces, quotes or <>.');
  return `mailto:${person.email}`;
}

type Observance = {
  kind: 'STANDARD' | 'DAYLIGHT';
  onset: Temporal.PlainDateTime;
  offsetFrom: string;
  offsetTo: string;
};

function isDaylightOffset(zone: string, at: Temporal.ZonedDateTime): boolean {
  const january = Temporal.PlainDate.from({ year: at.year, month: 1, day: 1 }).toZonedDateTime(zone);
  const july = Temporal.PlainDate.from({ year: at.year, month: 7, day: 1 }).toZonedDateTime(zone);
  if (january.offsetNanoseconds === july.offsetNanoseconds) return false;
  return at.offsetNanoseconds === Math.max(january.offsetNanoseconds, july.offsetNanoseconds);
}

function describeTransition(zone: string, transition: Temporal.ZonedDateTime): Observance {
  // The onset is written in the local time that was in force just before the change.
  const before = transition.toInstant().subtract({ nanoseconds: 1 }).toZonedDateTimeISO(zone);
  return {
    kind: isDaylightOffset(zone, transition) ? 'DAYLIGHT' : 'STANDARD',
    onset: before.toPlainDateTime().add({ nanoseconds: 1 }),
    offsetFrom: before.offset,
    offsetTo: transition.offset,
  };
}

/** The observances for events inside one span between two changes of a zone's offset. */
type ObservanceSpan = {
  /** The change that starts the span (null: none known before it). */
  readonly startNs: bigint | null;
  /** The next change (null: none known after it). */
  readonly endNs: bigint | null;
  readonly observances: readonly Observance[];
};

// Every event between the same two changes of a zone gets the same observances, and working them out
// walks the zone's rules (about a third of a millisecond with the Temporal polyfill, twice per
// booking). Spans are kept per zone; a zone has two a year.
const spansByZone = new Map<string, ObservanceSpan[]>();
const MAX_SPANS_PER_ZONE = 256;

function spanCovers(span: ObservanceSpan, from: bigint, to: bigint): boolean {
  return (
    (span.startNs === null || span.startNs <= from) &&
    (span.endNs === null || (from < span.endNs && to < span.endNs))
  );
}

/**
 * The observances of `zone` from the one in force at `from` through the first change after `to`,
 * so every time in the event (and the next change, for programs that like both kinds) is defined.
 */
export function listTimeZoneObservances(
  zone: string,
  from: Temporal.Instant,
  to: Temporal.Instant,
): readonly Observance[] {
  const spans = spansByZone.get(zone) ?? [];
  const kept = spans.find((span) => spanCovers(span, from.epochNanoseconds, to.epochNanoseconds));
  if (kept) return kept.observances;
  const { observances, span } = workOutObservances(zone, from, to);
  if (span) {
    if (spans.length >= MAX_SPANS_PER_ZONE) spans.length = 0;
    spans.push(span);
    spansByZone.set(zone, spans);
  }
  return observances;
}

/** As above, from the zone's rules every time (exported for the cache's test); also the span the answer
 * holds for, when it is a single span. */
export function workOutObservances(
  zone: string,
  from: Temporal.Instant,
  to: Temporal.Instant,
): { observances: Observance[]; span: ObservanceSpan | null } {
  // The latest change at or before `from`: the previous one seen from a nanosecond later.
  const inForce = from.add({ nanoseconds: 1 }).toZonedDateTimeISO(zone).getTimeZoneTransition('previous');
  if (!inForce) {
    const fixed = from.toZonedDateTimeISO(zone);
    const observances: Observance[] = [
      {
        kind: 'STANDARD',
        onset: Temporal.PlainDateTime.from('1970-01-01T00:00:00'),
        offsetFrom: fixed.offset,
        offsetTo: fixed.offset,
      },
    ];
    // No change before `from`: the answer holds until the first change after it, if there is one.
    const first = fixed.getTimeZoneTransition('next');
    if (first && Temporal.Instant.compare(first.toInstant(), to) <= 0) return { observances, span: null };
    return {
      observances,
      span: { startNs: null, endNs: first ? first.toInstant().epochNanoseconds : null, observances },
    };
  }
  const observances = [describeTransition(zone, inForce)];
  let next = inForce.getTimeZoneTransition('next');
  while (next) {
    observances.push(describeTransition(zone, next));
    if (Temporal.Instant.compare(next.toInstant(), to) > 0) break;
    next = next.getTimeZoneTransition('next');
  }
  // One span when the event ends before the first change after the one in force.
  const single = observances.length <= 2 && (!next || Temporal.Instant.compare(next.toInstant(), to) > 0);
  return {
    observances,
    span: single
      ? {
          startNs: inForce.toInstant().epochNanoseconds,
          endNs: next ? next.toInstant().epochNanoseconds : null,
          observances,
        }
      : null,
  };
}

function buildTimeZone(zone: string, from: Temporal.Instant, to: Temporal.Instant): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  for (const observance of listTimeZoneObservances(zone, from, to)) {
    lines.push(
      `BEGIN:${observance.kind}`,
      `DTSTART:${formatLocal(observance.onset)}`,
      `TZOFFSETFROM:${formatOffset(observance.offsetFrom)}`,
      `TZOFFSETTO:${formatOffset(observance.offsetTo)}`,
      `END:${observance.kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

// A local time that occurs twice (the hour repeated when clocks go back) is written in UTC: RFC 5545
// §3.3.5 says it means the first occurrence, but parsers differ (ical.js 2.2 reads the second).
function formatDateTimeProperty(name: string, zone: string, instant: Temporal.Instant): string {
  const whole = instant.round({ smallestUnit: 'second', roundingMode: 'trunc' });
  const local = whole.toZonedDateTimeISO(zone).toPlainDateTime();
  const earlier = local.toZonedDateTime(zone, { disambiguation: 'earlier' }).toInstant();
  const later = local.toZonedDateTime(zone, { disambiguation: 'later' }).toInstant();
  if (!earlier.equals(later)) return `${name}:${formatUtc(whole)}`;
  return `${name};TZID=${zone}:${formatLocal(local)}`;
}

function checkInput(input: AppointmentCalendarInput) {
  if (!Number.isInteger(input.sequence) || input.sequence < 0) {
    throw new RangeError('SEQUENCE must be a whole number of at least 0.');
  }
  if (Temporal.Instant.compare(input.end, input.start) <= 0) {
    throw new RangeError('The end must come after the start.');
  }
  if (input.method === 'CANCEL' && input.status !== 'CANCELLED') {
    throw new RangeError('A cancellation (METHOD:CANCEL) carries STATUS:CANCELLED.');
  }
  if (input.uid.trim() === '') throw new RangeError('The UID must not be empty.');
  if (input.url !== undefined && /[\s"<>]/.test(input.url)) {
    throw new RangeError('The URL must not contain spaces, quotes or <>.');
  }
}

/** The appointment as an iCalendar file: CRLF line breaks, folded lines, ending with a line break. */
export function buildAppointmentCalendar(input: AppointmentCalendarInput): string {
  checkInput(input);
  // Resolves the zone's canonical id, and throws a RangeError for an unknown one.
  const zone = input.start.toZonedDateTimeISO(input.timeZone).timeZoneId;
  const { organizer, attendee } = input;
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${CALENDAR_PRODUCT_ID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    ...buildTimeZone(zone, input.start, input.end),
    'BEGIN:VEVENT',
    `UID:${escapeCalendarText(input.uid)}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${formatUtc(input.dtstamp)}`,
    formatDateTimeProperty('DTSTART', zone, input.start),
    formatDateTimeProperty('DTEND', zone, input.end),
    `SUMMARY:${escapeCalendarText(input.summary)}`,
    `DESCRIPTION:${escapeCalendarText(input.description)}`,
    `LOCATION:${escapeCalendarText(input.location)}`,
    `ORGANIZER;CN=${quoteParameter(organizer.name)}:${mailto(organizer)}`,
    ...(attendee
      ? [
          `ATTENDEE;CN=${quoteParameter(attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:${mailto(attendee)}`,
        ]
      : []),
    ...(input.url !== undefined ? [`URL:${input.url}`] : []),
    `STATUS:${input.status}`,
    `TRANSP:${input.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldCalendarLine).join(CRLF) + CRLF;
}
