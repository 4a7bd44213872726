// Minimal clinically important difference (MCID, individual level) and change between two scores.
// Source: reference.md section e. On every instrument here a lower score is better.
import type { InstrumentId } from './catalogue.ts';

export type Mcid = {
  /** Absolute change that counts, in score units; null when none is established. */
  points: number | null;
  /** Relative improvement from baseline that counts, in percent; null when none is used. */
  percentOfBaseline: number | null;
  lowerIsBetter: boolean;
  /** Top of the score range, used when a relative threshold meets a baseline of 0. */
  scaleMax: number;
  source: string;
  note: string;
};

export const MINIMAL_CLINICALLY_IMPORTANT_DIFFERENCE: Record<InstrumentId, Mcid> = {
  nprs: {
    points: 2,
    percentOfBaseline: 30,
    lowerIsBetter: true,
    scaleMax: 10,
    source: 'Ostelo RWJG et al. Spine 2008;33(1):90–94',
    note: '2 points or 30% improvement from baseline.',
  },
  peg: {
    points: null,
    percentOfBaseline: 30,
    lowerIsBetter: true,
    scaleMax: 10,
    source:
      'Krebs EE et al. J Gen Intern Med 2009;24(6):733–738 (no MCID established; 30% is the common convention, unverified)',
    note: 'No published MCID; a 30% change from baseline is used by convention.',
  },
  odi: {
    points: 10,
    percentOfBaseline: 30,
    lowerIsBetter: true,
    scaleMax: 100,
    source: 'Ostelo RWJG et al. Spine 2008;33(1):90–94',
    note: '10 percentage points or 30% improvement from baseline.',
  },
  rmdq: {
    points: 5,
    percentOfBaseline: 30,
    lowerIsBetter: true,
    scaleMax: 24,
    source: 'Ostelo RWJG et al. Spine 2008;33(1):90–94',
    note: '5 points or 30% improvement from baseline. Insensitive below 4 and above 20.',
  },
  'start-back': {
    points: null,
    percentOfBaseline: null,
    lowerIsBetter: true,
    scaleMax: 9,
    source: 'Hill JC et al. Arthritis Rheum 2008;59(5):632–641 (a risk stratifier; no MCID)',
    note: 'A stratifier, not an outcome measure: compare risk groups, not score changes.',
  },
};

export type ChangeDirection = 'improved' | 'worsened' | 'no-meaningful-change';

export type ChangeAssessment = {
  /** after − before, in score units (negative is better on every instrument here). */
  change: number;
  meaningful: boolean;
  direction: ChangeDirection;
};

// Scores such as PEG (a mean of three) are not whole numbers, and binary floating point cannot hold
// them exactly: 6 − 4.2 is 1.7999999999999998. A threshold met exactly on paper must count, so
// comparisons allow a difference far below any score's precision.
const ROUNDING_TOLERANCE = 1e-9;

// amount × 100 ≥ percent × base avoids division, so 10 → 7 is exactly 30%.
function reachesPercent(amount: number, base: number, percent: number): boolean {
  return amount * 100 >= percent * base - ROUNDING_TOLERANCE;
}

// Ostelo 2008 defines the relative criterion as improvement from baseline, so improvement counts
// when it reaches either threshold. Worsening uses the points threshold; only where none exists
// (PEG) does it fall back to the relative one, measured against the scale maximum when the
// baseline is 0 (a product convention needing clinician sign-off; see docs/INSTRUMENTS.md).
function isMeaningful(mcid: Mcid, before: number, amount: number, improving: boolean): boolean {
  if (amount <= ROUNDING_TOLERANCE) return false;
  if (mcid.points !== null && amount >= mcid.points - ROUNDING_TOLERANCE) return true;
  if (mcid.percentOfBaseline === null) return false;
  if (improving) return before > 0 && reachesPercent(amount, before, mcid.percentOfBaseline);
  if (mcid.points !== null) return false;
  return reachesPercent(amount, before > 0 ? before : mcid.scaleMax, mcid.percentOfBaseline);
}

export function assessChange(instrument: InstrumentId, before: number, after: number): ChangeAssessment {
  const mcid = MINIMAL_CLINICALLY_IMPORTANT_DIFFERENCE[instrument];
  const change = after - before;
  const betterBy = mcid.lowerIsBetter ? -change : change;
  if (isMeaningful(mcid, before, betterBy, true)) return { change, meaningful: true, direction: 'improved' };
  if (isMeaningful(mcid, before, -betterBy, false))
    return { change, meaningful: true, direction: 'worsened' };
  return { change, meaningful: false, direction: 'no-meaningful-change' };
}
