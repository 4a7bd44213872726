import type { Condition } from './condition.ts';
import { REFERENCES } from './references.ts';
import {
  ACP_ACUTE,
  CAUDA_EQUINA_ADVICE,
  describeShamDisagreement,
  FIRST_VISIT_TEXT,
  NCCIH,
  NICE_NG59,
  NOT_IMPROVING_ADVICE,
  REVIEW,
  SERIOUS_CAUSE_ADVICE,
  SESSION_TEXT,
} from './shared-wording.ts';

// reference.md a.1: usually settles in days to weeks; ACP 2017 rec. 1 (low quality), NICE against.
export const lumbarStrainSprain: Condition = {
  id: 'lumbar-strain-sprain',
  name: 'Lower back strain or sprain',
  summary:
    'A pulled muscle (strain) or an overstretched ligament (sprain) in the lower back, often after lifting or twisting. It usually settles within days to a few weeks.',
  whatItIs: [
    'Muscles and ligaments hold your spine steady. Ligaments are strong bands that join one bone to another. A sudden lift, twist or awkward movement can overstretch them or cause tiny tears. A strain is an injury to a muscle. A sprain is an injury to a ligament.',
    'It can hurt a lot, but it is not usually serious. Most people get much better within a few days to a few weeks, with or without treatment. Keeping gently active helps more than resting in bed.',
  ],
  commonSymptoms: [
    'Pain that starts soon after a clear trigger, like lifting or twisting.',
    'An ache in the lower back, sometimes with sudden tight muscles (spasm).',
    'Pain that is worse when you move, bend or get up.',
    'No pain below the knee, and no numbness or weakness in the legs.',
  ],
  howAcupunctureMayHelp: [
    'Some people use acupuncture to ease the pain while their back heals, so they can keep moving. A US guideline lists it as one option for new back pain, but the evidence for this is low quality.',
    'Most strains get better by themselves. So acupuncture is an extra, not a must. Gentle movement, heat and time are the main treatment.',
  ],
  acupunctureEvidence: {
    grade: 'low',
    headline:
      'Low-quality evidence that acupuncture may ease new back pain, which usually gets better anyway.',
    guidelines: [ACP_ACUTE, NICE_NG59, NCCIH],
    disagreement: describeShamDisagreement(
      'A 2005 Cochrane review found too little evidence to judge acupuncture for new back pain.',
    ),
  },
  whatToExpect: [
    FIRST_VISIT_TEXT,
    SESSION_TEXT,
    'A mild strain may only need a few sessions. We will also suggest ways to keep moving. If the pain is not easing after a few weeks, we will suggest seeing your doctor.',
  ],
  whenToSeeADoctor: [...CAUDA_EQUINA_ADVICE, ...SERIOUS_CAUSE_ADVICE, NOT_IMPROVING_ADVICE],
  codes: {
    icd10cm: [
      // reference.md a: S-codes need a 7th character; A = initial encounter.
      {
        code: 'S39.012A',
        display: 'Strain of muscle, fascia and tendon of lower back, initial encounter',
        verified: true,
      },
      { code: 'S33.5XXA', display: 'Sprain of ligaments of lumbar spine, initial encounter', verified: true },
    ],
    snomed: [],
  },
  references: [REFERENCES.acp2017, REFERENCES.niceNg59, REFERENCES.cochrane2005, REFERENCES.nccih],
  ...REVIEW,
  relatedArticles: ['aftercare', 'your-first-session', 'when-back-pain-is-an-emergency'],
  relatedConditions: ['nonspecific-low-back-pain', 'sacroiliac-joint-dysfunction'],
};
