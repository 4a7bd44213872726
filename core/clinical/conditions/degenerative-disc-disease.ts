import type { Condition } from './condition.ts';
import { REFERENCES } from './references.ts';
import {
  ACP_CHRONIC,
  CAUDA_EQUINA_ADVICE,
  CHRONIC_COURSE_TEXT,
  describeShamDisagreement,
  FIRST_VISIT_TEXT,
  NICE_NG59,
  NOT_IMPROVING_ADVICE,
  REVIEW,
  SERIOUS_CAUSE_ADVICE,
  SESSION_TEXT,
} from './shared-wording.ts';

// reference.md a.5: common without symptoms; managed as chronic low back pain; no specific trials.
export const degenerativeDiscDisease: Condition = {
  id: 'degenerative-disc-disease',
  name: 'Disc wear (degenerative disc disease)',
  summary:
    'The discs between the bones of the spine slowly dry out and get thinner with age. This is very common, often causes no pain, and is not really a disease.',
  whatItIs: [
    'Discs are the soft cushions between the bones of your spine. As we get older, they lose water and become thinner and stiffer. Doctors call this degeneration, which simply means change with age. It happens to almost everyone, like grey hair.',
    'Many people with worn discs on a scan have no pain at all. So a scan alone cannot tell if your discs are the cause of your pain. Doctors usually treat this the same way as other long-lasting low back pain.',
  ],
  commonSymptoms: [
    'A long-lasting ache in the middle of the lower back.',
    'Pain when sitting for a long time.',
    'Pain that comes and goes, with flare-ups.',
    'Stiffness that eases as you move.',
  ],
  howAcupunctureMayHelp: [
    'No trials have tested acupuncture for worn discs on their own. But trials of long-lasting low back pain will have included many people with disc wear, because it is so common. Those trials found a small benefit.',
    'So acupuncture may help you feel and move a little better, as one part of a plan with exercise. It does not change the discs.',
  ],
  acupunctureEvidence: {
    grade: 'very-low',
    headline:
      'No trials of disc wear on its own; a small benefit is known only from trials of long-lasting low back pain.',
    guidelines: [
      ACP_CHRONIC,
      NICE_NG59,
      {
        source: 'Cochrane 2020',
        says: 'The review looked at chronic low back pain with no clear cause, not at disc wear on its own. It found a small benefit, with low certainty.',
      },
    ],
    disagreement: describeShamDisagreement(
      'Because there are no trials for disc wear itself, everything here is borrowed from trials of long-lasting low back pain.',
    ),
  },
  whatToExpect: [FIRST_VISIT_TEXT, SESSION_TEXT, CHRONIC_COURSE_TEXT],
  whenToSeeADoctor: [...CAUDA_EQUINA_ADVICE, ...SERIOUS_CAUSE_ADVICE, NOT_IMPROVING_ADVICE],
  codes: {
    // reference.md a.5: from FY2025 M51.36/M51.37 are headers (verify titles).
    icd10cm: [
      {
        code: 'M51.360',
        display: 'Other intervertebral disc degeneration, lumbar region, with discogenic back pain only',
        verified: false,
      },
      {
        code: 'M51.361',
        display: 'Other intervertebral disc degeneration, lumbar region, with lower extremity pain only',
        verified: false,
      },
      {
        code: 'M51.362',
        display:
          'Other intervertebral disc degeneration, lumbar region, with discogenic back pain and lower extremity pain',
        verified: false,
      },
      {
        code: 'M51.369',
        display:
          'Other intervertebral disc degeneration, lumbar region, without mention of back or lower extremity pain',
        verified: false,
      },
      {
        code: 'M51.370',
        display: 'Other intervertebral disc degeneration, lumbosacral region, with discogenic back pain only',
        verified: false,
      },
      {
        code: 'M51.371',
        display: 'Other intervertebral disc degeneration, lumbosacral region, with lower extremity pain only',
        verified: false,
      },
      {
        code: 'M51.372',
        display:
          'Other intervertebral disc degeneration, lumbosacral region, with discogenic back pain and lower extremity pain',
        verified: false,
      },
      {
        code: 'M51.379',
        display:
          'Other intervertebral disc degeneration, lumbosacral region, without mention of back or lower extremity pain',
        verified: false,
      },
    ],
    snomed: [{ code: '77547008', display: 'Intervertebral disc degeneration', verified: true }],
  },
  references: [REFERENCES.acp2017, REFERENCES.niceNg59, REFERENCES.cochrane2020],
  ...REVIEW,
  relatedArticles: ['what-the-evidence-says', 'how-a-course-works', 'faq'],
  relatedConditions: [
    'nonspecific-low-back-pain',
    'lumbar-disc-herniation',
    'lumbar-spondylosis-osteoarthritis',
  ],
};
