import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  DURATION_CATEGORIES,
  FUNCTION_INSTRUMENTS,
  planTreatmentCourse,
  START_BACK_BANDS,
} from '#core/clinical/course/index.ts';
import { CoursePlanRequestSchema, CoursePlanSchema } from './course.ts';

const requestArb = fc.record(
  {
    durationCategory: fc.constantFrom(...DURATION_CATEGORIES),
    startBackBand: fc.constantFrom(...START_BACK_BANDS),
    firstSessionDate: fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10)),
    limits: fc.record(
      { maxSessions: fc.integer({ min: 1, max: 30 }), withinDays: fc.integer({ min: 1, max: 400 }) },
      { requiredKeys: [] },
    ),
    functionInstrument: fc.constantFrom(...FUNCTION_INSTRUMENTS),
  },
  { requiredKeys: ['durationCategory', 'firstSessionDate'] },
);

describe('course contracts', () => {
  test.prop([requestArb])('every request parses, and every plan matches the response schema', (request) => {
    const parsed = CoursePlanRequestSchema.parse(request);
    expect(parsed).toEqual(request);
    const result = planTreatmentCourse(parsed);
    if (!result.ok) throw new Error(result.error.message);
    expect(CoursePlanSchema.parse(result.value)).toEqual(result.value);
  });
});
