// planTreatmentCourse: a dated course of sessions with outcome reviews, cut to a payer's limits.
// Dates use Temporal's calendar arithmetic; nothing here reads the clock.
import { Temporal } from 'temporal-polyfill';
import type { InstrumentId } from '#core/clinical/instruments/catalogue.ts';
import { err, ok, type Result } from '#core/shared/result.ts';
import {
  COURSE_TEMPLATES,
  type CoursePhase,
  type CoursePlan,
  type CoursePlanError,
  type CoursePlanRequest,
  HIGH_RISK_EXTRA_REVIEW_DAYS,
  LOW_RISK_INITIAL_REDUCTION,
  MAX_SESSIONS_BETWEEN_REVIEWS,
  MIN_INITIAL_SESSIONS,
  type PlannedSession,
  REVIEW_DAYS,
} from './course-plan.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Dates past this year no longer print as YYYY-MM-DD (Temporal writes +010000-01-01).
const LAST_PRINTABLE_YEAR = 9999;

function parseDate(value: string): Temporal.PlainDate | null {
  if (!ISO_DATE.test(value)) return null;
  try {
    return Temporal.PlainDate.from(value, { overflow: 'reject' });
  } catch {
    return null;
  }
}

function isPositiveWhole(value: number | undefined): boolean {
  return value === undefined || (Number.isInteger(value) && value >= 1);
}

function shapePhases(request: CoursePlanRequest): CoursePhase[] {
  return COURSE_TEMPLATES[request.durationCategory].map((phase) => {
    if (phase.name !== 'initial' || request.startBackBand !== 'low') return { ...phase };
    const sessions = Math.max(MIN_INITIAL_SESSIONS, phase.sessions - LOW_RISK_INITIAL_REDUCTION);
    return { ...phase, sessions };
  });
}

type DraftSession = { number: number; date: Temporal.PlainDate; day: number; phase: CoursePhase['name'] };

function layOutSessions(first: Temporal.PlainDate, phases: CoursePhase[]): DraftSession[] {
  const sessions: DraftSession[] = [];
  let date = first;
  for (const phase of phases) {
    for (let i = 0; i < phase.sessions; i += 1) {
      if (sessions.length > 0) date = date.add({ days: phase.intervalDays });
      const day = first.until(date, { largestUnit: 'days' }).days;
      sessions.push({ number: sessions.length + 1, date, day, phase: phase.name });
    }
  }
  return sessions;
}

function reviewDaysFor(request: CoursePlanRequest): number[] {
  const extra = request.startBackBand === 'high' ? HIGH_RISK_EXTRA_REVIEW_DAYS : [];
  return [...REVIEW_DAYS, ...extra].sort((a, b) => a - b);
}

function markReviews(sessions: DraftSession[], reviewDays: number[], maxGap: number): Set<number> {
  const reviews = new Set<number>([1]);
  const pendingDays = [...reviewDays];
  let last = 1;
  for (const session of sessions.slice(1)) {
    let due = session.number - last >= maxGap;
    while (pendingDays.length > 0 && session.day >= (pendingDays[0] ?? Number.POSITIVE_INFINITY)) {
      pendingDays.shift();
      due = true;
    }
    if (due) {
      reviews.add(session.number);
      last = session.number;
    }
  }
  const final = sessions.at(-1);
  if (final) reviews.add(final.number);
  return reviews;
}

function listWeeks(reviewDays: number[]): string {
  const weeks = reviewDays.map((day) => String(day / 7));
  return weeks.length > 1 ? `${weeks.slice(0, -1).join(', ')} and ${weeks.at(-1)}` : weeks.join('');
}

function describeCourse(
  request: CoursePlanRequest,
  reviewDays: number[],
  maxGap: number,
  hasMaintenance: boolean,
): string[] {
  const notes = [
    'Weekly sessions first, then every two weeks as things improve: the clinic’s usual pattern. Trial courses were about 10 sessions over 4 to 7 weeks (GERAC 2007, Cherkin 2009, Tu 2024).',
    `Pain score (NPRS) at every visit; pain and function questionnaires at the first visit, around weeks ${listWeeks(reviewDays)}, at least every ${maxGap} sessions and at the last planned visit.`,
  ];
  if (request.durationCategory === 'acute') {
    notes.push(
      'Most new back pain settles within weeks whatever the treatment (ACP 2017), so this course is short.',
    );
  }
  if (request.durationCategory === 'chronic') {
    notes.push('If there is no improvement by the week-6 review, stop or rethink the plan.');
  }
  if (hasMaintenance) {
    notes.push('Maintenance visits every four weeks are optional, to help prevent flare-ups.');
  }
  if (request.startBackBand === 'low') {
    notes.push(
      'Low STarT Back risk: most people recover well with advice and activity, so the weekly block is shorter.',
    );
  }
  if (request.startBackBand === 'high') {
    notes.push(
      'High STarT Back risk: worries and low mood can keep pain going. Reviews come sooner, and psychologically informed physiotherapy alongside is worth discussing (NICE NG59).',
    );
  }
  return notes;
}

function applyLimits(
  sessions: DraftSession[],
  limits: CoursePlanRequest['limits'],
): { kept: DraftSession[]; note: string | null } {
  const maxSessions = limits?.maxSessions ?? Number.POSITIVE_INFINITY;
  const withinDays = limits?.withinDays ?? Number.POSITIVE_INFINITY;
  const kept = sessions.filter((session) => session.number <= maxSessions && session.day < withinDays);
  if (kept.length === sessions.length) return { kept, note: null };
  const limitText = [
    limits?.maxSessions !== undefined ? `at most ${limits.maxSessions} sessions` : null,
    limits?.withinDays !== undefined ? `all within ${limits.withinDays} days of the first` : null,
  ]
    .filter((part) => part !== null)
    .join(', ');
  return {
    kept,
    note: `Cut from ${sessions.length} to ${kept.length} sessions to fit the limit (${limitText}). More sessions need new approval; Medicare, for example, allows 8 more only with documented improvement.`,
  };
}

/**
 * Plans a course from the first session date. The first session is always the baseline assessment;
 * the last planned session is always a review, so improvement is documented before cover runs out.
 */
export function planTreatmentCourse(request: CoursePlanRequest): Result<CoursePlan, CoursePlanError> {
  const first = parseDate(request.firstSessionDate);
  if (!first) {
    return err({
      code: 'invalid_date',
      field: 'firstSessionDate',
      message: 'The first session date must be a real date as YYYY-MM-DD.',
    });
  }
  for (const key of ['maxSessions', 'withinDays'] as const) {
    if (!isPositiveWhole(request.limits?.[key])) {
      return err({
        code: 'invalid_limits',
        field: `limits.${key}`,
        message: 'Limits must be whole numbers of at least 1.',
      });
    }
  }
  const phases = shapePhases(request);
  const { kept, note } = applyLimits(layOutSessions(first, phases), request.limits);
  if ((kept.at(-1)?.date.year ?? 0) > LAST_PRINTABLE_YEAR) {
    return err({
      code: 'invalid_date',
      field: 'firstSessionDate',
      message: 'The course would run past the year 9999.',
    });
  }
  const maxGap = MAX_SESSIONS_BETWEEN_REVIEWS[request.startBackBand ?? 'unknown'];
  const reviewDays = reviewDaysFor(request);
  const reviews = markReviews(kept, reviewDays, maxGap);
  const disability = request.functionInstrument ?? 'odi';

  const sessions: PlannedSession[] = kept.map((session) => {
    const reassessment = reviews.has(session.number);
    const baseline = session.number === 1;
    const instrumentsDue: InstrumentId[] = baseline
      ? ['nprs', disability, 'start-back']
      : reassessment
        ? ['nprs', disability]
        : ['nprs'];
    return {
      number: session.number,
      date: session.date.toString(),
      phase: session.phase,
      reassessment,
      instrumentsDue,
    };
  });

  return ok({
    phases: phases
      .map((phase) => ({
        ...phase,
        sessions: sessions.filter((session) => session.phase === phase.name).length,
      }))
      .filter((phase) => phase.sessions > 0),
    sessions,
    truncated: note !== null,
    notes: [
      ...describeCourse(
        request,
        reviewDays,
        maxGap,
        kept.some((session) => session.phase === 'maintenance'),
      ),
      ...(note ? [note] : []),
    ],
  });
}
