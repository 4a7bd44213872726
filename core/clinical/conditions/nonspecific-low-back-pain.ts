import type { Condition } from './condition.ts';
import { REFERENCES } from './references.ts';
import {
  ACP_ACUTE,
  ACP_CHRONIC,
  CAUDA_EQUINA_ADVICE,
  CHRONIC_COURSE_TEXT,
  COCHRANE_2020,
  describeShamDisagreement,
  FIRST_VISIT_TEXT,
  NCCIH,
  NICE_NG59,
  NOT_IMPROVING_ADVICE,
  REVIEW,
  SERIOUS_CAUSE_ADVICE,
  SESSION_TEXT,
} from './shared-wording.ts';

// reference.md a.2 and b: the best-studied indication for acupuncture; chronic after ~3 months.
export const nonspecificLowBackPain: Condition = {
  id: 'nonspecific-low-back-pain',
  name: 'Low back pain (non-specific)',
  summary:
    'Pain in the lower back where no single cause can be found. It is the most common kind of back pain, and it is called chronic once it has lasted about three months.',
  whatItIs: [
    'This is pain between the bottom of your ribs and the creases at the top of your legs. "Non-specific" means that tests do not point to one cause, such as a trapped nerve or a broken bone. Most back pain is this kind.',
    'It is not a sign that your back is damaged. Scans often show changes that many people without pain also have. New pain usually gets a lot better within a few weeks. When it lasts longer than about three months, doctors call it chronic (long-lasting) low back pain.',
    'Chronic back pain can be worse when you are stressed, tired or worried. That does not mean the pain is "in your head". It means the nervous system, which carries pain signals, can become more sensitive over time.',
  ],
  commonSymptoms: [
    'An ache in the lower back that changes with movement or position.',
    'Stiffness, often after sitting or in the morning.',
    'Pain that may spread into the buttock or the back of the thigh, but not below the knee.',
    'Muscle tightness or spasm.',
    'Good days and bad days.',
  ],
  howAcupunctureMayHelp: [
    'Long-lasting low back pain is the problem that acupuncture has been studied most for. In large trials, people who had acupuncture had a bit less pain and could do a bit more than people with usual care alone.',
    'One US trial had 638 adults. About 60 in 100 people who had acupuncture could clearly do more day to day, compared with 39 in 100 with usual care. But people who had fake acupuncture did about as well as those who had real needles. The fake version used a toothpick that did not break the skin.',
    'So acupuncture may help, and the help is usually modest. It works best as one part of a plan that includes staying active and exercise. It is not a cure.',
  ],
  acupunctureEvidence: {
    grade: 'moderate',
    headline: 'Moderate evidence of a small benefit for chronic low back pain.',
    guidelines: [
      ACP_CHRONIC,
      ACP_ACUTE,
      NICE_NG59,
      COCHRANE_2020,
      NCCIH,
      {
        source: 'Medicare NCD 30.3.3',
        says: 'Medicare in the US pays for acupuncture for chronic low back pain with no known cause. It covers up to 12 visits in 90 days, and up to 20 a year if you improve.',
      },
    ],
    disagreement: describeShamDisagreement(
      'For new back pain, the evidence is weaker, and most people get better anyway. For long-lasting pain, the Cochrane review rates the evidence as low certainty, while the American College of Physicians rates it as moderate.',
    ),
  },
  whatToExpect: [
    FIRST_VISIT_TEXT,
    SESSION_TEXT,
    CHRONIC_COURSE_TEXT,
    'For new back pain, a few sessions may be enough, alongside gentle activity. If you are not improving after several sessions, we will talk about other options or a check with your doctor.',
  ],
  whenToSeeADoctor: [...CAUDA_EQUINA_ADVICE, ...SERIOUS_CAUSE_ADVICE, NOT_IMPROVING_ADVICE],
  codes: {
    icd10cm: [
      // reference.md a: M54.5 is invalid since 1 October 2021; use M54.50 or M54.59.
      { code: 'M54.50', display: 'Low back pain, unspecified', verified: true },
      { code: 'M54.59', display: 'Other low back pain', verified: true },
    ],
    snomed: [
      { code: '279039007', display: 'Low back pain', verified: true },
      { code: '278860009', display: 'Chronic low back pain', verified: true },
      { code: '161891005', display: 'Backache', verified: true },
    ],
  },
  references: [
    REFERENCES.acp2017,
    REFERENCES.niceNg59,
    REFERENCES.cochrane2020,
    REFERENCES.cochrane2005,
    REFERENCES.manheimer2005,
    REFERENCES.vickers2018,
    REFERENCES.nccih,
    REFERENCES.gerac2007,
    REFERENCES.cherkin2009,
    REFERENCES.brinkhaus2006,
    REFERENCES.medicareNcd,
  ],
  ...REVIEW,
  relatedArticles: [
    'what-the-evidence-says',
    'how-a-course-works',
    'your-first-session',
    'when-back-pain-is-an-emergency',
  ],
  relatedConditions: ['lumbar-strain-sprain', 'degenerative-disc-disease', 'facet-joint-pain'],
};
