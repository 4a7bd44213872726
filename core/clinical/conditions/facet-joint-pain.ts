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

// reference.md a.6: no facet-specific trial; the seed article's "particularly effective" claim is
// marketing, not evidence, and is deliberately not repeated.
export const facetJointPain: Condition = {
  id: 'facet-joint-pain',
  name: 'Facet joint pain',
  summary:
    'Pain from the small joints at the back of the spine, usually from wear with age. There is no simple test that proves the pain comes from these joints.',
  whatItIs: [
    'Each bone in your spine is linked to the next by a pair of small joints at the back, called facet joints. They guide how your back bends and twists. Like other joints, they can wear and get stiff as we age.',
    'When these joints are the source of pain, it is called facet joint pain. There is no reliable test in the clinic to show that pain comes from a facet joint. So it is often treated like other long-lasting low back pain.',
  ],
  commonSymptoms: [
    'Pain when you lean back or twist.',
    'Stiffness in the morning that eases as you get moving.',
    'An ache that can spread to the buttock or the back of the thigh.',
    'Pain that is often on one side more than the other.',
  ],
  howAcupunctureMayHelp: [
    'We found no trials of acupuncture for facet joint pain on its own. You may read that acupuncture is especially good for it. That claim is not backed by research.',
    'Trials of long-lasting low back pain, which will have included people with facet joint pain, found a small benefit. So acupuncture may ease pain a little as part of a wider plan with movement and exercise.',
  ],
  acupunctureEvidence: {
    grade: 'very-low',
    headline:
      'No trials of facet joint pain on its own; a small benefit is known only from trials of long-lasting low back pain.',
    guidelines: [
      ACP_CHRONIC,
      NICE_NG59,
      {
        source: 'Cochrane 2020',
        says: 'The review covered chronic low back pain with no clear cause, not facet joint pain on its own. It found a small benefit, with low certainty.',
      },
    ],
    disagreement: describeShamDisagreement(
      'No study has looked at facet joint pain by itself, so any claim that acupuncture works especially well for it goes beyond the evidence.',
    ),
  },
  whatToExpect: [FIRST_VISIT_TEXT, SESSION_TEXT, CHRONIC_COURSE_TEXT],
  whenToSeeADoctor: [...CAUDA_EQUINA_ADVICE, ...SERIOUS_CAUSE_ADVICE, NOT_IMPROVING_ADVICE],
  codes: {
    // reference.md a.6: no specific code; usually spondylosis codes (verify local policy).
    icd10cm: [
      {
        code: 'M47.816',
        display: 'Spondylosis without myelopathy or radiculopathy, lumbar region',
        verified: false,
      },
      {
        code: 'M47.817',
        display: 'Spondylosis without myelopathy or radiculopathy, lumbosacral region',
        verified: false,
      },
    ],
    snomed: [],
  },
  references: [REFERENCES.acp2017, REFERENCES.niceNg59, REFERENCES.cochrane2020],
  ...REVIEW,
  relatedArticles: ['what-the-evidence-says', 'how-a-course-works', 'dry-needling-and-acupuncture'],
  relatedConditions: [
    'lumbar-spondylosis-osteoarthritis',
    'nonspecific-low-back-pain',
    'degenerative-disc-disease',
  ],
};
