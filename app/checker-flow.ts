import type { CheckerRequest, CheckerResult, PainArea, RedFlagId } from '#contracts/checker.ts';
import {
  type CheckerAnswers,
  DURATION_CHOICES,
  DURATION_WEEKS,
  type DurationChoice,
  type RedFlagGroup,
} from '#contracts/checker-form.ts';
import { PAIN_AREAS } from '#core/clinical/triage/likely-conditions.ts';

// The web checker's steps: one question per screen, in an order that asks the emergency signs
// early (after the three facts every triage needs: where, how long, age). Pure: the route does
// the HTTP, this decides what each answer means and what comes next.

export type StepId = 'areas' | 'duration' | 'age' | 'first-episode' | RedFlagGroup | 'pregnancy';

export const CHECKER_STEPS: readonly StepId[] = [
  'areas',
  'duration',
  'age',
  'first-episode',
  'nerves',
  'onset',
  'health',
  'pattern',
  'pregnancy',
];

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (CHECKER_STEPS as readonly string[]).includes(value);
}

export const PAIN_AREA_LABELS: Record<PainArea, string> = {
  neck: 'Neck',
  'upper-back': 'Upper back, between the shoulder blades',
  'mid-back': 'Middle back',
  'lower-back': 'Lower back',
  buttock: 'Buttock',
  hip: 'Hip',
  groin: 'Groin',
  thigh: 'Thigh',
  knee: 'Knee',
  'leg-below-knee': 'Leg, below the knee',
  foot: 'Foot',
};

export const DURATION_LABELS: Record<DurationChoice, string> = {
  'under-2-weeks': 'Less than 2 weeks',
  '2-to-6-weeks': '2 to 6 weeks',
  '6-to-12-weeks': '6 to 12 weeks',
  '3-to-12-months': '3 months to a year',
  'over-a-year': 'More than a year',
};

// Statements with the meaning of each red flag in red-flags.md, in plain words for ticking.
export const RED_FLAG_LABELS: Record<RedFlagId, string> = {
  saddle_numbness:
    'Numbness or pins and needles between your legs, or around your genitals or bottom (for example, when you wipe)',
  bladder_change:
    'New trouble starting or stopping peeing, leaking, or not feeling when your bladder is full',
  bowel_change: 'New loss of control of your bowels, or not feeling when you need to poo',
  sexual_change: 'New numbness in your genitals, or new problems getting an erection or ejaculating',
  bilateral_leg_symptoms: 'New pain, numbness or weakness going down both legs',
  progressive_weakness: 'A leg or foot that is getting weaker, so you trip or your foot drags',
  major_trauma: 'After a serious injury, such as a fall from a height or a road accident',
  minor_trauma_fragility:
    'After a small fall or lift, and you have thin bones (osteoporosis) or take steroid tablets long term',
  aortic_symptoms:
    'Suddenly and severely in your back or belly while you felt faint, or with a throbbing in your belly',
  cancer_history: 'You have had cancer at any time',
  fever: 'You have a fever or chills, or feel generally unwell, as well as the back pain',
  infection_risk:
    'You inject drugs or have a weak immune system, or recently had a spinal operation, a spinal injection or a serious infection',
  weight_loss: 'You have lost weight recently without trying',
  night_pain: 'The pain is there all the time, is not eased by rest or moving, and is worse at night',
  thoracic_pain: 'The pain is mainly in your upper or middle back, between the shoulder blades',
  inflammatory_pattern:
    'It first began before you were 40; you are stiff for over half an hour each morning, it eases as you move, and it wakes you late in the night',
};

export const RED_FLAG_GROUP_FLAGS: Record<RedFlagGroup, readonly RedFlagId[]> = {
  nerves: [
    'saddle_numbness',
    'bladder_change',
    'bowel_change',
    'sexual_change',
    'bilateral_leg_symptoms',
    'progressive_weakness',
  ],
  onset: ['major_trauma', 'minor_trauma_fragility', 'aortic_symptoms'],
  health: ['cancer_history', 'fever', 'infection_risk', 'weight_loss'],
  pattern: ['night_pain', 'thoracic_pain', 'inflammatory_pattern'],
};

export type StepText = { question: string; hint?: string };

export const STEP_TEXT: Record<StepId, StepText> = {
  areas: { question: 'Where do you feel the pain?', hint: 'Tick every place that hurts.' },
  duration: { question: 'How long has this bout of pain lasted?' },
  age: {
    question: 'How old are you?',
    hint: 'Some causes of back pain are more likely at certain ages.',
  },
  'first-episode': { question: 'Is this the first time you have had back pain?' },
  nerves: {
    question: 'Since your back pain started, have you noticed any of these?',
    hint: 'Tick any that are new. They are rare, but they matter.',
  },
  onset: { question: 'Did your pain start in any of these ways?', hint: 'Tick any that apply.' },
  health: { question: 'Do any of these apply to you?', hint: 'Tick any that apply.' },
  pattern: { question: 'Does your pain follow any of these patterns?', hint: 'Tick any that apply.' },
  pregnancy: {
    question: 'Are you pregnant, or could you be?',
    hint: 'Being pregnant does not stop you having acupuncture, but it changes how we treat you.',
  },
};

export const FIRST_EPISODE_LABELS = {
  yes: 'Yes, this is the first time',
  no: 'No, I have had it before',
  'not-sure': 'I am not sure',
} as const;
export const PREGNANCY_LABELS = {
  yes: 'Yes',
  no: 'No',
  'not-applicable': 'This does not apply to me',
} as const;

/** What a form submission looks like to this module (FormData and URLSearchParams both fit). */
export type FormValues = { get(name: string): unknown; getAll(name: string): unknown[] };

export type StepOutcome = { ok: true; answers: CheckerAnswers } | { ok: false; error: string };

function isRedFlagGroup(step: StepId): step is RedFlagGroup {
  return step in RED_FLAG_GROUP_FLAGS;
}

function pickAll<T extends string>(form: FormValues, name: string, allowed: readonly T[]): T[] {
  const values = form.getAll(name).filter((v): v is string => typeof v === 'string');
  return allowed.filter((a) => values.includes(a));
}

function pickOne<T extends string>(form: FormValues, name: string, allowed: readonly T[]): T | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? allowed.find((a) => a === value) : undefined;
}

/** Applies the answer to one step to the answers so far, or says, in plain words, what is missing. */
export function applyStepAnswer(step: StepId, form: FormValues, answers: CheckerAnswers): StepOutcome {
  switch (step) {
    case 'areas': {
      const painAreas = pickAll(form, 'painAreas', PAIN_AREAS);
      if (painAreas.length === 0) return { ok: false, error: 'Tick at least one place where you feel pain.' };
      return { ok: true, answers: { ...answers, painAreas } };
    }
    case 'duration': {
      const duration = pickOne(form, 'duration', DURATION_CHOICES);
      if (!duration) return { ok: false, error: 'Choose how long the pain has lasted.' };
      return { ok: true, answers: { ...answers, duration } };
    }
    case 'age': {
      const raw = form.get('ageYears');
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (!/^\d{1,3}$/.test(text))
        return { ok: false, error: 'Enter your age in years, as a number, like 42.' };
      const ageYears = Number(text);
      if (ageYears < 16) {
        return {
          ok: false,
          error:
            'This check is for people aged 16 or over. For a child or teenager with back pain, please see their doctor.',
        };
      }
      if (ageYears > 120) return { ok: false, error: 'Enter an age of 120 or under.' };
      return { ok: true, answers: { ...answers, ageYears } };
    }
    case 'first-episode': {
      const firstEpisode = pickOne(form, 'firstEpisode', ['yes', 'no', 'not-sure'] as const);
      if (!firstEpisode) return { ok: false, error: 'Choose one answer.' };
      return { ok: true, answers: { ...answers, firstEpisode } };
    }
    case 'pregnancy': {
      const pregnant = pickOne(form, 'pregnant', ['yes', 'no', 'not-applicable'] as const);
      if (!pregnant) return { ok: false, error: 'Choose one answer.' };
      return { ok: true, answers: { ...answers, pregnant } };
    }
    default: {
      const group = step;
      const ticked = pickAll(form, 'redFlags', RED_FLAG_GROUP_FLAGS[group]);
      const none = form.get('none') === 'on' || form.get('none') === 'true';
      if (ticked.length === 0 && !none) {
        return { ok: false, error: 'Tick any that apply, or tick “None of these”.' };
      }
      if (ticked.length > 0 && none) {
        return {
          ok: false,
          error: 'You ticked “None of these” and another answer. Please check your answers.',
        };
      }
      const others = (answers.redFlags ?? []).filter((id) => !RED_FLAG_GROUP_FLAGS[group].includes(id));
      const answeredGroups = [...new Set([...(answers.answeredGroups ?? []), group])];
      return { ok: true, answers: { ...answers, redFlags: [...others, ...ticked], answeredGroups } };
    }
  }
}

export function isStepAnswered(step: StepId, answers: CheckerAnswers): boolean {
  switch (step) {
    case 'areas':
      return (answers.painAreas?.length ?? 0) > 0;
    case 'duration':
      return answers.duration !== undefined;
    case 'age':
      return answers.ageYears !== undefined;
    case 'first-episode':
      return answers.firstEpisode !== undefined;
    case 'pregnancy':
      return answers.pregnant !== undefined;
    default:
      return isRedFlagGroup(step) && (answers.answeredGroups ?? []).includes(step);
  }
}

/** The first step still to answer, or null when every step is answered. */
export function findNextStep(answers: CheckerAnswers): StepId | null {
  return CHECKER_STEPS.find((step) => !isStepAnswered(step, answers)) ?? null;
}

export function findPreviousStep(step: StepId): StepId | null {
  const index = CHECKER_STEPS.indexOf(step);
  return index > 0 ? (CHECKER_STEPS[index - 1] ?? null) : null;
}

/**
 * The triage input, once the three facts it needs are known (the red-flag screens come after
 * them); red flags not yet asked count as "no" until they are.
 */
export function toCheckerRequest(answers: CheckerAnswers): CheckerRequest | null {
  if (answers.ageYears === undefined || answers.duration === undefined) return null;
  const redFlags: CheckerRequest['redFlags'] = {};
  for (const id of answers.redFlags ?? []) redFlags[id] = true;
  return {
    ageYears: answers.ageYears,
    durationWeeks: DURATION_WEEKS[answers.duration],
    ...(answers.painAreas ? { painAreas: answers.painAreas } : {}),
    ...(answers.pregnant ? { pregnant: answers.pregnant === 'yes' } : {}),
    ...(answers.firstEpisode && answers.firstEpisode !== 'not-sure'
      ? { firstEpisode: answers.firstEpisode === 'yes' }
      : {}),
    redFlags,
  };
}

/**
 * The booking page address with the answers a practitioner needs carried over. Only for
 * results that allow booking; `soon` flags travel too, so the practitioner sees them.
 */
export function describeBookingHref(answers: CheckerAnswers, result: CheckerResult): string | null {
  if (!result.canBookAcupuncture) return null;
  const params = new URLSearchParams({ from: 'checker', urgency: result.urgency });
  if (answers.duration) {
    params.set('duration', result.durationCategory);
    params.set('durationWeeks', String(DURATION_WEEKS[answers.duration]));
  }
  if (answers.ageYears !== undefined) params.set('age', String(answers.ageYears));
  if (answers.painAreas?.length) params.set('areas', answers.painAreas.join(','));
  if (answers.pregnant === 'yes') params.set('pregnant', 'yes');
  if (result.matchedRedFlags.length > 0) params.set('flags', result.matchedRedFlags.join(','));
  if (result.likelyConditions.length > 0) {
    params.set('conditions', result.likelyConditions.map((c) => c.id).join(','));
  }
  // First visits are the initial consultation (CONTRACT.md §2 appointment types).
  params.set('type', 'initial-consultation');
  return `/book?${params.toString()}`;
}
