// The progress chart of one outcome measure (issue 6 "My care"): scores over time as SVG geometry,
// with the band of change too small to count around the first score. What counts as a meaningful
// change is core's decision (core/clinical/instruments/change.ts assessChange); this file only finds
// where that decision flips, to draw it.
import { describeInstrument, type InstrumentId } from '#core/clinical/instruments/catalogue.ts';
import {
  assessChange,
  type ChangeDirection,
  MINIMAL_CLINICALLY_IMPORTANT_DIFFERENCE,
} from '#core/clinical/instruments/change.ts';
import { formatDate, toZoned } from './time-words.server';

export type ChartResult = { score: number; completedAt: Date };

// A small drawing surface, so its text stays readable when a phone scales it down.
export const CHART = {
  width: 420,
  height: 250,
  left: 34,
  right: 18,
  top: 26,
  bottom: 40,
  inset: 16,
} as const;

export type ChartPoint = {
  x: number;
  y: number;
  score: number;
  /** The score as shown: whole numbers as they are, others to one decimal place. */
  label: string;
  date: string;
  shortDate: string;
  /** False when the date would crowd the one before it on the axis. */
  showDate: boolean;
  direction: ChangeDirection | 'baseline';
  changeText: string;
};

export type ProgressChartModel = {
  instrument: InstrumentId;
  name: string;
  scaleMin: number;
  scaleMax: number;
  ticks: Array<{ value: number; y: number }>;
  points: ChartPoint[];
  /** The "no meaningful change" band around the first score, in SVG y (top < bottom); null when none. */
  band: { top: number; bottom: number; lowScore: number; highScore: number } | null;
  summary: string;
  mcidNote: string;
};

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/**
 * The smallest change from `baseline` that core calls meaningful in one direction, found among the
 * thresholds it uses (points, or a percentage of the baseline or of the scale). Null when none counts.
 */
export function findMeaningfulChange(
  instrument: InstrumentId,
  baseline: number,
  towards: 'better' | 'worse',
): number | null {
  const mcid = MINIMAL_CLINICALLY_IMPORTANT_DIFFERENCE[instrument];
  const percentBase = towards === 'better' || baseline > 0 ? baseline : mcid.scaleMax;
  const candidates = [
    mcid.points,
    mcid.percentOfBaseline === null ? null : (mcid.percentOfBaseline * percentBase) / 100,
  ].filter((c): c is number => c !== null && c > 0);
  const sign = (towards === 'better') === mcid.lowerIsBetter ? -1 : 1;
  const wanted: ChangeDirection = towards === 'better' ? 'improved' : 'worsened';
  // Checked a hair past each candidate: 6 − 1.8 is 4.1999… in floating point, a whisker short of 30%.
  const working = candidates.filter(
    (c) => assessChange(instrument, baseline, baseline + sign * c * (1 + 1e-9)).direction === wanted,
  );
  return working.length > 0 ? Math.min(...working) : null;
}

function points(amount: number): string {
  return `${formatScore(amount)} ${amount === 1 ? 'point' : 'points'}`;
}

/** The band in words: how big a change from the first score has to be before it counts. */
function describeBand(better: number | null, worse: number | null): string {
  if (better === null && worse === null)
    return 'This questionnaire sorts risk; it is not used to measure change.';
  const parts =
    better !== null && worse !== null && Math.abs(better - worse) < 1e-9
      ? `${points(better)} either way`
      : [
          better === null ? null : `${points(better)} better`,
          worse === null ? null : `${points(worse)} worse`,
        ]
          .filter(Boolean)
          .join(' or ');
  return `The shaded band: a change from your first score of less than ${parts} is too small to be sure it matters.`;
}

function describeDirection(direction: ChangeDirection | 'baseline', change: number): string {
  const amount = formatScore(Math.abs(change));
  if (direction === 'baseline') return 'Your first score';
  if (direction === 'improved') return `Better by ${amount}: a change that matters`;
  if (direction === 'worsened') return `Worse by ${amount}: a change that matters`;
  if (change === 0) return 'The same as your first score';
  return `${change < 0 ? 'Down' : 'Up'} ${amount}: too small a change to be sure`;
}

export function buildProgressChart(
  instrument: InstrumentId,
  results: readonly ChartResult[],
  timeZone: string,
): ProgressChartModel | null {
  if (results.length === 0) return null;
  const sorted = [...results].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  const summary = describeInstrument(instrument);
  const { min, max } = summary.scoreRange;
  // Points keep clear of the axis labels and the right edge.
  const plotLeft = CHART.left + CHART.inset;
  const plotWidth = CHART.width - plotLeft - CHART.right - CHART.inset;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const yOf = (score: number) =>
    CHART.top + ((max - Math.min(max, Math.max(min, score))) / (max - min)) * plotHeight;
  const first = sorted[0]!.completedAt.getTime();
  const span = sorted.at(-1)!.completedAt.getTime() - first;
  const xOf = (at: Date) =>
    span === 0 ? plotLeft + plotWidth / 2 : plotLeft + ((at.getTime() - first) / span) * plotWidth;
  const baseline = sorted[0]!.score;
  const points = sorted.map((r, index): ChartPoint => {
    const day = toZoned(r.completedAt, timeZone).toPlainDate();
    const assessment = index === 0 ? null : assessChange(instrument, baseline, r.score);
    const direction = assessment ? assessment.direction : 'baseline';
    return {
      x: xOf(r.completedAt),
      y: yOf(r.score),
      score: r.score,
      label: formatScore(r.score),
      date: formatDate(day),
      shortDate: `${day.month}/${day.day}`,
      showDate: true,
      direction,
      changeText: describeDirection(direction, assessment?.change ?? 0),
    };
  });
  let lastShown = Number.NEGATIVE_INFINITY;
  points.forEach((point, index) => {
    const isLast = index === points.length - 1;
    point.showDate = point.x - lastShown >= 50 || (isLast && point.x - lastShown >= 36);
    if (point.showDate) lastShown = point.x;
  });
  const better = findMeaningfulChange(instrument, baseline, 'better');
  const worse = findMeaningfulChange(instrument, baseline, 'worse');
  // Strictly inside the thresholds is "no meaningful change"; lower is better on every instrument here.
  const band =
    better === null && worse === null
      ? null
      : (() => {
          const lowScore = Math.max(min, better === null ? baseline : baseline - better);
          const highScore = Math.min(max, worse === null ? baseline : baseline + worse);
          return { top: yOf(highScore), bottom: yOf(lowScore), lowScore, highScore };
        })();
  const last = points.at(-1)!;
  const step = max - min <= 10 ? (max - min) / 2 : (max - min) / 4;
  return {
    instrument,
    name: summary.name,
    scaleMin: min,
    scaleMax: max,
    ticks: Array.from({ length: Math.round((max - min) / step) + 1 }, (_, i) => {
      const value = min + i * step;
      return { value, y: yOf(value) };
    }),
    points,
    band,
    summary:
      points.length === 1
        ? `One score so far: ${last.label} on ${last.date}. Lower scores are better.`
        : `${points.length} scores from ${points[0]!.date} to ${last.date}. First ${points[0]!.label}, latest ${last.label}. ${last.changeText}. Lower scores are better.`,
    mcidNote: describeBand(better, worse),
  };
}
