import { describe, expect, it } from 'vitest';
import { formatLongDate } from './format.ts';

describe('formatLongDate', () => {
  it('names every month as en-US does, without reading a time zone', () => {
    for (let month = 1; month <= 12; month += 1) {
      const iso = `2026-${String(month).padStart(2, '0')}-01`;
      const expected = new Intl.DateTimeFormat('en-US', {
        month: 'long',
        day: 'numeric',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${iso}T00:00:00Z`));
      expect(formatLongDate(iso)).toBe(expected);
    }
    expect(formatLongDate('2026-11-25')).toBe('November 25, 2026');
  });
});
