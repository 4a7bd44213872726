import { fc, test } from '@fast-check/vitest';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { createOffsetDateTimeFormatter, formatOffsetDateTime } from './offset-date-time.ts';

const ZONES = [
  'America/New_York',
  'America/St_Johns',
  'Europe/London',
  'Europe/Dublin',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Pacific/Apia',
  'UTC',
];

function formatWithTemporal(epochMs: number, zone: string): string {
  return formatOffsetDateTime(Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone));
}

describe('formatOffsetDateTime', () => {
  it('writes the offset and no zone name, as the API wants', () => {
    const value = Temporal.ZonedDateTime.from('2026-03-09T09:00[America/New_York]');
    expect(formatOffsetDateTime(value)).toBe('2026-03-09T09:00:00-04:00');
  });

  it('writes UTC as +00:00', () => {
    expect(formatWithTemporal(Date.UTC(2026, 0, 1), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });
});

describe('createOffsetDateTimeFormatter', () => {
  it('changes offset at the exact instant the clocks change', () => {
    const format = createOffsetDateTimeFormatter('America/New_York');
    const jump = Temporal.Instant.from('2026-03-08T07:00:00Z').epochMilliseconds;
    expect(format(jump - 1000)).toBe('2026-03-08T01:59:59-05:00');
    expect(format(jump)).toBe('2026-03-08T03:00:00-04:00');
  });

  test.prop({
    zone: fc.constantFrom(...ZONES),
    seconds: fc.array(fc.integer({ min: 0, max: 4_102_444_800 }), { minLength: 1, maxLength: 30 }),
    ascending: fc.boolean(),
  })('matches Temporal’s own text for any instant, in any call order', ({ zone, seconds, ascending }) => {
    const format = createOffsetDateTimeFormatter(zone);
    const ordered = [...seconds].sort((a, b) => (ascending ? a - b : b - a));
    for (const second of ordered) {
      expect(format(second * 1000)).toBe(formatWithTemporal(second * 1000, zone));
    }
  });

  test.prop({ day: fc.integer({ min: 0, max: 60 * 365 }), zone: fc.constantFrom(...ZONES) })(
    'matches Temporal within hours of every clock change',
    ({ day, zone }) => {
      const from = Temporal.Instant.fromEpochMilliseconds(Date.UTC(1990, 0, 1) + day * 86_400_000);
      const change = from.toZonedDateTimeISO(zone).getTimeZoneTransition('next');
      if (!change) return;
      const format = createOffsetDateTimeFormatter(zone);
      for (let minutes = -120; minutes <= 120; minutes += 15) {
        const epochMs = change.epochMilliseconds + minutes * 60_000;
        expect(format(epochMs)).toBe(formatWithTemporal(epochMs, zone));
      }
    },
  );

  it('drops fractions of a second, as slot times have none', () => {
    const format = createOffsetDateTimeFormatter('Europe/London');
    expect(format(Date.UTC(2026, 5, 1, 8, 0, 0, 999))).toBe('2026-06-01T09:00:00+01:00');
  });
});
