import { fc, test } from '@fast-check/vitest';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  type CoursePlan,
  type CoursePlanRequest,
  DURATION_CATEGORIES,
  type DurationCategory,
  MAX_SESSIONS_BETWEEN_REVIEWS,
  REVIEW_DAYS,
  START_BACK_BANDS,
  type StartBackBand,
} from './course-plan.ts';
import { planTreatmentCourse } from './plan-treatment-course.ts';

// A Monday, so weekly sessions stay on Mondays.
const FIRST = '2026-03-02';

function plan(request: Partial<CoursePlanRequest> = {}): CoursePlan {
  const result = planTreatmentCourse({ durationCategory: 'chronic', firstSessionDate: FIRST, ...request });
  if (!result.ok) throw new Error(`expected a plan, got ${result.error.code}`);
  return result.value;
}

const reviewNumbers = (course: CoursePlan) =>
  course.sessions.filter((session) => session.reassessment).map((session) => session.number);
const dates = (course: CoursePlan) => course.sessions.map((session) => session.date.slice(5));
const phaseCounts = (course: CoursePlan) => course.phases.map((phase) => `${phase.name}:${phase.sessions}`);

const ACUTE_DATES = ['03-02', '03-09', '03-16', '03-23', '04-06', '04-20'];
const SUBACUTE_DATES = ['03-02', '03-09', '03-16', '03-23', '03-30', '04-06', '04-20', '05-04', '05-18'];
const CHRONIC_DATES = [
  ...['03-02', '03-09', '03-16', '03-23', '03-30', '04-06', '04-13', '04-20'],
  ...['05-04', '05-18', '06-01', '06-15'],
  ...['07-13', '08-10', '09-07'],
];

type Example = {
  category: DurationCategory;
  band: StartBackBand | undefined;
  phases: string[];
  dates: string[];
  reviews: number[];
};

// Worked by hand from the templates: weekly block, fortnightly spacing, monthly maintenance (chronic);
// reviews at the first visit, the first visit on or after days 14/42/84 (and 28 for high risk), and the last.
const EXAMPLES: Example[] = [
  {
    category: 'acute',
    band: undefined,
    phases: ['initial:4', 'spaced:2'],
    dates: ACUTE_DATES,
    reviews: [1, 3, 6],
  },
  {
    category: 'acute',
    band: 'low',
    phases: ['initial:2', 'spaced:2'],
    dates: ['03-02', '03-09', '03-23', '04-06'],
    reviews: [1, 3, 4],
  },
  {
    category: 'acute',
    band: 'medium',
    phases: ['initial:4', 'spaced:2'],
    dates: ACUTE_DATES,
    reviews: [1, 3, 6],
  },
  {
    category: 'acute',
    band: 'high',
    phases: ['initial:4', 'spaced:2'],
    dates: ACUTE_DATES,
    reviews: [1, 3, 5, 6],
  },
  {
    category: 'subacute',
    band: undefined,
    phases: ['initial:6', 'spaced:3'],
    dates: SUBACUTE_DATES,
    reviews: [1, 3, 7, 9],
  },
  {
    category: 'subacute',
    band: 'low',
    phases: ['initial:4', 'spaced:3'],
    dates: ['03-02', '03-09', '03-16', '03-23', '04-06', '04-20', '05-04'],
    reviews: [1, 3, 6, 7],
  },
  {
    category: 'subacute',
    band: 'medium',
    phases: ['initial:6', 'spaced:3'],
    dates: SUBACUTE_DATES,
    reviews: [1, 3, 7, 9],
  },
  {
    category: 'subacute',
    band: 'high',
    phases: ['initial:6', 'spaced:3'],
    dates: SUBACUTE_DATES,
    reviews: [1, 3, 5, 7, 9],
  },
  {
    category: 'chronic',
    band: undefined,
    phases: ['initial:8', 'spaced:4', 'maintenance:3'],
    dates: CHRONIC_DATES,
    reviews: [1, 3, 7, 11, 15],
  },
  {
    category: 'chronic',
    band: 'low',
    phases: ['initial:6', 'spaced:4', 'maintenance:3'],
    dates: [
      ...['03-02', '03-09', '03-16', '03-23', '03-30', '04-06'],
      ...['04-20', '05-04', '05-18', '06-01'],
      ...['06-29', '07-27', '08-24'],
    ],
    reviews: [1, 3, 7, 10, 13],
  },
  {
    category: 'chronic',
    band: 'medium',
    phases: ['initial:8', 'spaced:4', 'maintenance:3'],
    dates: CHRONIC_DATES,
    reviews: [1, 3, 7, 11, 15],
  },
  {
    category: 'chronic',
    band: 'high',
    phases: ['initial:8', 'spaced:4', 'maintenance:3'],
    dates: CHRONIC_DATES,
    reviews: [1, 3, 5, 7, 11, 15],
  },
];

describe('planTreatmentCourse: worked examples', () => {
  it.each(EXAMPLES)('plans a $category course for STarT Back band $band', (example) => {
    const course = plan({ durationCategory: example.category, startBackBand: example.band });
    expect(phaseCounts(course)).toEqual(example.phases);
    expect(dates(course)).toEqual(example.dates);
    expect(course.sessions.every((session) => session.date.startsWith('2026-'))).toBe(true);
    expect(reviewNumbers(course)).toEqual(example.reviews);
    expect(course.truncated).toBe(false);
  });

  it('numbers sessions from 1 and labels each with its phase', () => {
    const course = plan({ durationCategory: 'chronic' });
    expect(course.sessions.map((session) => session.number)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    expect(course.sessions.map((session) => session.phase)).toEqual([
      ...Array<string>(8).fill('initial'),
      ...Array<string>(4).fill('spaced'),
      ...Array<string>(3).fill('maintenance'),
    ]);
  });

  it('reviews high STarT Back risk sooner than medium risk, at week 4', () => {
    const high = plan({ durationCategory: 'chronic', startBackBand: 'high' });
    const medium = plan({ durationCategory: 'chronic', startBackBand: 'medium' });
    const week4 = high.sessions.find((session) => session.date === '2026-03-30');
    expect(week4?.reassessment).toBe(true);
    expect(medium.sessions.find((session) => session.date === '2026-03-30')?.reassessment).toBe(false);
    expect(high.notes.join(' ')).toContain('around weeks 2, 4, 6 and 12');
    expect(medium.notes.join(' ')).toContain('around weeks 2, 6 and 12');
  });

  it('crosses a year end and a leap day on calendar dates', () => {
    const course = plan({ durationCategory: 'chronic', firstSessionDate: '2028-01-04' });
    expect(course.sessions.slice(0, 9).map((session) => session.date)).toEqual([
      '2028-01-04',
      '2028-01-11',
      '2028-01-18',
      '2028-01-25',
      '2028-02-01',
      '2028-02-08',
      '2028-02-15',
      '2028-02-22',
      '2028-03-07',
    ]);
    const winter = plan({ durationCategory: 'acute', firstSessionDate: '2027-12-20' });
    expect(winter.sessions.map((session) => session.date)).toEqual([
      '2027-12-20',
      '2027-12-27',
      '2028-01-03',
      '2028-01-10',
      '2028-01-24',
      '2028-02-07',
    ]);
    const leap = plan({ durationCategory: 'acute', firstSessionDate: '2028-02-15' });
    expect(leap.sessions[2]?.date).toBe('2028-02-29');
  });
});

describe('planTreatmentCourse: questionnaires due', () => {
  it('asks for pain, disability and STarT Back at the baseline visit', () => {
    expect(plan().sessions[0]?.instrumentsDue).toEqual(['nprs', 'odi', 'start-back']);
  });

  it('asks for pain and disability at each review and only the pain score otherwise', () => {
    for (const session of plan().sessions.slice(1)) {
      expect(session.instrumentsDue).toEqual(session.reassessment ? ['nprs', 'odi'] : ['nprs']);
    }
  });

  it('uses the RMDQ instead of the ODI when the clinic chooses it', () => {
    const course = plan({ functionInstrument: 'rmdq' });
    expect(course.sessions[0]?.instrumentsDue).toEqual(['nprs', 'rmdq', 'start-back']);
    expect(course.sessions[2]?.instrumentsDue).toEqual(['nprs', 'rmdq']);
    expect(course.sessions.some((session) => session.instrumentsDue.includes('odi'))).toBe(false);
  });
});

describe('planTreatmentCourse: payer limits', () => {
  it('cuts a chronic course to Medicare’s 12 sessions in 90 days (the spacing fits 10)', () => {
    const course = plan({ limits: { maxSessions: 12, withinDays: 90 } });
    expect(dates(course)).toEqual(CHRONIC_DATES.slice(0, 10));
    expect(phaseCounts(course)).toEqual(['initial:8', 'spaced:2']);
    expect(course.truncated).toBe(true);
    expect(reviewNumbers(course)).toEqual([1, 3, 7, 10]);
    const notes = course.notes.join(' ');
    expect(notes).toContain('Cut from 15 to 10 sessions');
    expect(notes).toContain('at most 12 sessions, all within 90 days of the first');
    expect(notes).not.toContain('Maintenance');
  });

  it('cuts to a session count and makes the last kept session a review', () => {
    const course = plan({ limits: { maxSessions: 5 } });
    expect(course.sessions.map((session) => session.number)).toEqual([1, 2, 3, 4, 5]);
    expect(reviewNumbers(course)).toEqual([1, 3, 5]);
    expect(course.sessions[4]?.instrumentsDue).toEqual(['nprs', 'odi']);
    expect(course.notes.join(' ')).toContain('(at most 5 sessions)');
  });

  it('counts the first session as day 0: a session exactly withinDays later is outside the window', () => {
    // Acute sessions fall on days 0, 7, 14, 21, 35 and 49.
    expect(plan({ durationCategory: 'acute', limits: { withinDays: 49 } }).sessions).toHaveLength(5);
    const fits = plan({ durationCategory: 'acute', limits: { withinDays: 50 } });
    expect(fits.sessions).toHaveLength(6);
    expect(fits.truncated).toBe(false);
    expect(fits.notes.join(' ')).not.toContain('Cut from');
  });

  it('keeps only the baseline visit under a one-session limit', () => {
    const course = plan({ limits: { maxSessions: 1 } });
    expect(course.sessions).toEqual([
      {
        number: 1,
        date: FIRST,
        phase: 'initial',
        reassessment: true,
        instrumentsDue: ['nprs', 'odi', 'start-back'],
      },
    ]);
    expect(course.phases).toEqual([{ name: 'initial', sessions: 1, intervalDays: 7 }]);
  });

  it('leaves a course alone when the limits are generous', () => {
    const course = plan({ limits: { maxSessions: 20, withinDays: 365 } });
    expect(course.sessions).toHaveLength(15);
    expect(course.truncated).toBe(false);
    expect(course.notes.join(' ')).toContain('Maintenance visits every four weeks are optional');
  });
});

describe('planTreatmentCourse: refused requests', () => {
  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026-3-2',
    '02/03/2026',
    '',
    '2026-03-02T09:00',
    '+002026-03-02',
    ' 2026-03-02',
  ])('refuses first session date %j', (firstSessionDate) => {
    expect(planTreatmentCourse({ durationCategory: 'acute', firstSessionDate })).toEqual({
      ok: false,
      error: { code: 'invalid_date', field: 'firstSessionDate', message: expect.any(String) },
    });
  });

  it('refuses a course that would run past the year 9999 instead of printing six-digit years', () => {
    const result = planTreatmentCourse({ durationCategory: 'chronic', firstSessionDate: '9999-10-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_date' } });
    expect(planTreatmentCourse({ durationCategory: 'chronic', firstSessionDate: '9999-01-04' }).ok).toBe(
      true,
    );
  });

  it.each([
    [{ maxSessions: 0 }, 'limits.maxSessions'],
    [{ maxSessions: -3 }, 'limits.maxSessions'],
    [{ maxSessions: 2.5, withinDays: 90 }, 'limits.maxSessions'],
    [{ withinDays: 0 }, 'limits.withinDays'],
    [{ withinDays: Number.NaN }, 'limits.withinDays'],
    [{ withinDays: Number.POSITIVE_INFINITY }, 'limits.withinDays'],
    [{ maxSessions: 12, withinDays: -90 }, 'limits.withinDays'],
  ])('refuses limits %o, naming %s', (limits, field) => {
    expect(planTreatmentCourse({ durationCategory: 'chronic', firstSessionDate: FIRST, limits })).toEqual({
      ok: false,
      error: { code: 'invalid_limits', field, message: expect.any(String) },
    });
  });
});

const EPOCH = Temporal.PlainDate.from('1900-01-01');
const requestArb = fc.record(
  {
    durationCategory: fc.constantFrom(...DURATION_CATEGORIES),
    startBackBand: fc.constantFrom(...START_BACK_BANDS),
    firstSessionDate: fc
      .integer({ min: 0, max: 400_000 })
      .map((offset) => EPOCH.add({ days: offset }).toString()),
    limits: fc.record(
      { maxSessions: fc.integer({ min: 1, max: 25 }), withinDays: fc.integer({ min: 1, max: 400 }) },
      { requiredKeys: [] },
    ),
    functionInstrument: fc.constantFrom('odi' as const, 'rmdq' as const),
  },
  { requiredKeys: ['durationCategory', 'firstSessionDate'] },
);

function planOf(request: CoursePlanRequest): CoursePlan {
  const result = planTreatmentCourse(request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('planTreatmentCourse: properties', () => {
  test.prop([requestArb])('session dates are YYYY-MM-DD and strictly increasing', (request) => {
    const course = planOf(request);
    expect(course.sessions.length).toBeGreaterThan(0);
    expect(course.sessions[0]?.date).toBe(request.firstSessionDate);
    for (const [i, session] of course.sessions.entries()) {
      expect(session.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(session.number).toBe(i + 1);
      const previous = course.sessions[i - 1];
      if (previous) {
        expect(Temporal.PlainDate.compare(previous.date, session.date)).toBe(-1);
      }
    }
  });

  test.prop([requestArb])('never plans more sessions or a later date than the limits allow', (request) => {
    const course = planOf(request);
    const first = Temporal.PlainDate.from(request.firstSessionDate);
    expect(course.sessions.length).toBeLessThanOrEqual(
      request.limits?.maxSessions ?? Number.POSITIVE_INFINITY,
    );
    for (const session of course.sessions) {
      const day = first.until(session.date, { largestUnit: 'days' }).days;
      expect(day).toBeLessThan(request.limits?.withinDays ?? Number.POSITIVE_INFINITY);
    }
    const unlimited = planOf({ ...request, limits: undefined });
    expect(course.truncated).toBe(course.sessions.length < unlimited.sessions.length);
    expect(course.sessions).toEqual(
      unlimited.sessions.slice(0, course.sessions.length).map((session) => ({
        ...session,
        reassessment: expect.any(Boolean),
        instrumentsDue: expect.any(Array),
      })),
    );
  });

  test.prop([requestArb])(
    'the first and the last sessions are reviews, and reviews are never far apart',
    (request) => {
      const course = planOf(request);
      const reviews = reviewNumbers(course);
      expect(reviews[0]).toBe(1);
      expect(course.sessions[0]?.instrumentsDue).toContain('start-back');
      expect(reviews.at(-1)).toBe(course.sessions.length);
      const maxGap = MAX_SESSIONS_BETWEEN_REVIEWS[request.startBackBand ?? 'unknown'];
      for (const [i, number] of reviews.entries()) {
        if (i > 0) expect(number - (reviews[i - 1] ?? 0)).toBeLessThanOrEqual(maxGap);
      }
    },
  );

  test.prop([requestArb])('the first session on or after each review day is a review', (request) => {
    const course = planOf(request);
    const first = Temporal.PlainDate.from(request.firstSessionDate);
    for (const reviewDay of REVIEW_DAYS) {
      const due = course.sessions.find(
        (session) => first.until(session.date, { largestUnit: 'days' }).days >= reviewDay,
      );
      if (due) expect(due.reassessment).toBe(true);
    }
  });

  test.prop([requestArb])('phase counts add up to the sessions planned', (request) => {
    const course = planOf(request);
    expect(course.phases.reduce((sum, phase) => sum + phase.sessions, 0)).toBe(course.sessions.length);
    expect(course.phases.every((phase) => phase.sessions > 0)).toBe(true);
  });
});
