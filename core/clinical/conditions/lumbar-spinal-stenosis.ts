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

// reference.md a.8: limited evidence; worsening weakness or bladder change needs referral.
export const lumbarSpinalStenosis: Condition = {
  id: 'lumbar-spinal-stenosis',
  name: 'Narrowing of the spinal canal (lumbar spinal stenosis)',
  summary:
    'The space for the nerves in the lower spine gets narrower, usually with age, and the nerves get squeezed. It typically causes leg pain or heaviness when walking that eases when you sit or lean forward.',
  whatItIs: [
    'Your spinal nerves run down a tunnel inside the bones of your spine, called the spinal canal. Smaller gaps on each side let nerves leave the spine. With age, thicker ligaments, worn joints and bulging discs can make these spaces narrower. This narrowing is called stenosis.',
    'It is most common after the age of 60. Standing up straight makes the space a little smaller, and bending forward opens it up. That is why many people feel better sitting down or leaning on a shopping cart.',
  ],
  commonSymptoms: [
    'Pain, heaviness, aching or tingling in the legs when you walk or stand for a while.',
    'Legs that feel better when you sit down or bend forward.',
    'Being able to walk less far than before.',
    'Lower back pain or stiffness.',
  ],
  howAcupunctureMayHelp: [
    'There is not much research on acupuncture for stenosis. Some people find it eases pain. It cannot widen the spinal canal.',
    'If you try acupuncture, it works best alongside exercise and advice from your doctor or physical therapist. We will keep checking for the warning signs listed below.',
  ],
  acupunctureEvidence: {
    grade: 'very-low',
    headline: 'Very little evidence for stenosis; acupuncture may ease symptoms for some people.',
    guidelines: [ACP_CHRONIC, NICE_NG59],
    disagreement: describeShamDisagreement(
      'There are few studies of acupuncture for stenosis itself, so it is hard to say how much it helps.',
    ),
  },
  whatToExpect: [
    FIRST_VISIT_TEXT,
    SESSION_TEXT,
    'Because stenosis is long-lasting, a course is often longer. We agree goals with you, such as how far you can walk, and check them with short questionnaires. If your legs get weaker or your bladder changes, we stop and send you to a doctor.',
  ],
  whenToSeeADoctor: [...CAUDA_EQUINA_ADVICE, ...SERIOUS_CAUSE_ADVICE, NOT_IMPROVING_ADVICE],
  codes: {
    icd10cm: [
      {
        code: 'M48.061',
        display: 'Spinal stenosis, lumbar region without neurogenic claudication',
        verified: true,
      },
      {
        code: 'M48.062',
        display: 'Spinal stenosis, lumbar region with neurogenic claudication',
        verified: true,
      },
      { code: 'M48.07', display: 'Spinal stenosis, lumbosacral region', verified: true },
      { code: 'M48.02', display: 'Spinal stenosis, cervical region', verified: true },
    ],
    snomed: [
      { code: '76107001', display: 'Spinal stenosis', verified: true },
      { code: '18347007', display: 'Spinal stenosis of lumbar region', verified: false },
    ],
  },
  references: [REFERENCES.acp2017, REFERENCES.niceNg59, REFERENCES.girft2023],
  ...REVIEW,
  relatedArticles: ['when-back-pain-is-an-emergency', 'how-a-course-works', 'what-the-evidence-says'],
  relatedConditions: ['lumbar-spondylosis-osteoarthritis', 'sciatica-radiculopathy', 'spondylolisthesis'],
};
