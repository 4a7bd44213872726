import { z } from 'zod';
import { PainAreaSchema, RedFlagIdSchema } from './checker.ts';

// The web checker's answers as they travel between its steps (a hidden field, then a signed
// cookie for the result page). Every field is optional until its step has been answered.

export const DURATION_CHOICES = [
  'under-2-weeks',
  '2-to-6-weeks',
  '6-to-12-weeks',
  '3-to-12-months',
  'over-a-year',
] as const;
export const DurationChoiceSchema = z.enum(DURATION_CHOICES);
export type DurationChoice = z.infer<typeof DurationChoiceSchema>;

/** A representative number of weeks for each choice; only the category boundaries (6, 12) matter. */
export const DURATION_WEEKS: Record<DurationChoice, number> = {
  'under-2-weeks': 1,
  '2-to-6-weeks': 4,
  '6-to-12-weeks': 8,
  '3-to-12-months': 26,
  'over-a-year': 60,
};

export const RED_FLAG_GROUPS = ['nerves', 'onset', 'health', 'pattern'] as const;
export const RedFlagGroupSchema = z.enum(RED_FLAG_GROUPS);
export type RedFlagGroup = z.infer<typeof RedFlagGroupSchema>;

export const CheckerAnswersSchema = z
  .object({
    painAreas: z.array(PainAreaSchema).max(11).optional(),
    duration: DurationChoiceSchema.optional(),
    ageYears: z.int().min(16).max(120).optional(),
    firstEpisode: z.enum(['yes', 'no', 'not-sure']).optional(),
    pregnant: z.enum(['yes', 'no', 'not-applicable']).optional(),
    redFlags: z.array(RedFlagIdSchema).max(16).optional(),
    /** Red-flag screens already answered (ticking "none of these" counts). */
    answeredGroups: z.array(RedFlagGroupSchema).max(4).optional(),
  })
  .strict();
export type CheckerAnswers = z.infer<typeof CheckerAnswersSchema>;

/** Reads the carried answers; anything malformed starts the checker again rather than failing. */
export function parseCheckerAnswers(raw: unknown): CheckerAnswers {
  if (typeof raw !== 'string' || raw === '' || raw.length > 4000) return {};
  try {
    const parsed = CheckerAnswersSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
