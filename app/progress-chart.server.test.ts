import { describe, expect, it } from 'vitest';
import { assessChange } from '#core/clinical/instruments/change.ts';
import { buildProgressChart, CHART, findMeaningfulChange, formatScore } from './progress-chart.server';

const day = (d: number) => new Date(Date.UTC(2026, 10, d, 15));

describe('findMeaningfulChange', () => {
  it('takes the smaller of the two NPRS thresholds for improvement (30% of 6 is 1.8, under 2 points)', () => {
    expect(findMeaningfulChange('nprs', 6, 'better')).toBeCloseTo(1.8);
    // Either side of the drawn edge, core agrees: 2 down counts, 1 down does not.
    expect(assessChange('nprs', 6, 4).direction).toBe('improved');
    expect(assessChange('nprs', 6, 5).direction).toBe('no-meaningful-change');
  });

  it('uses points only for worsening when an instrument has them', () => {
    expect(findMeaningfulChange('nprs', 6, 'worse')).toBe(2);
    expect(findMeaningfulChange('odi', 40, 'worse')).toBe(10);
    expect(findMeaningfulChange('odi', 40, 'better')).toBe(10);
  });

  it('measures PEG worsening from a baseline of 0 against the scale, and gives STarT Back no band', () => {
    expect(findMeaningfulChange('peg', 0, 'worse')).toBe(3);
    expect(findMeaningfulChange('peg', 0, 'better')).toBeNull();
    expect(findMeaningfulChange('start-back', 5, 'better')).toBeNull();
    expect(findMeaningfulChange('start-back', 5, 'worse')).toBeNull();
  });
});

describe('buildProgressChart', () => {
  it('has nothing to draw without results', () => {
    expect(buildProgressChart('nprs', [], 'America/New_York')).toBeNull();
  });

  it('places scores over time inside the plot, lower scores lower down, and marks what changed meaningfully', () => {
    const chart = buildProgressChart(
      'nprs',
      [
        { score: 7, completedAt: day(1) },
        { score: 6, completedAt: day(8) },
        { score: 4, completedAt: day(22) },
      ],
      'America/New_York',
    )!;
    expect(chart.points.map((p) => p.direction)).toEqual(['baseline', 'no-meaningful-change', 'improved']);
    expect(chart.points.map((p) => p.changeText)).toEqual([
      'Your first score',
      'Down 1: too small a change to be sure',
      'Better by 3: a change that matters',
    ]);
    const [first, second, third] = chart.points;
    const left = CHART.left + CHART.inset;
    const right = CHART.width - CHART.right - CHART.inset;
    expect(first!.x).toBe(left);
    expect(third!.x).toBe(right);
    expect(second!.x).toBeCloseTo(left + (7 / 21) * (right - left));
    expect(third!.y).toBeGreaterThan(first!.y);
    // The band runs from 2 points worse (9) to 2 points better (5: 30% of 7 is 2.1, more than 2).
    expect(chart.band).toMatchObject({ lowScore: 5, highScore: 9 });
    expect(chart.band!.top).toBeLessThan(chart.band!.bottom);
    expect(chart.summary).toBe(
      '3 scores from November 1, 2026 to November 22, 2026. First 7, latest 4. Better by 3: a change that matters. Lower scores are better.',
    );
  });

  it('rounds only for display', () => {
    expect(formatScore(17 / 3)).toBe('5.7');
    expect(formatScore(42)).toBe('42');
  });
});
