import type { Condition } from './condition.ts';
import { REFERENCES } from './references.ts';
import {
  ACP_CHRONIC,
  CAUDA_EQUINA_ADVICE,
  describeShamDisagreement,
  FIRST_VISIT_TEXT,
  INFLAMMATORY_PATTERN_ADVICE,
  NICE_NG59,
  NOT_IMPROVING_ADVICE,
  REVIEW,
  SERIOUS_CAUSE_ADVICE,
  SESSION_TEXT,
} from './shared-wording.ts';

// reference.md a.7: limited evidence; in pregnancy the relevant points are the cautioned ones (section f).
export const sacroiliacJointDysfunction: Condition = {
  id: 'sacroiliac-joint-dysfunction',
  name: 'Sacroiliac joint pain',
  summary:
    'Pain from the joint where the base of the spine meets the pelvis. It can come from the joint moving too much or too little, from swelling, or from looser joints in pregnancy.',
  whatItIs: [
    'The sacrum is the flat, triangle-shaped bone at the bottom of your spine. It joins your pelvis (hip bones) at two sacroiliac joints, one on each side. You can often feel them as small dimples low on your back.',
    'These joints move only a little. Pain can start if a joint moves too much or too little, or if it becomes inflamed. Inflamed means swollen and sore. In pregnancy, hormones loosen the joints to get ready for birth, which can also cause pain.',
  ],
  commonSymptoms: [
    'Pain on one side, low down over the dimple and into the buttock.',
    'Pain when you stand up from sitting, or climb stairs.',
    'Pain when standing on one leg, such as when getting dressed.',
    'Sometimes pain into the groin or the back of the thigh.',
  ],
  howAcupunctureMayHelp: [
    'There is only a little research on acupuncture for this joint. Some people find it eases pain, and trials of long-lasting low back pain found a small benefit. But we cannot say how well it works for this joint.',
    'If you are pregnant, please tell us. Some points near the lower back and on the legs and hands are avoided in pregnancy, so we adjust where we place needles.',
  ],
  acupunctureEvidence: {
    grade: 'very-low',
    headline: 'Very little evidence for this joint; any support is borrowed from trials of low back pain.',
    guidelines: [ACP_CHRONIC, NICE_NG59],
    disagreement: describeShamDisagreement(
      'There are few studies of this joint, so it is hard to say how much acupuncture helps.',
    ),
  },
  whatToExpect: [
    FIRST_VISIT_TEXT,
    SESSION_TEXT,
    'How many sessions you need depends on how long you have had the pain. We check progress with short questionnaires and agree a plan with you. In pregnancy we use fewer points and avoid the ones that need care.',
  ],
  whenToSeeADoctor: [
    ...CAUDA_EQUINA_ADVICE,
    ...SERIOUS_CAUSE_ADVICE,
    INFLAMMATORY_PATTERN_ADVICE,
    NOT_IMPROVING_ADVICE,
  ],
  codes: {
    // reference.md a.7: "(verify payer preference)" applies to the whole list.
    icd10cm: [
      { code: 'M53.3', display: 'Sacrococcygeal disorders, not elsewhere classified', verified: false },
      { code: 'M46.1', display: 'Sacroiliitis, not elsewhere classified', verified: false },
      { code: 'M53.2X8', display: 'Spinal instabilities, sacral and sacrococcygeal region', verified: false },
      { code: 'S33.6XXA', display: 'Sprain of sacroiliac joint, initial encounter', verified: false },
    ],
    snomed: [],
  },
  references: [REFERENCES.acp2017, REFERENCES.niceNg59, REFERENCES.whoSafety1999],
  ...REVIEW,
  relatedArticles: ['acupuncture-in-pregnancy', 'your-first-session', 'aftercare'],
  relatedConditions: ['nonspecific-low-back-pain', 'lumbar-strain-sprain'],
};
