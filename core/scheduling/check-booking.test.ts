import { describe, expect, it } from 'vitest';
import { type CheckBookingInput, checkBookingRequest, computeBlockedInterval } from './check-booking.ts';
import { buildHours, buildType, instant, OPEN_POLICY } from './scheduling.fixtures.ts';

const NEW_YORK = 'America/New_York';

// Monday 2 March 2026, 09:00 in New York (EST, -05:00).
const base: CheckBookingInput = {
  practitionerId: 'p1',
  requestedStart: instant('2026-03-04T14:00:00Z'),
  weeklyHours: [buildHours('p1', NEW_YORK, [['09:00', '17:00']], [1, 2, 3, 4, 5])],
  appointmentType: buildType(30),
  policy: {
    minimumNoticeMinutes: 1440,
    maximumDaysAhead: 30,
    cancellationWindowHours: 24,
    slotIntervalMinutes: 15,
  },
  now: instant('2026-03-02T14:00:00Z'),
};

function check(changes: Partial<CheckBookingInput>) {
  return checkBookingRequest({ ...base, ...changes });
}

function codeOf(changes: Partial<CheckBookingInput>): string {
  const result = check(changes);
  return result.ok ? 'ok' : result.error.code;
}

describe('checkBookingRequest', () => {
  it('accepts a free grid time and returns it in the location time zone', () => {
    const result = check({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.start.toString()).toBe('2026-03-04T09:00:00-05:00[America/New_York]');
    expect(result.value.end.toString()).toBe('2026-03-04T09:30:00-05:00[America/New_York]');
    expect(result.value.locationId).toBe('main');
  });

  const cases: Array<{ name: string; changes: Partial<CheckBookingInput>; code: string }> = [
    {
      name: 'refuses a practitioner who does not offer the type',
      changes: { appointmentType: buildType(30, { practitionerIds: ['p2'] }) },
      code: 'not_offered',
    },
    {
      name: 'refuses a new-patient type for a returning patient',
      changes: { appointmentType: buildType(30, { newPatientsOnly: true }), isNewPatient: false },
      code: 'new_patients_only',
    },
    {
      name: 'accepts a new-patient type for a new patient',
      changes: { appointmentType: buildType(30, { newPatientsOnly: true }), isNewPatient: true },
      code: 'ok',
    },
    {
      name: 'refuses a time in the past',
      changes: { requestedStart: instant('2026-02-27T15:00:00Z') },
      code: 'in_the_past',
    },
    {
      name: 'refuses a time inside the minimum notice',
      changes: { requestedStart: instant('2026-03-03T13:45:00Z') },
      code: 'inside_minimum_notice',
    },
    {
      name: 'accepts a time exactly at the end of the minimum notice',
      changes: { requestedStart: instant('2026-03-03T14:00:00Z') },
      code: 'ok',
    },
    {
      name: 'accepts the last bookable local date',
      changes: { requestedStart: instant('2026-04-01T20:30:00Z') }, // 16:30 EDT, 30 days ahead
      code: 'ok',
    },
    {
      name: 'refuses a date beyond the booking window',
      changes: { requestedStart: instant('2026-04-02T13:00:00Z') },
      code: 'beyond_booking_window',
    },
    {
      name: 'refuses a weekend day without working hours',
      changes: { requestedStart: instant('2026-03-07T15:00:00Z') },
      code: 'outside_working_hours',
    },
    {
      name: 'refuses an appointment that would run past the end of the day',
      changes: { requestedStart: instant('2026-03-04T21:45:00Z') },
      code: 'outside_working_hours',
    },
    {
      name: 'refuses a start between grid times',
      changes: { requestedStart: instant('2026-03-04T14:05:00Z') },
      code: 'off_grid',
    },
    {
      name: 'refuses a start with seconds',
      changes: { requestedStart: instant('2026-03-04T14:00:30Z') },
      code: 'off_grid',
    },
    {
      name: 'refuses a start a nanosecond off the grid',
      changes: { requestedStart: instant('2026-03-04T14:00:00.000000001Z') },
      code: 'off_grid',
    },
    {
      name: 'refuses a time that overlaps an existing appointment',
      changes: {
        busy: [
          {
            practitionerId: 'p1',
            start: instant('2026-03-04T14:15:00Z'),
            end: instant('2026-03-04T15:00:00Z'),
          },
        ],
      },
      code: 'slot_taken',
    },
    {
      name: 'refuses a time whose clean-up buffer would overlap the next appointment',
      changes: {
        appointmentType: buildType(30, { bufferAfterMinutes: 10 }),
        busy: [
          {
            practitionerId: 'p1',
            start: instant('2026-03-04T14:30:00Z'),
            end: instant('2026-03-04T15:00:00Z'),
          },
        ],
      },
      code: 'slot_taken',
    },
    {
      name: 'accepts a time that ends exactly when the next appointment starts',
      changes: {
        busy: [
          {
            practitionerId: 'p1',
            start: instant('2026-03-04T14:30:00Z'),
            end: instant('2026-03-04T15:00:00Z'),
          },
        ],
      },
      code: 'ok',
    },
    {
      name: 'refuses a time during time off',
      changes: {
        timeOff: [
          {
            practitionerId: 'p1',
            start: instant('2026-03-04T05:00:00Z'),
            end: instant('2026-03-05T05:00:00Z'),
          },
        ],
      },
      code: 'slot_taken',
    },
    {
      name: 'ignores another practitioner’s appointment',
      changes: {
        busy: [
          {
            practitionerId: 'p2',
            start: instant('2026-03-04T14:00:00Z'),
            end: instant('2026-03-04T15:00:00Z'),
          },
        ],
      },
      code: 'ok',
    },
  ];

  it.each(cases)('$name', ({ changes, code }) => {
    expect(codeOf(changes)).toBe(code);
  });

  it('gives a plain-language message with every refusal', () => {
    const result = check({ requestedStart: instant('2026-03-04T14:05:00Z') });
    expect(result.ok ? '' : result.error.message).toMatch(/^Appointments start at set times\./);
  });

  describe('on the fall-back night in New York', () => {
    const night: Partial<CheckBookingInput> = {
      weeklyHours: [buildHours('p1', NEW_YORK, [['00:00', '03:00']], [7])],
      policy: { ...OPEN_POLICY, slotIntervalMinutes: 15 },
      now: instant('2026-10-30T12:00:00Z'),
    };

    it('accepts 01:15 the first time the clock shows it', () => {
      expect(codeOf({ ...night, requestedStart: instant('2026-11-01T01:15:00-04:00') })).toBe('ok');
    });

    it('refuses 01:15 the second time, which is not on the listed grid', () => {
      expect(codeOf({ ...night, requestedStart: instant('2026-11-01T01:15:00-05:00') })).toBe('off_grid');
    });
  });
});

describe('computeBlockedInterval', () => {
  it('widens the appointment by the type’s buffers', () => {
    const blocked = computeBlockedInterval(
      'p1',
      instant('2026-03-04T14:00:00Z'),
      buildType(45, { bufferBeforeMinutes: 5, bufferAfterMinutes: 10 }),
    );
    // Temporal objects keep their state in hidden slots, so compare their text.
    expect([blocked.practitionerId, blocked.start.toString(), blocked.end.toString()]).toEqual([
      'p1',
      '2026-03-04T13:55:00Z',
      '2026-03-04T14:55:00Z',
    ]);
  });
});
