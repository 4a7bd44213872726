import { describe, expect, it } from 'vitest';
import { expandWorkingIntervals, findOpenSlots, findOpenSlotTimes } from './find-open-slots.ts';
import { formatOffsetDateTime } from './offset-date-time.ts';
import {
  buildHours,
  buildSlotInput,
  buildType,
  describeWallTime,
  instant,
  OPEN_POLICY,
  plainDate,
} from './scheduling.fixtures.ts';

const NEW_YORK = 'America/New_York';

function elapsedHours(slots: ReturnType<typeof findOpenSlots>): number {
  const first = slots[0];
  const last = slots.at(-1);
  if (!first || !last) return 0;
  return (last.end.epochMilliseconds - first.start.epochMilliseconds) / 3_600_000;
}

describe('findOpenSlots on clock-change days', () => {
  const nineToFive = [
    { zone: NEW_YORK, day: '2026-03-08', offset: '-04:00' },
    { zone: NEW_YORK, day: '2026-11-01', offset: '-05:00' },
    { zone: 'Europe/London', day: '2026-03-29', offset: '+01:00' },
    { zone: 'Europe/London', day: '2026-10-25', offset: '+00:00' },
    { zone: 'Australia/Lord_Howe', day: '2026-04-05', offset: '+10:30' },
    { zone: 'Australia/Lord_Howe', day: '2026-10-04', offset: '+11:00' },
  ];

  it.each(nineToFive)(
    'gives exactly 8 hours of slots for 09:00–17:00 in $zone on $day',
    ({ zone, day, offset }) => {
      const slots = findOpenSlots(buildSlotInput(zone, day, [['09:00', '17:00']]));
      expect(slots).toHaveLength(16);
      expect(elapsedHours(slots)).toBe(8);
      expect(describeWallTime(slots[0]!.start)).toBe(`09:00${offset}`);
      expect(describeWallTime(slots.at(-1)!.end)).toBe(`17:00${offset}`);
    },
  );

  const nightShifts = [
    {
      name: 'skips the wall times that do not exist when New York springs forward',
      zone: NEW_YORK,
      day: '2026-03-08',
      hours: ['01:00', '04:00'] as const,
      walls: ['01:00-05:00', '01:15-05:00', '01:30-05:00', '01:45-05:00'].concat([
        '03:00-04:00',
        '03:15-04:00',
        '03:30-04:00',
        '03:45-04:00',
      ]),
    },
    {
      name: 'lists the repeated hour once when New York falls back',
      zone: NEW_YORK,
      day: '2026-11-01',
      hours: ['00:30', '02:30'] as const,
      walls: [
        '00:30-04:00',
        '00:45-04:00',
        '01:00-04:00',
        '01:15-04:00',
        '01:30-04:00',
        '01:45-04:00',
      ].concat(['02:00-05:00', '02:15-05:00']),
    },
    {
      name: 'skips the missing hour when London springs forward',
      zone: 'Europe/London',
      day: '2026-03-29',
      hours: ['00:30', '02:30'] as const,
      walls: ['00:30+00:00', '00:45+00:00', '02:00+01:00', '02:15+01:00'],
    },
    {
      name: 'lists the repeated hour once when London falls back',
      zone: 'Europe/London',
      day: '2026-10-25',
      hours: ['00:30', '02:30'] as const,
      walls: [
        '00:30+01:00',
        '00:45+01:00',
        '01:00+01:00',
        '01:15+01:00',
        '01:30+01:00',
        '01:45+01:00',
      ].concat(['02:00+00:00', '02:15+00:00']),
    },
    {
      name: 'skips the missing half hour when Lord Howe Island springs forward',
      zone: 'Australia/Lord_Howe',
      day: '2026-10-04',
      hours: ['01:30', '03:00'] as const,
      walls: ['01:30+10:30', '01:45+10:30', '02:30+11:00', '02:45+11:00'],
    },
    {
      name: 'lists the repeated half hour once when Lord Howe Island falls back',
      zone: 'Australia/Lord_Howe',
      day: '2026-04-05',
      hours: ['01:00', '02:30'] as const,
      walls: ['01:00+11:00', '01:15+11:00', '01:30+11:00', '01:45+11:00', '02:00+10:30', '02:15+10:30'],
    },
  ];

  it.each(nightShifts)('$name', ({ zone, day, hours, walls }) => {
    const input = buildSlotInput(zone, day, [hours], {
      appointmentType: buildType(15),
      policy: { ...OPEN_POLICY, slotIntervalMinutes: 15 },
    });
    const slots = findOpenSlots(input);
    expect(slots.map((slot) => describeWallTime(slot.start))).toEqual(walls);
    const instants = slots.map((slot) => slot.start.epochMilliseconds);
    expect(new Set(instants).size).toBe(instants.length);
  });

  it('lets an appointment run across the clock change when it starts on the grid', () => {
    const input = buildSlotInput(NEW_YORK, '2026-03-08', [['01:00', '04:00']], {
      appointmentType: buildType(60),
    });
    const slots = findOpenSlots(input).map(
      (slot) => `${describeWallTime(slot.start)}→${describeWallTime(slot.end)}`,
    );
    expect(slots).toEqual(['01:00-05:00→03:00-04:00', '01:30-05:00→03:30-04:00', '03:00-04:00→04:00-04:00']);
  });
});

describe('findOpenSlots in a visitor time zone', () => {
  it('shows a New York morning in Berlin time', () => {
    const input = buildSlotInput(NEW_YORK, '2026-03-09', [['09:00', '10:00']], {
      displayTimeZone: 'Europe/Berlin',
    });
    const slots = findOpenSlotTimes(input);
    expect(slots.map((slot) => slot.start)).toEqual([
      '2026-03-09T14:00:00+01:00',
      '2026-03-09T14:30:00+01:00',
    ]);
  });

  it('takes the visitor’s local dates, which can cut a clinic day in two', () => {
    const base = buildSlotInput(NEW_YORK, '2026-03-09', [['09:00', '17:00']], {
      displayTimeZone: 'Asia/Tokyo',
    });
    const monday = findOpenSlots({
      ...base,
      weeklyHours: [buildHours('p1', NEW_YORK, [['09:00', '17:00']], [1])],
    });
    // 09:00–17:00 EDT on Monday is 22:00 Monday to 06:00 Tuesday in Tokyo.
    expect(monday.map((slot) => describeWallTime(slot.start))).toEqual([
      '22:00+09:00',
      '22:30+09:00',
      '23:00+09:00',
      '23:30+09:00',
    ]);
    const tuesday = findOpenSlots({
      ...base,
      from: plainDate('2026-03-10'),
      to: plainDate('2026-03-10'),
      weeklyHours: [buildHours('p1', NEW_YORK, [['09:00', '17:00']], [1])],
    });
    expect(tuesday).toHaveLength(12);
    expect(tuesday[0]!.start.toString()).toBe('2026-03-10T00:00:00+09:00[Asia/Tokyo]');
  });
});

describe('findOpenSlots booking policy', () => {
  it('starts after the minimum notice, on the next grid time', () => {
    const input = buildSlotInput(NEW_YORK, '2026-03-09', [['09:00', '13:00']], {
      now: instant('2026-03-09T14:07:00Z'), // 10:07 in New York
      policy: { ...OPEN_POLICY, minimumNoticeMinutes: 60, slotIntervalMinutes: 15 },
    });
    expect(describeWallTime(findOpenSlots(input)[0]!.start)).toBe('11:15-04:00');
  });

  it('accepts a slot exactly at the end of the minimum notice', () => {
    const input = buildSlotInput(NEW_YORK, '2026-03-09', [['09:00', '13:00']], {
      now: instant('2026-03-09T14:00:00Z'),
      policy: { ...OPEN_POLICY, minimumNoticeMinutes: 60, slotIntervalMinutes: 15 },
    });
    expect(describeWallTime(findOpenSlots(input)[0]!.start)).toBe('11:00-04:00');
  });

  it('stops at the last local date allowed by maximum days ahead', () => {
    const input = buildSlotInput(NEW_YORK, '2026-03-02', [['09:00', '10:00']], {
      now: instant('2026-03-02T20:00:00Z'),
      to: plainDate('2026-03-16'),
      policy: { ...OPEN_POLICY, maximumDaysAhead: 7, slotIntervalMinutes: 30 },
    });
    const dates = new Set(findOpenSlots(input).map((slot) => slot.start.toPlainDate().toString()));
    expect([...dates].at(-1)).toBe('2026-03-09');
    expect(dates.has('2026-03-02')).toBe(false);
  });

  it('returns nothing for dates entirely in the past', () => {
    const input = buildSlotInput(NEW_YORK, '2026-03-02', [['09:00', '17:00']], {
      now: instant('2026-03-05T00:00:00Z'),
    });
    expect(findOpenSlots(input)).toEqual([]);
  });
});

describe('findOpenSlots grid and working ranges', () => {
  const cases = [
    {
      name: 'counts the grid from the start of the range',
      hours: [['09:10', '10:00']],
      duration: 15,
      step: 15,
    },
    {
      name: 'includes a slot that ends exactly when the day ends',
      hours: [['16:00', '17:00']],
      duration: 30,
      step: 15,
    },
    {
      name: 'restarts the grid after a lunch gap',
      hours: [
        ['09:00', '10:00'],
        ['10:20', '11:00'],
      ],
      duration: 20,
      step: 20,
    },
    {
      name: 'fits a slot before midnight when the range ends at 24:00',
      hours: [['22:00', '24:00']],
      duration: 60,
      step: 60,
    },
  ] as const;
  const expected = [
    ['09:10', '09:25', '09:40'],
    ['16:00', '16:15', '16:30'],
    ['09:00', '09:20', '09:40', '10:20', '10:40'],
    ['22:00', '23:00'],
  ];

  it.each(cases.map((c, i) => ({ ...c, walls: expected[i] })))(
    '$name',
    ({ hours, duration, step, walls }) => {
      const input = buildSlotInput(NEW_YORK, '2026-03-09', hours, {
        appointmentType: buildType(duration),
        policy: { ...OPEN_POLICY, slotIntervalMinutes: step },
      });
      expect(
        findOpenSlots(input).map((slot) => slot.start.toPlainTime().toString({ smallestUnit: 'minute' })),
      ).toEqual(walls);
    },
  );

  it('never lets an appointment straddle two ranges', () => {
    const input = buildSlotInput(
      NEW_YORK,
      '2026-03-09',
      [
        ['09:00', '09:30'],
        ['09:30', '10:00'],
      ],
      {
        appointmentType: buildType(60),
      },
    );
    expect(findOpenSlots(input)).toEqual([]);
  });
});

describe('findOpenSlots with appointments, buffers and time off', () => {
  const day = '2026-03-09';
  const hours = [['09:00', '13:00']] as const;
  const walls = (input: Parameters<typeof findOpenSlots>[0]) =>
    findOpenSlots(input).map((slot) => slot.start.toPlainTime().toString({ smallestUnit: 'minute' }));

  it('keeps the new appointment’s buffers clear of an existing appointment', () => {
    const input = buildSlotInput(NEW_YORK, day, hours, {
      appointmentType: buildType(30, { bufferBeforeMinutes: 10, bufferAfterMinutes: 15 }),
      policy: { ...OPEN_POLICY, slotIntervalMinutes: 15 },
      busy: [
        {
          practitionerId: 'p1',
          start: instant('2026-03-09T14:00:00Z'),
          end: instant('2026-03-09T15:00:00Z'),
        },
      ],
    });
    const starts = walls(input);
    expect(starts).toContain('09:15'); // ends 09:45, clean-up until 10:00 touches the busy time
    expect(starts).not.toContain('09:30');
    expect(starts).not.toContain('11:00'); // preparation from 10:50 overlaps
    expect(starts).toContain('11:15');
  });

  it('splits a day around time off and ignores other practitioners’ appointments', () => {
    const input = buildSlotInput(NEW_YORK, day, hours, {
      timeOff: [
        {
          practitionerId: 'p1',
          start: instant('2026-03-09T15:00:00Z'),
          end: instant('2026-03-09T16:00:00Z'),
        },
      ],
      busy: [
        {
          practitionerId: 'p2',
          start: instant('2026-03-09T13:00:00Z'),
          end: instant('2026-03-09T14:00:00Z'),
        },
      ],
    });
    expect(walls(input)).toEqual(['09:00', '09:30', '10:00', '10:30', '12:00', '12:30']);
  });

  it('applies clinic-wide time off to every practitioner', () => {
    const input = buildSlotInput(NEW_YORK, day, hours, {
      practitionerIds: ['p1', 'p2'],
      weeklyHours: [buildHours('p1', NEW_YORK, hours), buildHours('p2', NEW_YORK, hours)],
      timeOff: [{ start: instant('2026-03-09T13:00:00Z'), end: instant('2026-03-09T16:30:00Z') }],
    });
    expect(findOpenSlots(input).map((s) => `${s.practitionerId} ${describeWallTime(s.start)}`)).toEqual([
      'p1 12:30-04:00',
      'p2 12:30-04:00',
    ]);
  });
});

describe('findOpenSlots overrides and practitioners', () => {
  const hours = [['09:00', '10:00']] as const;

  it('closes a day with an empty override and opens a Saturday with replacement ranges', () => {
    const input = buildSlotInput(NEW_YORK, '2026-03-13', hours, {
      to: plainDate('2026-03-14'),
      weeklyHours: [buildHours('p1', NEW_YORK, hours, [1, 2, 3, 4, 5])],
      overrides: [
        {
          practitionerId: 'p1',
          locationId: 'main',
          timeZone: NEW_YORK,
          date: plainDate('2026-03-13'),
          ranges: [],
        },
        {
          practitionerId: 'p1',
          locationId: 'main',
          timeZone: NEW_YORK,
          date: plainDate('2026-03-14'),
          ranges: [{ start: '10:00', end: '11:00' }],
        },
      ],
    });
    expect(findOpenSlots(input).map((slot) => slot.start.toPlainDateTime().toString())).toEqual([
      '2026-03-14T10:00:00',
      '2026-03-14T10:30:00',
    ]);
  });

  it('sorts by start then practitioner and leaves out practitioners who do not offer the type', () => {
    const input = buildSlotInput(NEW_YORK, '2026-03-09', hours, {
      practitionerIds: ['p3', 'p1', 'p2'],
      weeklyHours: ['p1', 'p2', 'p3'].map((id) => buildHours(id, NEW_YORK, hours)),
      appointmentType: buildType(30, { practitionerIds: ['p1', 'p3'] }),
    });
    expect(findOpenSlots(input).map((s) => `${s.practitionerId} ${describeWallTime(s.start)}`)).toEqual([
      'p1 09:00-04:00',
      'p3 09:00-04:00',
      'p1 09:30-04:00',
      'p3 09:30-04:00',
    ]);
  });

  it('lists an instant once when two locations overlap', () => {
    const input = buildSlotInput(NEW_YORK, '2026-03-09', hours, {
      weeklyHours: [buildHours('p1', NEW_YORK, hours), buildHours('p1', NEW_YORK, hours, undefined, 'annex')],
    });
    expect(findOpenSlots(input)).toHaveLength(2);
  });
});

describe('findOpenSlotTimes', () => {
  it('gives the same slots as findOpenSlots as offset ISO text', () => {
    const input = buildSlotInput(NEW_YORK, '2026-03-07', [['00:00', '24:00']], {
      to: plainDate('2026-03-09'),
      displayTimeZone: 'Europe/London',
    });
    const asText = findOpenSlotTimes(input);
    const asTemporal = findOpenSlots(input).map((slot) => ({
      practitionerId: slot.practitionerId,
      locationId: slot.locationId,
      start: formatOffsetDateTime(slot.start),
      end: formatOffsetDateTime(slot.end),
    }));
    expect(asText).toEqual(asTemporal);
    expect(asText[0]!.start).toBe('2026-03-07T00:00:00+00:00');
  });
  // Speed is measured by `npm run bench` against a baseline, never by a timed assertion here.
});

describe('expandWorkingIntervals', () => {
  it('turns weekly hours into instant intervals in the location time zone, across a clock change', () => {
    const intervals = expandWorkingIntervals({
      weeklyHours: [buildHours('p1', NEW_YORK, [['01:00', '04:00']], [7])],
      from: plainDate('2026-03-08'),
      to: plainDate('2026-03-15'),
    });
    expect(intervals.map((i) => `${i.start.toString()} ${i.end.toString()}`)).toEqual([
      '2026-03-08T01:00:00-05:00[America/New_York] 2026-03-08T04:00:00-04:00[America/New_York]',
      '2026-03-15T01:00:00-04:00[America/New_York] 2026-03-15T04:00:00-04:00[America/New_York]',
    ]);
  });

  it('ends a range that stops inside the skipped hour when the clocks jump', () => {
    const [interval] = expandWorkingIntervals({
      weeklyHours: [buildHours('p1', NEW_YORK, [['00:00', '02:30']], [7])],
      from: plainDate('2026-03-08'),
      to: plainDate('2026-03-08'),
    });
    expect(interval?.end.toInstant().toString()).toBe('2026-03-08T07:00:00Z');
  });
});
