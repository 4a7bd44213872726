import type { Condition } from './condition.ts';
import { REFERENCES } from './references.ts';
import {
  ACP_CHRONIC,
  CAUDA_EQUINA_ADVICE,
  describeShamDisagreement,
  FIRST_VISIT_TEXT,
  NICE_NG59,
  NOT_IMPROVING_ADVICE,
  REVIEW,
  SERIOUS_CAUSE_ADVICE,
  SESSION_TEXT,
  THORACIC_PAIN_ADVICE,
} from './shared-wording.ts';

// reference.md a.11: pain relief only; a new or fast-progressing deformity is a red flag.
export const scoliosisDeformity: Condition = {
  id: 'scoliosis-deformity',
  name: 'Curved spine (scoliosis or kyphosis)',
  summary:
    'The spine curves to the side (scoliosis) or rounds forward too much (kyphosis). In adults it is often caused by wear with age, and it can lead to back ache and tiredness.',
  whatItIs: [
    'Seen from behind, a spine is usually straight. In scoliosis, it bends into a C or S shape to one side. Seen from the side, the upper back has a gentle forward curve. In kyphosis, that curve is bigger than usual, so the back looks rounded.',
    'Some curves start in childhood or the teenage years. In adults, a curve often comes from wear in the discs and joints. Most curves change slowly, if at all. A curve that is new or getting worse quickly needs a doctor to look at it.',
  ],
  commonSymptoms: [
    'One shoulder or hip higher than the other.',
    'A bump on one side of the back when bending forward (rib hump).',
    'Back muscles that tire or ache after standing or walking.',
    'Sometimes leg pain if nerves are squeezed.',
  ],
  howAcupunctureMayHelp: [
    'Acupuncture cannot straighten a curve. Some people use it to ease muscle ache and tiredness in the back. We found no trials of acupuncture for curved spines, so we cannot say how well it helps.',
    'Exercise and advice from a physical therapist are usually the main care. Acupuncture, if you choose it, is an extra for comfort.',
  ],
  acupunctureEvidence: {
    grade: 'insufficient',
    headline: 'No trials for curved spines; acupuncture can only aim to ease pain.',
    guidelines: [ACP_CHRONIC, NICE_NG59],
    disagreement: describeShamDisagreement(
      'There is no research on acupuncture for scoliosis or kyphosis itself, so the guideline views below are about low back pain in general.',
    ),
  },
  whatToExpect: [
    FIRST_VISIT_TEXT,
    SESSION_TEXT,
    'We agree a short trial of sessions and check how you are doing with short questionnaires. If it does not help, we stop and talk about other options.',
  ],
  whenToSeeADoctor: [
    {
      text: 'A curve that is new, or that is changing quickly.',
      urgency: 'soon',
    },
    ...CAUDA_EQUINA_ADVICE,
    ...SERIOUS_CAUSE_ADVICE,
    THORACIC_PAIN_ADVICE,
    NOT_IMPROVING_ADVICE,
  ],
  codes: {
    icd10cm: [
      { code: 'M41.9', display: 'Scoliosis, unspecified', verified: true },
      { code: 'M41.26', display: 'Other idiopathic scoliosis, lumbar region', verified: true },
      { code: 'M41.27', display: 'Other idiopathic scoliosis, lumbosacral region', verified: true },
      { code: 'M41.126', display: 'Adolescent idiopathic scoliosis, lumbar region', verified: true },
    ],
    snomed: [{ code: '298382003', display: 'Scoliosis deformity of spine', verified: true }],
  },
  references: [REFERENCES.acp2017, REFERENCES.niceNg59, REFERENCES.finucane2020],
  ...REVIEW,
  relatedArticles: ['how-a-course-works', 'your-first-session', 'faq'],
  relatedConditions: ['lumbar-spondylosis-osteoarthritis', 'degenerative-disc-disease'],
};
