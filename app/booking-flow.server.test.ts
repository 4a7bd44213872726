import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { describeWeekStrip, groupSlotsByDay, groupTimes, mondayOf } from './booking-flow.server';

const slot = (practitionerId: string, start: string, end = start) => ({ practitionerId, start, end });

describe('groupTimes', () => {
  it('offers each start time once, with the first practitioner free then, by part of the day', () => {
    const groups = groupTimes(
      [
        slot('b', '2026-12-07T09:00:00-05:00'),
        slot('a', '2026-12-07T09:00:00-05:00'),
        slot('a', '2026-12-07T13:15:00-05:00'),
        slot('c', '2026-12-07T17:00:00-05:00'),
      ],
      'America/New_York',
      'America/New_York',
    );
    expect(groups.map((g) => [g.heading, g.times.map((t) => `${t.label}/${t.practitionerId}`)])).toEqual([
      ['Morning', ['9 am/b']],
      ['Afternoon', ['1:15 pm/a']],
      ['Evening', ['5 pm/c']],
    ]);
    expect(groups[0]!.times[0]!.clinicLabel).toBeNull();
    expect(groups[0]!.times[0]!.value).toBe('b|2026-12-07T09:00:00-05:00');
  });

  it("shows the clinic's clock beside the visitor's, across the weeks when the two zones change clocks on different days", () => {
    // 13 March 2026: New York is on daylight time (UTC−4), London not yet (UTC+0).
    const [afternoon] = groupTimes(
      [slot('a', '2026-03-13T13:00:00+00:00')],
      'Europe/London',
      'America/New_York',
    );
    expect(afternoon!.times[0]).toMatchObject({ label: '1 pm', clinicLabel: '9 am New York time' });
  });
});

describe('the week strip', () => {
  it('starts on Monday and counts the distinct free times of each day in the visitor’s zone', () => {
    const slots = [
      slot('a', '2026-12-08T09:00:00-05:00'),
      slot('b', '2026-12-08T09:00:00-05:00'),
      slot('a', '2026-12-08T10:00:00-05:00'),
      // 23:30 in New York is already Thursday in London.
      slot('a', '2026-12-09T23:30:00-05:00'),
    ];
    const monday = mondayOf(Temporal.PlainDate.from('2026-12-10'));
    expect(monday.toString()).toBe('2026-12-07');
    const strip = describeWeekStrip(monday, groupSlotsByDay(slots, 'Europe/London'), '2026-12-08');
    expect(strip.map((d) => `${d.weekday} ${d.dayOfMonth}:${d.times}${d.selected ? '*' : ''}`)).toEqual([
      'Mon 7:0',
      'Tue 8:2*',
      'Wed 9:0',
      'Thu 10:1',
      'Fri 11:0',
      'Sat 12:0',
      'Sun 13:0',
    ]);
    expect(strip[1]!.label).toBe('Tuesday, December 8');
  });
});
