import { z } from 'zod';
import { COURSE_PHASES, FUNCTION_INSTRUMENTS, START_BACK_BANDS } from '#core/clinical/course/course-plan.ts';
import { DurationCategorySchema } from './checker.ts';
import { InstrumentIdSchema } from './instruments.ts';

// Extension to CONTRACT.md §4: POST /api/v1/course-plans. Lists come from core/clinical/course, so
// the schema and the planner cannot drift apart. Whether a date exists and whether limits are at
// least 1 is the planner's call: those come back as a 422 naming the field, not a 400.

export const StartBackBandSchema = z
  .enum(START_BACK_BANDS)
  .describe('the STarT Back risk band (CONTRACT.md §4, `start-back`)')
  .meta({ id: 'StartBackBand' });
export type StartBackBand = z.infer<typeof StartBackBandSchema>;

export const CoursePhaseNameSchema = z.enum(COURSE_PHASES).meta({ id: 'CoursePhaseName' });
export type CoursePhaseName = z.infer<typeof CoursePhaseNameSchema>;

const IsoDateShape = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD.');

export const CourseLimitsSchema = z
  .object({
    maxSessions: z.int().optional().describe('at most this many sessions; at least 1'),
    withinDays: z
      .int()
      .optional()
      .describe('every session within this many days, counting the first session as day 0; at least 1'),
  })
  .describe('a payer’s cover; Medicare NCD 30.3.3 is 12 sessions in 90 days')
  .meta({ id: 'CourseLimits' });
export type CourseLimits = z.infer<typeof CourseLimitsSchema>;

export const CoursePlanRequestSchema = z
  .object({
    durationCategory: DurationCategorySchema,
    startBackBand: StartBackBandSchema.optional(),
    firstSessionDate: IsoDateShape.describe('local date of the first session (the baseline assessment)'),
    limits: CourseLimitsSchema.optional(),
    functionInstrument: z
      .enum(FUNCTION_INSTRUMENTS)
      .optional()
      .describe('disability questionnaire for the reviews; `odi` when left out'),
  })
  .meta({ id: 'CoursePlanRequest' });
export type CoursePlanRequestInput = z.infer<typeof CoursePlanRequestSchema>;

export const CoursePhaseSchema = z
  .object({
    name: CoursePhaseNameSchema,
    sessions: z.int().min(1),
    intervalDays: z.int().min(1).describe('days between sessions in this phase'),
  })
  .meta({ id: 'CoursePhase' });
export type CoursePhase = z.infer<typeof CoursePhaseSchema>;

export const PlannedSessionSchema = z
  .object({
    number: z.int().min(1),
    date: IsoDateShape,
    phase: CoursePhaseNameSchema,
    reassessment: z.boolean().describe('a review: pain and disability questionnaires are due'),
    instrumentsDue: z.array(InstrumentIdSchema).describe('questionnaire ids as in /api/v1/instruments'),
  })
  .meta({ id: 'PlannedSession' });
export type PlannedSession = z.infer<typeof PlannedSessionSchema>;

export const CoursePlanSchema = z
  .object({
    phases: z.array(CoursePhaseSchema),
    sessions: z
      .array(PlannedSessionSchema)
      .describe('dates strictly increasing; the first is the baseline and the last always a review'),
    truncated: z.boolean().describe('true when the limits cut planned sessions'),
    notes: z.array(z.string()).describe('for the practitioner'),
  })
  .meta({ id: 'CoursePlan' });
export type CoursePlanDto = z.infer<typeof CoursePlanSchema>;
