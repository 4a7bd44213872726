// The back-pain condition checker: red flags → urgency, duration category, conditions worth
// reading about, and plain advice. Rules: /work/shared/clinical/red-flags.md.
import { writeTriageAdvice } from './advice.ts';
import {
  type DurationCategory,
  type LikelyCondition,
  type PainArea,
  suggestLikelyConditions,
} from './likely-conditions.ts';
import {
  AGE_OVER,
  AGE_UNDER,
  FIRST_EPISODE_AGE_RULE,
  pickHigherUrgency,
  RED_FLAG_COMBINATIONS,
  RED_FLAG_IDS,
  RED_FLAG_RULES,
  type RedFlagId,
  type Urgency,
} from './red-flags.ts';

export type Sex = 'female' | 'male' | 'other';

export type TriageInput = {
  ageYears: number;
  sex?: Sex;
  durationWeeks: number;
  pregnant?: boolean;
  painAreas?: readonly PainArea[];
  redFlags: Partial<Record<RedFlagId, boolean>>;
  /** Is this the first-ever episode of back pain? Missing means not known (see applyFirstEpisodeAgeRule). */
  firstEpisode?: boolean;
  /** Shown in emergency advice; defaults to '911' (the demo clinic is in America/New_York). */
  emergencyNumber?: string;
};

export type NextStep = 'emergency-department' | 'doctor-within-48-hours' | 'doctor-within-2-weeks' | 'book';

/** One rule that fired, for the practitioner's view and the audit trail. */
export type TriggeredRule = {
  rule: string;
  level: Urgency;
  suspected: string;
  source: string;
};

export type TriageResult = {
  urgency: Urgency;
  canBookAcupuncture: boolean;
  durationCategory: DurationCategory;
  matchedRedFlags: RedFlagId[];
  likelyConditions: LikelyCondition[];
  advice: string;
  /** Added fields (CONTRACT.md allows extension). */
  nextStep: NextStep;
  suspected: string[];
  triggeredRules: TriggeredRule[];
  /** Pregnancy adds the safety-screen cautions; it never blocks booking (red-flags.md). */
  pregnancyCautions: boolean;
};

// red-flags.md: acute < 6 weeks, subacute 6 to < 12, chronic ≥ 12 (European COST B13 split,
// reference.md d; week 12 itself counts as chronic, matching Medicare NCD 30.3.3 / Cochrane 2020).
export const SUBACUTE_FROM_WEEKS = 6;
export const CHRONIC_FROM_WEEKS = 12;

export function categoriseDuration(weeks: number): DurationCategory {
  if (weeks >= CHRONIC_FROM_WEEKS) return 'chronic';
  if (weeks >= SUBACUTE_FROM_WEEKS) return 'subacute';
  return 'acute';
}

const NEXT_STEP: Record<Urgency, NextStep> = {
  emergency: 'emergency-department',
  urgent: 'doctor-within-48-hours',
  soon: 'doctor-within-2-weeks',
  routine: 'book',
};

export function canBookAcupunctureAt(urgency: Urgency): boolean {
  // red-flags.md: emergency and urgent block booking; soon may book alongside seeing a doctor.
  return urgency === 'routine' || urgency === 'soon';
}

// red-flags.md: "first-ever episode of back pain over age 50, or under age 20, is soon".
// A missing firstEpisode is treated as "may be the first episode", so the rule applies: NICE CKS
// and Finucane 2020 list age over 50 as a (weak) flag without any first-episode qualifier, the
// qualifier only narrows it once we know the pain has happened before, and red-flags.md asks for
// the safer reading where sources differ. The cost of a false alarm is small: `soon` still lets
// the person book. Only an explicit `firstEpisode: false` switches the rule off.
// Age is the age now; the contract gives no onset age.
function applyFirstEpisodeAgeRule(ageYears: number, firstEpisode: boolean | undefined): boolean {
  if (firstEpisode === false) return false;
  return ageYears > AGE_OVER || ageYears < AGE_UNDER;
}

function listTriggeredRules(input: TriageInput, matched: readonly RedFlagId[]): TriggeredRule[] {
  const rules: TriggeredRule[] = matched.map((id) => {
    const { level, suspected, source } = RED_FLAG_RULES[id];
    return { rule: id, level, suspected, source };
  });
  for (const combination of RED_FLAG_COMBINATIONS) {
    const flagsPresent = combination.flags.every((flag) => matched.includes(flag));
    const ageMet = combination.ageOver === undefined || input.ageYears > combination.ageOver;
    if (flagsPresent && ageMet) {
      const { id, level, suspected, source } = combination;
      rules.push({ rule: id, level, suspected, source });
    }
  }
  // "when no other flag applies": every flag already reaches at least soon, so the age rule only
  // changes the outcome when nothing else fired, and it is recorded only then.
  if (rules.length === 0 && applyFirstEpisodeAgeRule(input.ageYears, input.firstEpisode)) {
    const { id, level, suspected, source } = FIRST_EPISODE_AGE_RULE;
    rules.push({ rule: id, level, suspected, source });
  }
  return rules;
}

export function triageBackPain(input: TriageInput): TriageResult {
  const matchedRedFlags = RED_FLAG_IDS.filter((id) => input.redFlags[id] === true);
  const triggeredRules = listTriggeredRules(input, matchedRedFlags);
  // The result is the highest level any rule reaches (red-flags.md).
  const urgency = triggeredRules.reduce<Urgency>(
    (level, rule) => pickHigherUrgency(level, rule.level),
    'routine',
  );
  const durationCategory = categoriseDuration(input.durationWeeks);
  const pregnant = input.pregnant === true;
  return {
    urgency,
    canBookAcupuncture: canBookAcupunctureAt(urgency),
    durationCategory,
    matchedRedFlags,
    likelyConditions: suggestLikelyConditions({
      ageYears: input.ageYears,
      durationCategory,
      pregnant,
      painAreas: input.painAreas,
      matchedRedFlags,
    }),
    advice: writeTriageAdvice(urgency, { emergencyNumber: input.emergencyNumber ?? '911', pregnant }),
    nextStep: NEXT_STEP[urgency],
    suspected: [...new Set(triggeredRules.map((rule) => rule.suspected))],
    triggeredRules,
    pregnancyCautions: pregnant,
  };
}
