import type { InstrumentId } from '#core/clinical/instruments/catalogue.ts';

// Treatment-course model. The shape follows the clinic's own pattern (reference.md h: a weekly
// block, visits spaced out as people improve, optional maintenance) sized by the trial courses in
// reference.md b (GERAC: 10 sessions in 5 weeks; Cherkin 2009: 10 in 7 weeks; Tu 2024: 10 in 4 weeks).

export const DURATION_CATEGORIES = ['acute', 'subacute', 'chronic'] as const;
export type DurationCategory = (typeof DURATION_CATEGORIES)[number];

export const START_BACK_BANDS = ['low', 'medium', 'high'] as const;
export type StartBackBand = (typeof START_BACK_BANDS)[number];

export const COURSE_PHASES = ['initial', 'spaced', 'maintenance'] as const;
export type CoursePhaseName = (typeof COURSE_PHASES)[number];

// Outcome instruments (CONTRACT.md §4 ids). ODI and RMDQ both measure back-related disability;
// trials used RMDQ (Cherkin 2009) and ODI (Tu 2024).
export const FUNCTION_INSTRUMENTS = ['odi', 'rmdq'] as const;
export type FunctionInstrument = (typeof FUNCTION_INSTRUMENTS)[number];

export type CoursePlanRequest = {
  durationCategory: DurationCategory;
  startBackBand?: StartBackBand;
  /** ISO date, YYYY-MM-DD. */
  firstSessionDate: string;
  /** A payer's cover, e.g. Medicare NCD 30.3.3: 12 sessions within 90 days. */
  limits?: { maxSessions?: number; withinDays?: number };
  /** Disability questionnaire for the reassessments; ODI unless chosen. */
  functionInstrument?: FunctionInstrument;
};

export type CoursePhase = { name: CoursePhaseName; sessions: number; intervalDays: number };

export type PlannedSession = {
  number: number;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  phase: CoursePhaseName;
  reassessment: boolean;
  instrumentsDue: InstrumentId[];
};

export type CoursePlan = {
  phases: CoursePhase[];
  sessions: PlannedSession[];
  /** True when limits cut planned sessions. */
  truncated: boolean;
  notes: string[];
};

export type CoursePlanError = {
  code: 'invalid_date' | 'invalid_limits';
  /** The request field at fault, as a dotted path. */
  field: 'firstSessionDate' | 'limits.maxSessions' | 'limits.withinDays';
  message: string;
};

// Sessions per phase before any adjustment. Intervals are whole weeks so every session falls on the
// weekday of the first. Acute: most people recover whatever the treatment (ACP 2017), so a short
// block. Chronic: eight weekly sessions span seven weeks like Cherkin 2009, then four fortnightly
// make the twelve the clinic asks people to commit to; monthly maintenance is optional.
export const COURSE_TEMPLATES: Readonly<Record<DurationCategory, readonly CoursePhase[]>> = {
  acute: [
    { name: 'initial', sessions: 4, intervalDays: 7 },
    { name: 'spaced', sessions: 2, intervalDays: 14 },
  ],
  subacute: [
    { name: 'initial', sessions: 6, intervalDays: 7 },
    { name: 'spaced', sessions: 3, intervalDays: 14 },
  ],
  chronic: [
    { name: 'initial', sessions: 8, intervalDays: 7 },
    { name: 'spaced', sessions: 4, intervalDays: 14 },
    { name: 'maintenance', sessions: 3, intervalDays: 28 },
  ],
};

// Outcome reviews at weeks 2, 6 and 12 after the first session (the follow-up schedule in
// ENGINEERING.md §6), and never more than this many sessions apart: "about every 4–6 sessions".
// High STarT Back risk is reviewed sooner: an extra review at week 4, because with weekly sessions
// the week-2/6/12 reviews are already at most 4 sessions apart and a smaller gap alone changed nothing.
export const REVIEW_DAYS = [14, 42, 84] as const;
export const HIGH_RISK_EXTRA_REVIEW_DAYS = [28] as const;
export const MAX_SESSIONS_BETWEEN_REVIEWS: Readonly<Record<StartBackBand | 'unknown', number>> = {
  low: 6,
  medium: 6,
  unknown: 6,
  high: 4,
};

// Low STarT Back risk: most recover with advice and reassurance (Hill et al., Lancet 2011), so the
// weekly block is shortened, never below this.
export const LOW_RISK_INITIAL_REDUCTION = 2;
export const MIN_INITIAL_SESSIONS = 2;
