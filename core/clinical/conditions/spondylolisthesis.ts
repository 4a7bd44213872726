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
} from './shared-wording.ts';

// reference.md a.9: symptom relief only.
export const spondylolisthesis: Condition = {
  id: 'spondylolisthesis',
  name: 'Slipped vertebra (spondylolisthesis)',
  summary:
    'One bone of the spine has slid forward on the bone below it. It can come from a small stress crack in the bone or from wear in the joints.',
  whatItIs: [
    'Your spine is a stack of bones called vertebrae. Normally each one sits neatly on the one below. In spondylolisthesis, one vertebra has slipped forward a little.',
    'In younger people, it often follows a small stress crack at the back of the bone. Sports that bend the back a lot can cause this. The crack itself is called spondylolysis. In older people, it usually comes from wear in the small joints that hold the bones in line. Some people are born with it.',
    'Many people with a small slip have little or no pain. A doctor can tell how big the slip is from an X-ray.',
  ],
  commonSymptoms: [
    'Lower back pain that is worse when standing or leaning back.',
    'Tight muscles at the back of the thighs (hamstrings).',
    'Sometimes pain, tingling or numbness in one or both legs.',
    'Pain that eases when you sit or bend forward.',
  ],
  howAcupunctureMayHelp: [
    'Acupuncture cannot move the bone back into place. Some people use it to ease pain and muscle tightness. We found no trials of acupuncture for this condition, so we cannot say how well it works.',
    'Exercises to strengthen the muscles around your spine are usually the main treatment. Acupuncture, if you choose it, is an extra.',
  ],
  acupunctureEvidence: {
    grade: 'insufficient',
    headline: 'No trials for this condition; acupuncture can only aim to ease symptoms.',
    guidelines: [ACP_CHRONIC, NICE_NG59],
    disagreement: describeShamDisagreement(
      'There is no research on acupuncture for a slipped vertebra itself, so the guideline views below are about low back pain in general.',
    ),
  },
  whatToExpect: [
    FIRST_VISIT_TEXT,
    SESSION_TEXT,
    'We agree a short trial of sessions with you and check your progress with short questionnaires. If it is not helping, we stop and talk about other options.',
  ],
  whenToSeeADoctor: [...CAUDA_EQUINA_ADVICE, ...SERIOUS_CAUSE_ADVICE, NOT_IMPROVING_ADVICE],
  codes: {
    icd10cm: [
      { code: 'M43.16', display: 'Spondylolisthesis, lumbar region', verified: true },
      { code: 'M43.17', display: 'Spondylolisthesis, lumbosacral region', verified: true },
      { code: 'M43.06', display: 'Spondylolysis, lumbar region', verified: true },
      { code: 'Q76.2', display: 'Congenital spondylolisthesis', verified: true },
    ],
    snomed: [{ code: '274152003', display: 'Spondylolisthesis', verified: true }],
  },
  references: [REFERENCES.acp2017, REFERENCES.niceNg59],
  ...REVIEW,
  relatedArticles: ['how-a-course-works', 'what-the-evidence-says', 'when-back-pain-is-an-emergency'],
  relatedConditions: [
    'lumbar-spinal-stenosis',
    'sciatica-radiculopathy',
    'lumbar-spondylosis-osteoarthritis',
  ],
};
