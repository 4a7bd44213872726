import { z } from 'zod';
import {
  ANTICOAGULANT_CLASSES,
  IMPLANT_KINDS,
  PLANNED_SIDES,
  PREGNANCY_ANSWERS,
  RESTRICTED_TECHNIQUES,
  SAFETY_RULE_IDS,
  SAFETY_SEVERITIES,
  SKIN_CONDITION_KINDS,
  STIMULATIONS,
  TRIMESTERS,
  UNIVERSAL_POINT_RULE_IDS,
} from '#core/clinical/safety/index.ts';
import { AcupointRegionSchema } from './acupoints.ts';

// Extensions to CONTRACT.md §4: POST /api/v1/safety-screen and POST /api/v1/safety-screen/check-plan.
// Every list comes from core/clinical/safety, so the schema and the rules cannot drift apart.
// Every intake question is required: an unanswered safety question must not pass as "no".

export const SafetySeveritySchema = z
  .enum(SAFETY_SEVERITIES)
  .describe(
    '`contraindication`: do not go ahead; `caution`: go ahead only once the practitioner acknowledges it',
  )
  .meta({ id: 'SafetySeverity' });
export type SafetySeverity = z.infer<typeof SafetySeveritySchema>;

export const SafetyRuleIdSchema = z.enum(SAFETY_RULE_IDS).meta({ id: 'SafetyRuleId' });
export type SafetyRuleId = z.infer<typeof SafetyRuleIdSchema>;

export const ImplantSchema = z
  .object({
    kind: z.enum(IMPLANT_KINDS),
    regions: z
      .array(AcupointRegionSchema)
      .max(20)
      .describe('where the device, its leads or the metal lie; empty when not known'),
  })
  .meta({ id: 'Implant' });
export type Implant = z.infer<typeof ImplantSchema>;

export const SkinConditionSchema = z
  .object({ kind: z.enum(SKIN_CONDITION_KINDS), regions: z.array(AcupointRegionSchema).max(20) })
  .meta({ id: 'SkinCondition' });
export type SkinCondition = z.infer<typeof SkinConditionSchema>;

export const SafetyIntakeSchema = z
  .object({
    pregnancy: z.enum(PREGNANCY_ANSWERS).describe('`unsure` is screened as a pregnancy of unknown trimester'),
    trimester: z
      .literal(TRIMESTERS)
      .optional()
      .describe('only when `pregnancy` is `yes`; left out means unknown'),
    implants: z.array(ImplantSchema).max(20),
    anticoagulants: z.array(z.enum(ANTICOAGULANT_CLASSES)).max(10),
    bleedingDisorder: z.boolean(),
    lowPlatelets: z.boolean(),
    epilepsy: z.boolean(),
    needlePhobia: z.boolean(),
    faintingHistory: z.boolean(),
    skinConditions: z.array(SkinConditionSchema).max(20),
    metalAllergy: z.boolean().describe('nickel above all: stainless-steel needles contain it'),
    diabetes: z.boolean().optional(),
    peripheralNeuropathy: z.boolean().optional(),
    immunosuppressed: z.boolean().optional(),
  })
  .meta({ id: 'SafetyIntake' });
export type SafetyIntakeInput = z.infer<typeof SafetyIntakeSchema>;

/**
 * Answers that parse but contradict each other (the API's 422), as field path → what is wrong.
 * Empty when the intake makes sense.
 */
export function listSafetyIntakeProblems(intake: SafetyIntakeInput, prefix = ''): Record<string, string> {
  const problems: Record<string, string> = {};
  if (intake.trimester !== undefined && intake.pregnancy !== 'yes') {
    problems[`${prefix}trimester`] = 'A trimester is only given when pregnancy is `yes`.';
  }
  return problems;
}

export const SafetyFindingSchema = z
  .object({
    id: SafetyRuleIdSchema,
    severity: SafetySeveritySchema,
    text: z.string().describe('for the practitioner, not the patient'),
    source: z.string().describe('the guideline, paper or convention behind the rule'),
  })
  .meta({ id: 'SafetyFinding' });
export type SafetyFinding = z.infer<typeof SafetyFindingSchema>;

export const PointToAvoidSchema = z
  .object({ code: z.string(), reason: z.string(), rule: SafetyRuleIdSchema, severity: SafetySeveritySchema })
  .meta({ id: 'PointToAvoid' });
export type PointToAvoid = z.infer<typeof PointToAvoidSchema>;

export const TechniqueRestrictionSchema = z
  .object({
    rule: SafetyRuleIdSchema,
    severity: SafetySeveritySchema,
    applies: z
      .enum(RESTRICTED_TECHNIQUES)
      .describe('`deep-needling`: deeper than `maxDepthMm`, or with no depth given'),
    regions: z.union([z.array(AcupointRegionSchema), z.literal('all')]).describe('`all`: the whole body'),
    maxDepthMm: z.number().nullable(),
    reason: z.string(),
  })
  .meta({ id: 'TechniqueRestriction' });
export type TechniqueRestriction = z.infer<typeof TechniqueRestrictionSchema>;

export const SafetyScreenSchema = z
  .object({
    contraindications: z.array(SafetyFindingSchema).describe('do not go ahead with what these name'),
    cautions: z.array(SafetyFindingSchema).describe('the practitioner must acknowledge each one'),
    pointsToAvoid: z.array(PointToAvoidSchema),
    restrictions: z
      .array(TechniqueRestrictionSchema)
      .describe('machine-readable; `check-plan` applies them to planned points'),
    electroacupunctureAllowed: z.boolean(),
    electroacupunctureRestrictions: z.array(z.string()),
    cuppingAllowed: z.boolean(),
    cuppingRestrictions: z.array(z.string()),
    practitionerAlerts: z
      .array(z.string())
      .describe('what the practitioner must be shown before treating, including the rules for every patient'),
  })
  .meta({ id: 'SafetyScreen' });
export type SafetyScreenDto = z.infer<typeof SafetyScreenSchema>;

export const PlannedPointSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .describe('WHO code: `BL23`, `EX-B2`; unknown codes come back as a conflict'),
    side: z.enum(PLANNED_SIDES),
    stimulation: z.enum(STIMULATIONS),
    depthMm: z
      .number()
      .positive()
      .max(150)
      .optional()
      .describe('planned depth; needed for points over the lung'),
    cupping: z.boolean().optional(),
    circuit: z
      .string()
      .min(1)
      .max(40)
      .optional()
      .describe('electroacupuncture only: points with the same label share one pair of leads'),
  })
  .meta({ id: 'PlannedPoint' });
export type PlannedPointInput = z.infer<typeof PlannedPointSchema>;

export const PointPlanCheckRequestSchema = z
  .object({ intake: SafetyIntakeSchema, plan: z.array(PlannedPointSchema).min(1).max(100) })
  .meta({ id: 'PointPlanCheckRequest' });
export type PointPlanCheckRequest = z.infer<typeof PointPlanCheckRequestSchema>;

/** Planned points that parse but make no sense (the API's 422), as field path → what is wrong. */
export function listPointPlanProblems(plan: PlannedPointInput[], prefix = 'plan.'): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [index, point] of plan.entries()) {
    if (point.circuit !== undefined && point.stimulation !== 'electro') {
      problems[`${prefix}${index}.circuit`] = 'A circuit is only given for electroacupuncture.';
    }
    if (point.depthMm !== undefined && point.stimulation === 'moxibustion') {
      problems[`${prefix}${index}.depthMm`] = 'Moxibustion does not needle, so it has no depth.';
    }
  }
  return problems;
}

export const PointConflictSchema = z
  .object({
    code: z.string().describe('the canonical code when the point is known, else the code as planned'),
    side: z.enum(PLANNED_SIDES),
    rule: z.enum([...SAFETY_RULE_IDS, ...UNIVERSAL_POINT_RULE_IDS]),
    severity: SafetySeveritySchema,
    message: z.string().describe('for the practitioner'),
  })
  .meta({ id: 'PointConflict' });
export type PointConflict = z.infer<typeof PointConflictSchema>;

export const PointPlanCheckSchema = z
  .object({
    conflicts: z
      .array(PointConflictSchema)
      .describe(
        'contraindications first; an empty list means no rule fired, not that the plan is safe: the practitioner still decides',
      ),
    hasContraindication: z.boolean(),
    cautionsToAcknowledge: z.int().min(0),
  })
  .meta({ id: 'PointPlanCheck' });
export type PointPlanCheck = z.infer<typeof PointPlanCheckSchema>;
