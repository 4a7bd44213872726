import type { Condition } from './condition.ts';
import { REFERENCES } from './references.ts';
import {
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

// reference.md a.3 and b (Tu 2024); NICE NG59's "do not offer" covers sciatica. Screen hard for
// cauda equina symptoms (reference.md a.3, c).
export const sciaticaRadiculopathy: Condition = {
  id: 'sciatica-radiculopathy',
  name: 'Sciatica (nerve root pain)',
  summary:
    'Pain that travels down the leg because a nerve in the lower back is irritated or squeezed, most often by a disc. The leg often hurts more than the back.',
  whatItIs: [
    'Nerves leave your spine through small gaps between the bones. Where a nerve leaves the spine is called the nerve root. If something presses on a root or irritates it, pain can shoot along the path of that nerve into the leg. Doctors call this radiculopathy. Sciatica is the everyday name.',
    'The most common cause is a disc that bulges out and touches the nerve. Discs are the soft cushions between the bones of your spine. Many people with sciatica get better over weeks to months as the disc settles.',
  ],
  commonSymptoms: [
    'Pain going down one leg, often below the knee and sometimes into the foot.',
    'Leg pain that is worse than the back pain.',
    'Tingling, pins and needles or numbness in part of the leg or foot.',
    'Pain when you cough, sneeze or lift your straight leg.',
    'Sometimes some weakness in the leg or foot.',
  ],
  howAcupunctureMayHelp: [
    'A trial published in 2024 tested acupuncture in 216 people who had sciatica from a disc for a long time. People who had 10 real acupuncture sessions over 4 weeks had clearly less leg pain than people who had fake (sham) acupuncture. Their daily activities improved more too, and the benefit lasted a year. No one had a serious side effect.',
    'That is one good trial, not many, so we cannot be sure yet. Acupuncture may ease the pain while the nerve settles. It cannot move a disc back into place.',
  ],
  acupunctureEvidence: {
    grade: 'low',
    headline: 'Low evidence, mainly from one good trial, that acupuncture may ease long-lasting sciatica.',
    guidelines: [
      {
        source: 'Tu 2024',
        says: 'In a trial of 216 people with long-lasting sciatica from a disc, real acupuncture eased leg pain more than sham acupuncture. The benefit lasted a year.',
      },
      NICE_NG59,
    ],
    disagreement: describeShamDisagreement(
      'NICE advises against acupuncture for sciatica as well as for back pain. Its advice came before the 2024 trial, which found real needling did better than sham for leg pain from a disc.',
    ),
  },
  whatToExpect: [
    FIRST_VISIT_TEXT,
    SESSION_TEXT,
    CHRONIC_COURSE_TEXT,
    'At every visit we ask again about the warning signs below, because they can appear at any time.',
  ],
  whenToSeeADoctor: [...CAUDA_EQUINA_ADVICE, ...SERIOUS_CAUSE_ADVICE, NOT_IMPROVING_ADVICE],
  codes: {
    icd10cm: [
      { code: 'M54.30', display: 'Sciatica, unspecified side', verified: true },
      { code: 'M54.31', display: 'Sciatica, right side', verified: true },
      { code: 'M54.32', display: 'Sciatica, left side', verified: true },
      { code: 'M54.40', display: 'Lumbago with sciatica, unspecified side', verified: true },
      { code: 'M54.41', display: 'Lumbago with sciatica, right side', verified: true },
      { code: 'M54.42', display: 'Lumbago with sciatica, left side', verified: true },
      { code: 'M54.16', display: 'Radiculopathy, lumbar region', verified: true },
      { code: 'M54.17', display: 'Radiculopathy, lumbosacral region', verified: true },
      // reference.md a.3: disc-caused sciatica goes to M51.1- (verify the Excludes1 note).
      {
        code: 'M51.16',
        display: 'Intervertebral disc disorders with radiculopathy, lumbar region (when a disc is the cause)',
        verified: false,
      },
      {
        code: 'M51.17',
        display:
          'Intervertebral disc disorders with radiculopathy, lumbosacral region (when a disc is the cause)',
        verified: false,
      },
    ],
    snomed: [{ code: '23056005', display: 'Sciatica', verified: true }],
  },
  references: [REFERENCES.tu2024, REFERENCES.niceNg59, REFERENCES.girft2023],
  ...REVIEW,
  relatedArticles: ['when-back-pain-is-an-emergency', 'what-the-evidence-says', 'electroacupuncture'],
  relatedConditions: ['lumbar-disc-herniation', 'lumbar-spinal-stenosis', 'nonspecific-low-back-pain'],
};
