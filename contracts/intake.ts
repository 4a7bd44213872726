import { z } from 'zod';
import { ACUPOINT_REGIONS } from '#core/clinical/acupoints/acupoint.ts';
import {
  ANTICOAGULANT_CLASSES,
  IMPLANT_KINDS,
  PREGNANCY_ANSWERS,
  SKIN_CONDITION_KINDS,
} from '#core/clinical/safety/index.ts';
import { PainAreaSchema } from './checker.ts';
import { type SafetyIntakeInput, SafetyIntakeSchema } from './safety.ts';

// The patient's intake form (issue 6 "Before the first visit"), step by step. Each step is posted
// as a form and saved as typed (strings and ticked boxes), so nothing is lost when a step does not
// validate; the typed draft is then checked here. The safety step asks exactly the questions of
// SafetyIntakeSchema, and `buildSafetyIntake` turns the answers into that shape.

export const INTAKE_STEPS = ['about', 'health', 'safety', 'where', 'consent'] as const;
export type IntakeStep = (typeof INTAKE_STEPS)[number];
export const IntakeStepSchema = z.enum(INTAKE_STEPS);

/** One step's answers as typed: a string per field, a list for tick boxes. */
export type IntakeStepValues = Record<string, string | string[]>;
export type IntakeAnswers = Partial<Record<IntakeStep, IntakeStepValues>> & {
  /** The symptom checker's answers carried to booking (contracts/booking-form.ts CheckerReferral). */
  checker?: IntakeStepValues;
  /** The "about" step pre-filled from the checker, shown until the patient saves the step. */
  aboutDraft?: IntakeStepValues;
};

export const FREE_TEXT_MAX = 2000;
const LIST_MAX = 30;

export const HOW_LONG_CHOICES = ['under-6-weeks', '6-to-12-weeks', 'over-12-weeks'] as const;

// Yes/no safety questions: SafetyIntakeSchema's booleans, the required ones first.
export const REQUIRED_SAFETY_BOOLEANS = [
  'bleedingDisorder',
  'lowPlatelets',
  'epilepsy',
  'needlePhobia',
  'faintingHistory',
  'metalAllergy',
] as const;
export const OPTIONAL_SAFETY_BOOLEANS = ['diabetes', 'peripheralNeuropathy', 'immunosuppressed'] as const;
export type SafetyBoolean =
  | (typeof REQUIRED_SAFETY_BOOLEANS)[number]
  | (typeof OPTIONAL_SAFETY_BOOLEANS)[number];

export const NONE = 'none';

type FieldSpec = { name: string; multiple: boolean };
const text = (name: string): FieldSpec => ({ name, multiple: false });
const list = (name: string): FieldSpec => ({ name, multiple: true });

/** The fields each step accepts; anything else in a posted form is ignored. */
export const INTAKE_FIELDS: Record<IntakeStep, FieldSpec[]> = {
  about: [
    list('painAreas'),
    text('howLong'),
    text('painStory'),
    text('betterWorse'),
    text('previousTreatment'),
    text('goals'),
  ],
  health: [text('otherConditions'), text('operations'), text('medicines'), text('allergies'), text('gp')],
  safety: [
    text('pregnancy'),
    text('trimester'),
    list('anticoagulants'),
    list('implants'),
    list('skinConditions'),
    ...REQUIRED_SAFETY_BOOLEANS.map(text),
    ...OPTIONAL_SAFETY_BOOLEANS.map(text),
  ],
  where: [
    ...IMPLANT_KINDS.map((kind) => list(`implant-${kind}`)),
    ...SKIN_CONDITION_KINDS.map((kind) => list(`skin-${kind}`)),
    text('details'),
  ],
  consent: [text('consentToTreatment'), text('consentToDataProcessing')],
};

type FormLike = { getAll(name: string): unknown[] };

/** The step's fields from a posted form, trimmed and bounded, so only known fields are ever stored. */
export function readIntakeStepValues(step: IntakeStep, form: FormLike): IntakeStepValues {
  const values: IntakeStepValues = {};
  for (const field of INTAKE_FIELDS[step]) {
    const strings = form
      .getAll(field.name)
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.slice(0, FREE_TEXT_MAX));
    if (field.multiple) {
      const ticked = [...new Set(strings.map((v) => v.trim()).filter((v) => v !== ''))].slice(0, LIST_MAX);
      if (ticked.length > 0) values[field.name] = ticked;
    } else {
      const value = strings[0]?.trim() ?? '';
      if (value !== '') values[field.name] = value;
    }
  }
  return values;
}

const FreeText = z.string().max(FREE_TEXT_MAX, `Use at most ${FREE_TEXT_MAX} characters`).optional();
const YesNo = (message: string) => z.enum(['yes', 'no'], { error: message });

/** Ticked boxes including "none of these": at least one answer, and "none" alone. */
const TickList = <T extends readonly [string, ...string[]]>(options: T, unanswered: string) =>
  z
    .array(z.enum([...options, NONE] as [string, ...string[]]), { error: unanswered })
    .min(1, unanswered)
    .refine((ticks) => !(ticks.includes(NONE) && ticks.length > 1), 'Tick "None of these" on its own')
    .transform((ticks) => ticks.filter((t) => t !== NONE) as T[number][]);

const RegionList = z.array(z.enum(ACUPOINT_REGIONS)).max(ACUPOINT_REGIONS.length).optional();

export const IntakeStepSchemas = {
  about: z.object({
    painAreas: z
      .array(PainAreaSchema, { error: 'Tick where you feel the pain' })
      .min(1, 'Tick where you feel the pain'),
    howLong: z.enum(HOW_LONG_CHOICES, { error: 'Choose how long you have had this pain' }),
    painStory: FreeText,
    betterWorse: FreeText,
    previousTreatment: FreeText,
    goals: FreeText,
  }),
  health: z.object({
    otherConditions: FreeText,
    operations: FreeText,
    medicines: FreeText,
    allergies: FreeText,
    gp: FreeText,
  }),
  // A trimester left ticked after changing the pregnancy answer to "no" is ignored, not an error.
  safety: z.object({
    pregnancy: z.enum(PREGNANCY_ANSWERS, { error: 'Answer whether you are or could be pregnant' }),
    trimester: z.enum(['1', '2', '3', 'unknown']).optional(),
    anticoagulants: TickList(ANTICOAGULANT_CLASSES, 'Tick any blood thinners you take, or "None of these"'),
    implants: TickList(IMPLANT_KINDS, 'Tick any implants you have, or "None of these"'),
    skinConditions: TickList(SKIN_CONDITION_KINDS, 'Tick any skin problems, or "None of these"'),
    bleedingDisorder: YesNo('Answer yes or no'),
    lowPlatelets: YesNo('Answer yes or no'),
    epilepsy: YesNo('Answer yes or no'),
    needlePhobia: YesNo('Answer yes or no'),
    faintingHistory: YesNo('Answer yes or no'),
    metalAllergy: YesNo('Answer yes or no'),
    diabetes: YesNo('Answer yes or no').optional(),
    peripheralNeuropathy: YesNo('Answer yes or no').optional(),
    immunosuppressed: YesNo('Answer yes or no').optional(),
  }),
  where: z.object({
    ...Object.fromEntries(IMPLANT_KINDS.map((kind) => [`implant-${kind}`, RegionList])),
    ...Object.fromEntries(SKIN_CONDITION_KINDS.map((kind) => [`skin-${kind}`, RegionList])),
    details: FreeText,
  }),
  consent: z.object({
    consentToTreatment: z.literal('yes', { error: 'Tick to agree to treatment, or talk to us first' }),
    consentToDataProcessing: z.literal('yes', {
      error: 'Tick to agree to how we keep your information, or talk to us first',
    }),
  }),
} as const;

export type IntakeStepCheck = { ok: true } | { ok: false; fields: Record<string, string> };

export function checkIntakeStep(step: IntakeStep, values: IntakeStepValues | undefined): IntakeStepCheck {
  const parsed = IntakeStepSchemas[step].safeParse(values ?? {});
  if (parsed.success) return { ok: true };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, fields };
}

/** The "where" step only matters when an implant or a skin problem was ticked. */
export function isWhereStepNeeded(answers: IntakeAnswers): boolean {
  const safety = answers.safety ?? {};
  const ticked = (name: string) => {
    const value = safety[name];
    return Array.isArray(value) && value.some((v) => v !== NONE);
  };
  return ticked('implants') || ticked('skinConditions');
}

/** The steps this patient is asked, in order. */
export function listIntakeSteps(answers: IntakeAnswers): IntakeStep[] {
  return INTAKE_STEPS.filter((step) => step !== 'where' || isWhereStepNeeded(answers));
}

/** Steps not yet saved, or holding answers that do not validate (a saved step of blanks is done). */
export function listIncompleteIntakeSteps(answers: IntakeAnswers): IntakeStep[] {
  return listIntakeSteps(answers).filter(
    (step) => answers[step] === undefined || !checkIntakeStep(step, answers[step]).ok,
  );
}

function asList(value: string | string[] | undefined): string[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/**
 * The answers in contracts/safety.ts SafetyIntake shape, or null while the safety questions are
 * not all answered. Regions come from the "where" step; left blank they are "not known".
 */
export function buildSafetyIntake(answers: IntakeAnswers): SafetyIntakeInput | null {
  const safety = IntakeStepSchemas.safety.safeParse(answers.safety ?? {});
  if (!safety.success) return null;
  const where = IntakeStepSchemas.where.safeParse(answers.where ?? {});
  const regions = (key: string) => (where.success ? asList(answers.where?.[key]) : []);
  const s = safety.data;
  const yes = (answer: 'yes' | 'no' | undefined) => (answer === undefined ? undefined : answer === 'yes');
  const candidate = {
    pregnancy: s.pregnancy,
    ...(s.pregnancy === 'yes' && s.trimester !== undefined
      ? { trimester: s.trimester === 'unknown' ? 'unknown' : Number(s.trimester) }
      : {}),
    implants: s.implants.map((kind) => ({ kind, regions: regions(`implant-${kind}`) })),
    anticoagulants: s.anticoagulants,
    bleedingDisorder: s.bleedingDisorder === 'yes',
    lowPlatelets: s.lowPlatelets === 'yes',
    epilepsy: s.epilepsy === 'yes',
    needlePhobia: s.needlePhobia === 'yes',
    faintingHistory: s.faintingHistory === 'yes',
    skinConditions: s.skinConditions.map((kind) => ({ kind, regions: regions(`skin-${kind}`) })),
    metalAllergy: s.metalAllergy === 'yes',
    ...(s.diabetes ? { diabetes: yes(s.diabetes) } : {}),
    ...(s.peripheralNeuropathy ? { peripheralNeuropathy: yes(s.peripheralNeuropathy) } : {}),
    ...(s.immunosuppressed ? { immunosuppressed: yes(s.immunosuppressed) } : {}),
  };
  const parsed = SafetyIntakeSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}
