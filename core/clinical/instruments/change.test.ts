import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_IDS } from './catalogue.ts';
import { assessChange, MINIMAL_CLINICALLY_IMPORTANT_DIFFERENCE } from './change.ts';

describe('assessChange', () => {
  it.each([
    // NPRS: 2 points or 30% (Ostelo 2008).
    ['nprs', 7, 5, -2, 'improved'],
    ['nprs', 7, 6, -1, 'no-meaningful-change'],
    ['nprs', 3, 2, -1, 'improved'],
    ['nprs', 4, 6, 2, 'worsened'],
    ['nprs', 1, 2, 1, 'no-meaningful-change'],
    // ODI: 10 points or 30%.
    ['odi', 40, 28, -12, 'improved'],
    ['odi', 50, 42, -8, 'no-meaningful-change'],
    ['odi', 20, 14, -6, 'improved'],
    ['odi', 30, 40, 10, 'worsened'],
    // RMDQ: 5 points or 30%.
    ['rmdq', 16, 11, -5, 'improved'],
    ['rmdq', 16, 13, -3, 'no-meaningful-change'],
    ['rmdq', 10, 7, -3, 'improved'],
    ['rmdq', 8, 12, 4, 'no-meaningful-change'],
    // PEG: 30% of baseline only.
    ['peg', 6, 4, -2, 'improved'],
    ['peg', 6, 5, -1, 'no-meaningful-change'],
    ['peg', 5, 7, 2, 'worsened'],
    ['peg', 0, 3, 3, 'worsened'],
    ['peg', 0, 2, 2, 'no-meaningful-change'],
    // STarT Back is a stratifier with no MCID.
    ['start-back', 8, 1, -7, 'no-meaningful-change'],
  ] as const)('%s %s → %s changes by %s: %s', (instrument, before, after, change, direction) => {
    const result = assessChange(instrument, before, after);
    expect(result).toEqual({ change, meaningful: direction !== 'no-meaningful-change', direction });
  });

  it('documents a source and direction for every instrument', () => {
    for (const id of INSTRUMENT_IDS) {
      const mcid = MINIMAL_CLINICALLY_IMPORTANT_DIFFERENCE[id];
      expect(mcid.source.length).toBeGreaterThan(10);
      expect(mcid.lowerIsBetter).toBe(true);
    }
  });

  const pairArb = fc.constantFrom(...INSTRUMENT_IDS).chain((id) => {
    const max = MINIMAL_CLINICALLY_IMPORTANT_DIFFERENCE[id].scaleMax;
    return fc.tuple(fc.constant(id), fc.integer({ min: 0, max }), fc.integer({ min: 0, max }));
  });

  test.prop([pairArb])(
    'never calls a change improved when the score rose, or worsened when it fell',
    ([id, before, after]) => {
      const { direction, meaningful, change } = assessChange(id, before, after);
      expect(change).toBe(after - before);
      if (direction === 'improved') expect(after).toBeLessThan(before);
      if (direction === 'worsened') expect(after).toBeGreaterThan(before);
      expect(meaningful).toBe(direction !== 'no-meaningful-change');
    },
  );

  test.prop([pairArb])(
    'counts any change of at least the points threshold as meaningful',
    ([id, before, after]) => {
      const { points } = MINIMAL_CLINICALLY_IMPORTANT_DIFFERENCE[id];
      if (points !== null && Math.abs(after - before) >= points) {
        expect(assessChange(id, before, after).meaningful).toBe(true);
      }
    },
  );
});

describe('assessChange with scores that are not whole numbers', () => {
  it('counts a 30% improvement reached exactly on paper despite floating-point rounding', () => {
    // 6 − 4.2 is 1.7999999999999998 in binary floating point; 1.8 is exactly 30% of 6.
    expect(assessChange('nprs', 6, 4.2)).toMatchObject({ meaningful: true, direction: 'improved' });
    // PEG means of three answers: 7 → 4.9 is 30% (7 × 0.3 = 2.1).
    expect(assessChange('peg', 7, 4.9)).toMatchObject({ meaningful: true, direction: 'improved' });
    expect(assessChange('odi', 30.000000000000004, 20)).toMatchObject({ meaningful: true });
  });

  it('still refuses a change just short of the threshold', () => {
    expect(assessChange('nprs', 6, 4.21)).toMatchObject({ meaningful: false });
    expect(assessChange('peg', 7, 4.91)).toMatchObject({ meaningful: false });
  });
});
