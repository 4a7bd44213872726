// Canonical red-flag ids and urgency rules for the back-pain checker and the intake screen.
// Everything here follows /work/shared/clinical/red-flags.md exactly; where its sources differ
// (reference.md section c) it takes the safer reading, as red-flags.md says.

// Lowest first, so the index is the rank.
export const URGENCY_LEVELS = ['routine', 'soon', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];

export function rankUrgency(level: Urgency): number {
  return URGENCY_LEVELS.indexOf(level);
}

export function pickHigherUrgency(a: Urgency, b: Urgency): Urgency {
  return rankUrgency(b) > rankUrgency(a) ? b : a;
}

// The 16 ids, in the order of the red-flags.md table.
export const RED_FLAG_IDS = [
  'saddle_numbness',
  'bladder_change',
  'bowel_change',
  'sexual_change',
  'bilateral_leg_symptoms',
  'progressive_weakness',
  'major_trauma',
  'minor_trauma_fragility',
  'aortic_symptoms',
  'fever',
  'infection_risk',
  'cancer_history',
  'weight_loss',
  'night_pain',
  'thoracic_pain',
  'inflammatory_pattern',
] as const;
export type RedFlagId = (typeof RED_FLAG_IDS)[number];

export function isRedFlagId(value: string): value is RedFlagId {
  return (RED_FLAG_IDS as readonly string[]).includes(value);
}

export type RedFlagRule = {
  id: RedFlagId;
  /** Urgency this flag reaches on its own. */
  level: Urgency;
  /** What a clinician would want to exclude (clinician-facing, never shown as a diagnosis). */
  suspected: string;
  /** Plain-language question for the checker UI (reading age about 12; needs clinician sign-off). */
  question: string;
  source: string;
};

const CES_SOURCE =
  'red-flags.md; GIRFT/NHS England National Suspected Cauda Equina Syndrome Pathway 2023; NICE CKS Sciatica; Finucane 2020';
const MALIGNANCY_SOURCE = 'red-flags.md; Finucane 2020 (malignancy); NICE CKS Back pain – low';
const INFECTION_SOURCE = 'red-flags.md; Finucane 2020 (spinal infection); NICE NG59';

export const RED_FLAG_RULES: Record<RedFlagId, RedFlagRule> = {
  saddle_numbness: {
    id: 'saddle_numbness',
    level: 'emergency',
    suspected: 'cauda equina syndrome',
    question:
      'Do you have numbness or pins and needles between your legs, or around your genitals or bottom (for example, when you wipe)?',
    source: CES_SOURCE,
  },
  bladder_change: {
    id: 'bladder_change',
    level: 'emergency',
    suspected: 'cauda equina syndrome',
    question:
      'Since the back pain started, is it newly hard to start or stop peeing, are you leaking, or can you no longer feel when your bladder is full?',
    source: CES_SOURCE,
  },
  bowel_change: {
    id: 'bowel_change',
    level: 'emergency',
    suspected: 'cauda equina syndrome',
    question: 'Have you newly lost control of your bowels, or can you no longer feel when you need to poo?',
    source: CES_SOURCE,
  },
  sexual_change: {
    id: 'sexual_change',
    level: 'emergency',
    suspected: 'cauda equina syndrome',
    question:
      'Have you noticed new numbness in your genitals, or new problems with getting an erection or ejaculating?',
    // red-flags.md makes this emergency, following the CSP 2024 summary of the GIRFT pathway.
    source: CES_SOURCE,
  },
  bilateral_leg_symptoms: {
    id: 'bilateral_leg_symptoms',
    level: 'emergency',
    suspected: 'cauda equina syndrome',
    question: 'Do you have new pain, numbness or weakness going down both of your legs?',
    source: CES_SOURCE,
  },
  progressive_weakness: {
    id: 'progressive_weakness',
    level: 'emergency',
    suspected: 'progressive neurological deficit',
    question: 'Is a leg or foot getting weaker, so that you trip or your foot drags or slaps down?',
    source: 'red-flags.md; NICE CKS Sciatica (progressive neurological deficit); Finucane 2020',
  },
  major_trauma: {
    id: 'major_trauma',
    level: 'emergency',
    suspected: 'fracture',
    question: 'Did the pain start after a serious injury, such as a fall from a height or a road accident?',
    source: 'red-flags.md; Finucane 2020 (fracture)',
  },
  minor_trauma_fragility: {
    id: 'minor_trauma_fragility',
    level: 'urgent',
    suspected: 'osteoporotic fracture',
    question:
      'Did the pain start after a small fall or lift, and do you have thin bones (osteoporosis) or take steroid tablets long-term?',
    source: 'red-flags.md; Finucane 2020 (fracture); NICE CKS Back pain – low',
  },
  aortic_symptoms: {
    id: 'aortic_symptoms',
    level: 'emergency',
    suspected: 'abdominal aortic aneurysm',
    question:
      'Did sudden, severe pain start in your back or belly while you felt faint, or can you feel a throbbing in your belly?',
    source: 'red-flags.md; NICE CKS Back pain – low (non-spinal causes)',
  },
  fever: {
    id: 'fever',
    level: 'urgent',
    suspected: 'spinal infection',
    question: 'Do you have a fever or chills, or feel generally unwell, as well as the back pain?',
    source: INFECTION_SOURCE,
  },
  infection_risk: {
    id: 'infection_risk',
    level: 'soon',
    suspected: 'spinal infection',
    question:
      'Do you inject drugs or have a weak immune system, or have you recently had a spinal operation, a spinal injection or a serious infection?',
    source: INFECTION_SOURCE,
  },
  cancer_history: {
    id: 'cancer_history',
    level: 'urgent',
    suspected: 'spinal metastasis',
    question: 'Have you ever had cancer?',
    // Finucane 2020: previous cancer is the strongest single malignancy flag; NICE NG234.
    source: 'red-flags.md; Finucane 2020 (malignancy); NICE NG234',
  },
  weight_loss: {
    id: 'weight_loss',
    level: 'soon',
    suspected: 'malignancy or infection',
    question: 'Have you lost weight recently without trying to?',
    source: MALIGNANCY_SOURCE,
  },
  night_pain: {
    id: 'night_pain',
    level: 'soon',
    suspected: 'malignancy or infection',
    question: 'Is the pain there all the time, not eased by rest or changing position, and worse at night?',
    source: MALIGNANCY_SOURCE,
  },
  thoracic_pain: {
    id: 'thoracic_pain',
    level: 'soon',
    suspected: 'non-mechanical cause',
    question: 'Is the pain mainly in your upper or middle back, between the shoulder blades?',
    source: 'red-flags.md; NICE CKS Back pain – low',
  },
  inflammatory_pattern: {
    id: 'inflammatory_pattern',
    level: 'soon',
    suspected: 'axial spondyloarthritis',
    question:
      'Did the pain first start before you were 40, with morning stiffness that lasts over 30 minutes and eases as you move, and does it wake you in the second half of the night?',
    // red-flags.md uses inflammatory-back-pain style criteria, not NG65's four-of-nine rule.
    source: 'red-flags.md; NICE NG65 (spondyloarthritis)',
  },
};

/** Age over which weight loss is raised to urgent, and the age band of the first-episode rule. */
export const AGE_OVER = 50;
export const AGE_UNDER = 20;

export type CombinationRule = {
  id: string;
  /** Every one of these flags must be present. */
  flags: readonly RedFlagId[];
  /** Also require ageYears > this (red-flags.md "age over 50"). */
  ageOver?: number;
  level: Urgency;
  suspected: string;
  source: string;
};

// The "raised to" column of red-flags.md, one entry per combination.
export const RED_FLAG_COMBINATIONS: readonly CombinationRule[] = [
  {
    id: 'fever-with-infection-risk',
    flags: ['fever', 'infection_risk'],
    level: 'emergency',
    suspected: 'spinal infection',
    // reference.md c rule 3 says "at least same day"; red-flags.md takes the more cautious emergency.
    source: 'red-flags.md; Finucane 2020 (spinal infection)',
  },
  {
    id: 'weight-loss-with-cancer-history',
    flags: ['weight_loss', 'cancer_history'],
    level: 'urgent',
    suspected: 'malignancy',
    source: MALIGNANCY_SOURCE,
  },
  {
    id: 'weight-loss-over-50',
    flags: ['weight_loss'],
    ageOver: AGE_OVER,
    level: 'urgent',
    suspected: 'malignancy',
    source: MALIGNANCY_SOURCE,
  },
  {
    id: 'night-pain-with-cancer-history',
    flags: ['night_pain', 'cancer_history'],
    level: 'urgent',
    suspected: 'malignancy',
    source: MALIGNANCY_SOURCE,
  },
];

export const FIRST_EPISODE_AGE_RULE = {
  id: 'first-episode-age',
  level: 'soon',
  suspected: 'malignancy or other serious cause',
  source: 'red-flags.md (age rule); NICE CKS Back pain – low; Finucane 2020',
} as const satisfies { id: string; level: Urgency; suspected: string; source: string };
