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

// reference.md a.4: as for sciatica; a large central herniation is the usual cause of cauda equina syndrome.
export const lumbarDiscHerniation: Condition = {
  id: 'lumbar-disc-herniation',
  name: 'Slipped (herniated) disc in the lower back',
  summary:
    'Part of a disc between two bones of the spine bulges out and may press on a nerve. Many bulges shrink on their own over a few months.',
  whatItIs: [
    'Between the bones of your spine are discs. Each disc is a tough ring with a soft, jelly-like centre. It works like a cushion. Sometimes part of the disc pushes out past its normal edge. People call this a slipped disc, but the disc does not really slip. Doctors say herniated or prolapsed.',
    'A bulging disc does not always cause pain. Many people have one on a scan and feel nothing. When it does press on a nerve, it can cause sciatica, which is pain down the leg. The body often shrinks the bulge over months.',
    'Rarely, a large bulge presses on the bundle of nerves at the bottom of the spine. This is called cauda equina syndrome. It is an emergency. The signs are listed below.',
  ],
  commonSymptoms: [
    'Back pain that often starts suddenly.',
    'Pain that is worse when you sit, bend, cough or sneeze.',
    'Pain, tingling or numbness going down one leg.',
    'Sometimes weakness in the leg or foot.',
  ],
  howAcupunctureMayHelp: [
    'A 2024 trial tested acupuncture in people with long-lasting sciatica caused by a disc. Real acupuncture eased leg pain more than fake (sham) acupuncture, and people could do more day to day. This is one trial, so the evidence is still limited.',
    'Acupuncture may help with pain while the disc settles. It does not push the disc back or repair it.',
  ],
  acupunctureEvidence: {
    grade: 'low',
    headline: 'Low evidence, mainly from one good trial, that acupuncture may ease leg pain from a disc.',
    guidelines: [
      {
        source: 'Tu 2024',
        says: 'For long-lasting sciatica from a herniated disc, 10 sessions of real acupuncture over 4 weeks eased leg pain more than sham acupuncture.',
      },
      NICE_NG59,
    ],
    disagreement: describeShamDisagreement(
      'NICE advises against acupuncture for back pain with or without sciatica, including sciatica from a disc. Its advice came before the 2024 trial.',
    ),
  },
  whatToExpect: [
    FIRST_VISIT_TEXT,
    SESSION_TEXT,
    CHRONIC_COURSE_TEXT,
    'We ask about the emergency warning signs at every visit, because a disc can change.',
  ],
  whenToSeeADoctor: [...CAUDA_EQUINA_ADVICE, ...SERIOUS_CAUSE_ADVICE, NOT_IMPROVING_ADVICE],
  codes: {
    icd10cm: [
      {
        code: 'M51.26',
        display: 'Other intervertebral disc displacement, lumbar region',
        verified: true,
      },
      {
        code: 'M51.27',
        display: 'Other intervertebral disc displacement, lumbosacral region',
        verified: true,
      },
      {
        code: 'M51.16',
        display: 'Intervertebral disc disorders with radiculopathy, lumbar region',
        verified: true,
      },
      {
        code: 'M51.17',
        display: 'Intervertebral disc disorders with radiculopathy, lumbosacral region',
        verified: true,
      },
    ],
    snomed: [],
  },
  references: [REFERENCES.tu2024, REFERENCES.niceNg59, REFERENCES.girft2023],
  ...REVIEW,
  relatedArticles: ['when-back-pain-is-an-emergency', 'what-the-evidence-says', 'your-first-session'],
  relatedConditions: ['sciatica-radiculopathy', 'degenerative-disc-disease', 'lumbar-spinal-stenosis'],
};
