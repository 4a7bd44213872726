import { z } from 'zod';
import { DURATION_CATEGORIES } from '#core/clinical/course/course-plan.ts';
import { PAIN_AREAS } from '#core/clinical/triage/likely-conditions.ts';
import { RED_FLAG_IDS, URGENCY_LEVELS } from '#core/clinical/triage/red-flags.ts';
import { ConditionIdSchema } from './conditions.ts';

// CONTRACT.md §4 "Conditions and the checker": POST /api/v1/checker.
// Ids come from core so the schema and the rules cannot drift apart (red-flags.md).

export const RedFlagIdSchema = z.enum(RED_FLAG_IDS).meta({ id: 'RedFlagId' });
export type RedFlagId = z.infer<typeof RedFlagIdSchema>;

export const PainAreaSchema = z.enum(PAIN_AREAS).meta({ id: 'PainArea' });
export type PainArea = z.infer<typeof PainAreaSchema>;

export const UrgencySchema = z
  .enum(URGENCY_LEVELS)
  .describe(
    '`emergency`: emergency department now; `urgent`: a doctor within 24–48 hours; `soon`: a doctor within about two weeks; `routine`: no red flag',
  )
  .meta({ id: 'Urgency' });
export type Urgency = z.infer<typeof UrgencySchema>;

export const DurationCategorySchema = z
  .enum(DURATION_CATEGORIES)
  .describe('acute < 6 weeks, subacute 6 to < 12, chronic ≥ 12')
  .meta({ id: 'DurationCategory' });
export type DurationCategory = z.infer<typeof DurationCategorySchema>;

// A partial record over the canonical ids: any unknown id is refused (CONTRACT.md: a 400).
export const RedFlagAnswersSchema = z
  .partialRecord(RedFlagIdSchema, z.boolean())
  .describe('red-flag id → answer; ids not sent count as "no"; unknown ids are refused')
  .meta({ id: 'RedFlagAnswers' });
export type RedFlagAnswers = z.infer<typeof RedFlagAnswersSchema>;

export const CheckerRequestSchema = z
  .object({
    ageYears: z.int().min(0).max(120),
    sex: z.enum(['female', 'male', 'other']).optional(),
    durationWeeks: z.number().min(0).describe('how long this episode has lasted, in weeks'),
    pregnant: z.boolean().optional(),
    painAreas: z.array(PainAreaSchema).optional(),
    redFlags: RedFlagAnswersSchema,
    firstEpisode: z
      .boolean()
      .optional()
      .describe(
        'is this the first-ever episode of back pain? When left out, the age rule treats it as possibly first',
      ),
  })
  .meta({ id: 'CheckerRequest' });
export type CheckerRequest = z.infer<typeof CheckerRequestSchema>;

export const LikelyConditionSchema = z
  .object({
    id: ConditionIdSchema,
    why: z.string().min(1).describe('one or two plain sentences; never a diagnosis'),
  })
  .meta({ id: 'LikelyCondition' });
export type LikelyCondition = z.infer<typeof LikelyConditionSchema>;

export const TriggeredRuleSchema = z
  .object({
    rule: z.string().describe('a red-flag id, a combination id, or `first-episode-age`'),
    level: UrgencySchema,
    suspected: z.string().describe('what a clinician would want to exclude'),
    source: z.string().describe('the guideline or document the rule comes from'),
  })
  .meta({ id: 'TriggeredRule' });
export type TriggeredRule = z.infer<typeof TriggeredRuleSchema>;

export const CheckerResultSchema = z
  .object({
    urgency: UrgencySchema,
    canBookAcupuncture: z.boolean().describe('always false for `emergency` and `urgent`'),
    durationCategory: DurationCategorySchema,
    matchedRedFlags: z.array(RedFlagIdSchema),
    likelyConditions: z.array(LikelyConditionSchema),
    advice: z.string().min(1),
    nextStep: z.enum(['emergency-department', 'doctor-within-48-hours', 'doctor-within-2-weeks', 'book']),
    suspected: z.array(z.string()),
    triggeredRules: z.array(TriggeredRuleSchema),
    pregnancyCautions: z
      .boolean()
      .describe('pregnancy never blocks booking; it adds the safety-screen cautions for the practitioner'),
  })
  .meta({ id: 'CheckerResult' });
export type CheckerResult = z.infer<typeof CheckerResultSchema>;
