import { fc, test } from '@fast-check/vitest';
import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type AppointmentCalendarInput,
  buildAppointmentCalendar,
  escapeCalendarText,
  foldCalendarLine,
  listTimeZoneObservances,
  workOutObservances,
} from './calendar-file.ts';

// ical.js is an independent parser: it knows no time zones except the VTIMEZONE in the file, so a
// right time read back means our zone definition is right as well as our local times.

const instant = (iso: string) => Temporal.Instant.from(iso);

const BASE: AppointmentCalendarInput = {
  uid: 'appointment-0001@clinic.example',
  sequence: 0,
  method: 'REQUEST',
  status: 'CONFIRMED',
  start: instant('2026-06-10T13:00:00Z'),
  end: instant('2026-06-10T13:45:00Z'),
  timeZone: 'America/New_York',
  summary: 'Follow-up with Practitioner One',
  description: 'Backpoint. To change or cancel, visit your care page.',
  location: 'Backpoint Clinic, 1 Example Street',
  organizer: { name: 'Backpoint Clinic', email: 'clinic@clinic.example' },
  attendee: { name: 'Patient One', email: 'patient1@clinic.example' },
  dtstamp: instant('2026-06-01T08:30:15.250Z'),
  url: 'https://clinic.example/my-care',
};

function build(overrides: Partial<AppointmentCalendarInput> = {}) {
  return buildAppointmentCalendar({ ...BASE, ...overrides });
}

/** Parses with ical.js, registering only the time zones the file itself defines. */
function parse(text: string) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  // Parse again so date-times resolve against the zones just registered.
  const resolved = new ICAL.Component(ICAL.parse(text));
  const vevent = resolved.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar: resolved, vevent, event: new ICAL.Event(vevent) };
}

const physicalLines = (text: string) => text.split('\r\n').slice(0, -1);
const contentLines = (text: string) => text.replace(/\r\n /g, '').split('\r\n');
/** A property line of the VEVENT (the VTIMEZONE has DTSTART lines of its own). */
const lineOf = (text: string, name: string) => {
  const lines = contentLines(text);
  return lines
    .slice(lines.indexOf('BEGIN:VEVENT'))
    .find((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
};
const octets = (line: string) => Buffer.byteLength(line, 'utf8');

beforeEach(() => ICAL.TimezoneService.reset());

describe('buildAppointmentCalendar: the calendar object', () => {
  it('writes the required properties with CRLF line endings and a final line break', () => {
    const text = build();
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = contentLines(text);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'PRODID:-//Backpoint//Appointments 1.0//EN',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'METHOD:REQUEST',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'UID:appointment-0001@clinic.example',
        'SEQUENCE:0',
        'DTSTAMP:20260601T083015Z',
        'DTSTART;TZID=America/New_York:20260610T090000',
        'DTEND;TZID=America/New_York:20260610T094500',
        'STATUS:CONFIRMED',
        'TRANSP:OPAQUE',
        'URL:https://clinic.example/my-care',
        'ORGANIZER;CN="Backpoint Clinic":mailto:clinic@clinic.example',
        'ATTENDEE;CN="Patient One";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:patient1@clinic.example',
      ]),
    );
  });

  it('reads back through ical.js with the same UID, sequence, texts, people and stamp', () => {
    const { calendar, vevent, event } = parse(build({ sequence: 3 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(event.uid).toBe(BASE.uid);
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe(BASE.summary);
    expect(event.description).toBe(BASE.description);
    expect(event.location).toBe(BASE.location);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('url')).toBe(BASE.url);
    const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe('2026-06-01T08:30:15.000Z');
    const organizer = vevent.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('mailto:clinic@clinic.example');
    expect(organizer?.getParameter('cn')).toBe('Backpoint Clinic');
    expect(event.attendees.map((attendee) => attendee.getFirstValue())).toEqual([
      'mailto:patient1@clinic.example',
    ]);
  });

  it('leaves out the attendee and URL when there are none, and gives the same file for the same input', () => {
    const text = build({ attendee: undefined, url: undefined });
    expect(lineOf(text, 'ATTENDEE')).toBeUndefined();
    expect(lineOf(text, 'URL')).toBeUndefined();
    expect(build()).toBe(build());
  });

  it('writes a cancellation with the same UID, a higher sequence, METHOD:CANCEL and STATUS:CANCELLED', () => {
    const text = build({ method: 'CANCEL', status: 'CANCELLED', sequence: 1 });
    const { calendar, vevent, event } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.uid).toBe(BASE.uid);
    expect(event.sequence).toBe(1);
    expect(lineOf(text, 'TRANSP')).toBe('TRANSP:TRANSPARENT');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-06-10T13:00:00.000Z');
  });

  it('refuses a cancellation that is not CANCELLED, an end before the start and a negative sequence', () => {
    expect(() => build({ method: 'CANCEL', status: 'CONFIRMED' })).toThrow(RangeError);
    expect(() => build({ end: BASE.start })).toThrow(RangeError);
    expect(() => build({ end: instant('2026-06-10T12:00:00Z') })).toThrow(RangeError);
    expect(() => build({ sequence: -1 })).toThrow(RangeError);
    expect(() => build({ sequence: 1.5 })).toThrow(RangeError);
    expect(() => build({ timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
    expect(() => build({ attendee: { name: 'X', email: 'x@example.test\r\nBCC:evil' } })).toThrow(RangeError);
    expect(() => build({ url: 'https://clinic.example/a b' })).toThrow(RangeError);
  });
});

type TimeCase = {
  name: string;
  zone: string;
  start: string;
  end: string;
  dtstart: string;
  dtend: string;
};

// 2026 clock changes: New York 8 March 02:00 → 03:00 and 1 November 02:00 → 01:00;
// London 29 March 01:00 → 02:00 and 25 October 02:00 → 01:00.
const TIME_CASES: TimeCase[] = [
  {
    name: 'New York, the day before clocks go forward (EST)',
    zone: 'America/New_York',
    start: '2026-03-07T14:00:00Z',
    end: '2026-03-07T15:00:00Z',
    dtstart: 'DTSTART;TZID=America/New_York:20260307T090000',
    dtend: 'DTEND;TZID=America/New_York:20260307T100000',
  },
  {
    name: 'New York, 9:00 on the day clocks go forward (EDT)',
    zone: 'America/New_York',
    start: '2026-03-08T13:00:00Z',
    end: '2026-03-08T13:45:00Z',
    dtstart: 'DTSTART;TZID=America/New_York:20260308T090000',
    dtend: 'DTEND;TZID=America/New_York:20260308T094500',
  },
  {
    name: 'New York, across the skipped hour',
    zone: 'America/New_York',
    start: '2026-03-08T06:30:00Z',
    end: '2026-03-08T07:30:00Z',
    dtstart: 'DTSTART;TZID=America/New_York:20260308T013000',
    dtend: 'DTEND;TZID=America/New_York:20260308T033000',
  },
  {
    name: 'New York, 9:00 on the day clocks go back (EST)',
    zone: 'America/New_York',
    start: '2026-11-01T14:00:00Z',
    end: '2026-11-01T15:00:00Z',
    dtstart: 'DTSTART;TZID=America/New_York:20261101T090000',
    dtend: 'DTEND;TZID=America/New_York:20261101T100000',
  },
  {
    // RFC 5545 says a repeated local time means its first occurrence; ical.js takes the second, so
    // both are written in UTC, which no parser can misread.
    name: 'New York, the first 1:30 of the repeated hour (in UTC)',
    zone: 'America/New_York',
    start: '2026-11-01T05:30:00Z',
    end: '2026-11-01T05:45:00Z',
    dtstart: 'DTSTART:20261101T053000Z',
    dtend: 'DTEND:20261101T054500Z',
  },
  {
    name: 'New York, the second 1:30 of the repeated hour (in UTC)',
    zone: 'America/New_York',
    start: '2026-11-01T06:30:00Z',
    end: '2026-11-01T07:30:00Z',
    dtstart: 'DTSTART:20261101T063000Z',
    dtend: 'DTEND;TZID=America/New_York:20261101T023000',
  },
  {
    name: 'London, the day before clocks go forward (GMT)',
    zone: 'Europe/London',
    start: '2026-03-28T10:00:00Z',
    end: '2026-03-28T10:30:00Z',
    dtstart: 'DTSTART;TZID=Europe/London:20260328T100000',
    dtend: 'DTEND;TZID=Europe/London:20260328T103000',
  },
  {
    name: 'London, the day clocks go forward (BST)',
    zone: 'Europe/London',
    start: '2026-03-29T09:00:00Z',
    end: '2026-03-29T10:00:00Z',
    dtstart: 'DTSTART;TZID=Europe/London:20260329T100000',
    dtend: 'DTEND;TZID=Europe/London:20260329T110000',
  },
  {
    name: 'London, the day clocks go back (GMT)',
    zone: 'Europe/London',
    start: '2026-10-25T10:00:00Z',
    end: '2026-10-25T11:00:00Z',
    dtstart: 'DTSTART;TZID=Europe/London:20261025T100000',
    dtend: 'DTEND;TZID=Europe/London:20261025T110000',
  },
  {
    name: 'New York, overnight across the change',
    zone: 'America/New_York',
    start: '2026-10-31T22:00:00Z',
    end: '2026-11-01T12:00:00Z',
    dtstart: 'DTSTART;TZID=America/New_York:20261031T180000',
    dtend: 'DTEND;TZID=America/New_York:20261101T070000',
  },
];

describe('buildAppointmentCalendar: times across clock changes', () => {
  it.each(TIME_CASES)('$name', (example) => {
    const text = build({ timeZone: example.zone, start: instant(example.start), end: instant(example.end) });
    expect(lineOf(text, 'DTSTART')).toBe(example.dtstart);
    expect(lineOf(text, 'DTEND')).toBe(example.dtend);
    const { event } = parse(text);
    expect(event.startDate.toJSDate().toISOString()).toBe(
      instant(example.start).toString({ fractionalSecondDigits: 3 }),
    );
    expect(event.endDate.toJSDate().toISOString()).toBe(
      instant(example.end).toString({ fractionalSecondDigits: 3 }),
    );
  });

  it('defines New York from the change in force through the next one, in local time before each change', () => {
    const text = build({ start: instant('2026-03-08T13:00:00Z'), end: instant('2026-03-08T14:00:00Z') });
    const lines = contentLines(text);
    const zone = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(zone).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:America/New_York',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260308T020000',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0400',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20261101T020000',
      'TZOFFSETFROM:-0400',
      'TZOFFSETTO:-0500',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('defines London in summer from the March change through the October one', () => {
    const text = build({
      timeZone: 'Europe/London',
      start: instant('2026-07-01T09:00:00Z'),
      end: instant('2026-07-01T10:00:00Z'),
    });
    const lines = contentLines(text);
    expect(lines.slice(lines.indexOf('TZID:Europe/London'), lines.indexOf('END:VTIMEZONE'))).toEqual([
      'TZID:Europe/London',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260329T010000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0100',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20261025T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0000',
      'END:STANDARD',
    ]);
  });

  it('defines a zone without clock changes by its last change, and UTC by a fixed offset', () => {
    const kolkata = contentLines(build({ timeZone: 'Asia/Kolkata' }));
    expect(kolkata.filter((line) => line.startsWith('TZOFFSETTO'))).toEqual(['TZOFFSETTO:+0530']);
    expect(kolkata).toContain('DTSTART;TZID=Asia/Kolkata:20260610T183000');
    const utc = contentLines(build({ timeZone: 'UTC' }));
    expect(utc).toEqual(
      expect.arrayContaining([
        'TZID:UTC',
        'DTSTART:19700101T000000',
        'TZOFFSETFROM:+0000',
        'TZOFFSETTO:+0000',
      ]),
    );
  });

  const ZONES = [
    'America/New_York',
    'Europe/London',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'Asia/Kolkata',
    'UTC',
  ];
  const YEAR_2026 = instant('2026-01-01T00:00:00Z');
  // Two days from the eve of each 2026 clock change of these zones, as well as any time of the year.
  const CHANGE_EVES = ['2026-03-07', '2026-03-28', '2026-04-04', '2026-10-03', '2026-10-24', '2026-10-31'];
  const startArb = fc.oneof(
    fc.integer({ min: 0, max: 365 * 24 * 4 }).map((quarter) => YEAR_2026.add({ minutes: quarter * 15 })),
    fc
      .record({ eve: fc.constantFrom(...CHANGE_EVES), quarter: fc.integer({ min: 0, max: 2 * 24 * 4 }) })
      .map(({ eve, quarter }) => instant(`${eve}T00:00:00Z`).add({ minutes: quarter * 15 })),
  );

  test.prop([fc.constantFrom(...ZONES), startArb, fc.integer({ min: 1, max: 48 })])(
    'ical.js reads back the exact start and end in every zone, any quarter hour of 2026',
    (zone, start, length) => {
      const end = start.add({ minutes: length * 15 });
      const { event } = parse(build({ timeZone: zone, start, end }));
      expect(event.startDate.toJSDate().getTime()).toBe(start.epochMilliseconds);
      expect(event.endDate.toJSDate().getTime()).toBe(end.epochMilliseconds);
    },
  );
});

describe('buildAppointmentCalendar: folding and escaping', () => {
  it('folds a long UTF-8 description at 75 octets without splitting a character, and reads back whole', () => {
    const description = `Willkommen! Bitte bringen Sie Ihre Unterlagen mit. 鍼治療の前に軽く食事をしてください。 Ça ira 🙂 👩🏽‍⚕️ ${'ë'.repeat(40)} ${'語'.repeat(30)} ${'🧘'.repeat(20)}`;
    const text = build({ description });
    for (const line of physicalLines(text)) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line); // no half of a surrogate pair
    }
    const folded = physicalLines(text).filter((line) => line.startsWith(' '));
    expect(folded.length).toBeGreaterThan(3);
    expect(parse(text).event.description).toBe(description);
  });

  it('moves a four-octet character that would cross the limit to the next line', () => {
    const line = `DESCRIPTION:${'a'.repeat(62)}😀b`;
    expect(octets(`DESCRIPTION:${'a'.repeat(62)}`)).toBe(74);
    expect(foldCalendarLine(line)).toBe(`DESCRIPTION:${'a'.repeat(62)}\r\n 😀b`);
  });

  it('fills each folded line to exactly 75 octets with single-octet text', () => {
    const folded = foldCalendarLine(`SUMMARY:${'x'.repeat(200)}`).split('\r\n');
    // 8 octets of name and colon + 200: 75, then a space and 74 more, then a space and the last 59.
    expect(folded.map(octets)).toEqual([75, 75, 60]);
    expect(folded.slice(1).every((part) => part.startsWith(' ') && !part.startsWith('  '))).toBe(true);
  });

  it.each([
    ['semicolons and commas', 'Room 2; ground floor, left', 'Room 2\\; ground floor\\, left'],
    ['a backslash and a literal \\n', 'C:\\notes\\n', 'C:\\\\notes\\\\n'],
    ['line breaks of every kind', 'one\r\ntwo\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
    ['control characters, which TEXT does not allow', 'bell\u0007 and tab\t', 'bell and tab\t'],
  ])('escapes %s', (_name, raw, escaped) => {
    expect(escapeCalendarText(raw)).toBe(escaped);
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ maxLength: 80 })])(
    'summary, description and location round-trip through ical.js',
    (text, short) => {
      const { event } = parse(build({ summary: short, description: text, location: `${short};${text}` }));
      const expected = (value: string) =>
        // biome-ignore lint/suspicious/noControlCharactersInRegex: TEXT drops control characters.
        value.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
      expect(event.description).toBe(expected(text));
      expect(event.summary).toBe(expected(short));
      expect(event.location).toBe(expected(`${short};${text}`));
    },
  );

  it('quotes names in parameters, writing quotes and line breaks the RFC 6868 way', () => {
    const text = build({
      organizer: { name: 'Backpoint "Back; Neck", Clinic^\nEast', email: 'c@clinic.example' },
    });
    expect(lineOf(text, 'ORGANIZER')).toBe(
      `ORGANIZER;CN="Backpoint ^'Back; Neck^', Clinic^^^nEast":mailto:c@clinic.example`,
    );
    const organizer = parse(text).vevent.getFirstProperty('organizer');
    expect(organizer?.getParameter('cn')).toBe('Backpoint "Back; Neck", Clinic^\nEast');
  });
});

describe('time zone definitions kept between calendar files', () => {
  // The kept spans must give exactly what working the zone's rules out afresh gives, for events
  // anywhere in the year, in any order, and for events that straddle a change.
  const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
  test.prop([
    fc.constantFrom(...zones),
    fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }),
    fc.integer({ min: 15, max: 60 * 24 * 3 }),
  ])('equal the observances worked out from the rules', (zone, startMs, minutes) => {
    const from = Temporal.Instant.fromEpochMilliseconds(startMs);
    const to = from.add({ minutes });
    expect(listTimeZoneObservances(zone, from, to)).toEqual(workOutObservances(zone, from, to).observances);
  });
});
