import type { Condition } from './condition.ts';
import { REFERENCES } from './references.ts';
import {
  ACP_CHRONIC,
  CAUDA_EQUINA_ADVICE,
  CHRONIC_COURSE_TEXT,
  COCHRANE_2020,
  describeShamDisagreement,
  FIRST_VISIT_TEXT,
  NICE_NG59,
  NOT_IMPROVING_ADVICE,
  REVIEW,
  SERIOUS_CAUSE_ADVICE,
  SESSION_TEXT,
} from './shared-wording.ts';

// reference.md a.10: managed as chronic low back pain; chronic/degenerative problems need longer courses (h).
export const lumbarSpondylosisOsteoarthritis: Condition = {
  id: 'lumbar-spondylosis-osteoarthritis',
  name: 'Wear and tear of the lower spine (spondylosis or osteoarthritis)',
  summary:
    'Changes with age in the discs and small joints of the lower spine. It often causes stiffness and aching with activity in older adults.',
  whatItIs: [
    'Over the years, the discs between your spine bones get thinner and the small joints at the back of the spine wear. Small bony bumps can grow at the edges. Doctors call this spondylosis, or osteoarthritis of the spine.',
    'These changes are very common after middle age and often cause no pain. When they do, the pain usually comes and goes. Staying active and keeping strong helps.',
  ],
  commonSymptoms: [
    'Stiffness, especially in the morning or after sitting.',
    'An ache after activity or at the end of the day.',
    'Less ease bending or twisting than before.',
    'Sometimes pain into the buttocks or legs.',
  ],
  howAcupunctureMayHelp: [
    'Trials of long-lasting low back pain, which included many people with these changes, found a small benefit from acupuncture. No trials have looked at spine wear on its own.',
    'Acupuncture may ease stiffness and pain a little so that you can keep moving. It does not reverse the changes in the spine. Wear-related problems often need a longer course than a new strain.',
  ],
  acupunctureEvidence: {
    grade: 'very-low',
    headline:
      'No trials of spine wear on its own; a small benefit is known only from trials of long-lasting low back pain.',
    guidelines: [ACP_CHRONIC, NICE_NG59, COCHRANE_2020],
    disagreement: describeShamDisagreement(
      'The evidence here is borrowed from trials of long-lasting low back pain with no clear cause.',
    ),
  },
  whatToExpect: [
    FIRST_VISIT_TEXT,
    SESSION_TEXT,
    CHRONIC_COURSE_TEXT,
    'Some people then choose a maintenance session every few weeks to help keep flare-ups down.',
  ],
  whenToSeeADoctor: [...CAUDA_EQUINA_ADVICE, ...SERIOUS_CAUSE_ADVICE, NOT_IMPROVING_ADVICE],
  codes: {
    icd10cm: [
      {
        code: 'M47.816',
        display: 'Spondylosis without myelopathy or radiculopathy, lumbar region',
        verified: true,
      },
      {
        code: 'M47.817',
        display: 'Spondylosis without myelopathy or radiculopathy, lumbosacral region',
        verified: true,
      },
      { code: 'M47.26', display: 'Other spondylosis with radiculopathy, lumbar region', verified: true },
      {
        code: 'M47.27',
        display: 'Other spondylosis with radiculopathy, lumbosacral region',
        verified: true,
      },
      {
        code: 'M47.812',
        display: 'Spondylosis without myelopathy or radiculopathy, cervical region',
        verified: true,
      },
    ],
    snomed: [],
  },
  references: [REFERENCES.acp2017, REFERENCES.niceNg59, REFERENCES.cochrane2020],
  ...REVIEW,
  relatedArticles: ['how-a-course-works', 'what-the-evidence-says', 'aftercare'],
  relatedConditions: ['facet-joint-pain', 'degenerative-disc-disease', 'lumbar-spinal-stenosis'],
};
