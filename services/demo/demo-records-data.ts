// Invented clinical stories for the demo clinic (CONTRACT.md §2). Any likeness to real people is
// chance. Points follow the back-pain prescriptions in reference.md (Cherkin 2009 and common
// protocols); each plan is checked against the patient's safety screen when it is loaded.
import type { ChartedTechnique, NeedleStimulation } from '#contracts/visit-notes.ts';
import type { PlannedSide } from '#core/clinical/safety/index.ts';

export type DemoPoint = {
  code: string;
  side: PlannedSide;
  technique: ChartedTechnique;
  stimulation: NeedleStimulation;
  depthMm: number | null;
  gaugeMm: number | null;
  retentionMinutes: number | null;
  needleCount: number;
  frequencyHz?: number;
  circuit?: string;
  note?: string;
};

export type CoursePatient = {
  patient: number;
  practitioner: number;
  /** ISO weekday of their weekly visit, and its local time. */
  weekday: number;
  time: string;
  durationCategory: 'acute' | 'subacute' | 'chronic';
  startBackBand: 'low' | 'medium' | 'high';
  goals: string;
  /** Pain 0–10 at sessions 1–6, and ODI % at the baseline and the week-2 review. */
  nprs: number[];
  odi: [number, number];
  subjective: string[];
  objective: string[];
  assessment: string;
  plan: string[];
  points: (session: number) => DemoPoint[];
  adverseEvents?: Record<number, AdverseEventSeed[]>;
  addenda?: Record<number, string[]>;
};

type AdverseEventSeed = {
  kind: 'bleeding-haematoma' | 'fainting-dizziness' | 'pain-at-site';
  severity: 'mild' | 'moderate' | 'severe';
  description: string;
  actionTaken: string;
};

const needle = (
  code: string,
  side: PlannedSide,
  depthMm: number,
  extra: Partial<DemoPoint> = {},
): DemoPoint => ({
  code,
  side,
  technique: 'acupuncture',
  stimulation: 'even',
  depthMm,
  gaugeMm: 0.25,
  retentionMinutes: 20,
  needleCount: side === 'bilateral' ? 2 : 1,
  ...extra,
});

const electro = (code: string, side: 'left' | 'right', circuit: string): DemoPoint =>
  needle(code, side, 25, {
    technique: 'electroacupuncture',
    stimulation: 'none',
    frequencyHz: 2,
    circuit,
    note: 'Dense-disperse 2/100 Hz, to comfortable tingling',
  });

export const DEMO_COURSE_PATIENTS: CoursePatient[] = [
  {
    patient: 1,
    practitioner: 1,
    weekday: 1,
    time: '10:00',
    durationCategory: 'chronic',
    startBackBand: 'medium',
    goals:
      'Sit through a working day without standing breaks every 20 minutes; play football with his children.',
    nprs: [7, 6, 6, 5, 5, 4],
    odi: [38, 30],
    subjective: [
      'Eight months of central low back ache, worse after sitting at his desk and on getting up in the morning. No leg pain, no numbness, bladder and bowel normal. Physiotherapy last spring helped a little. Sleeps 6 hours, wakes when turning.',
      'Sore for a day after the first session, then easier. Managed a full morning at his desk before needing to stand.',
      'Mornings clearly better. Still stiff after long meetings. Walked 30 minutes twice this week.',
      'Pain mostly 5/10. One bad day after carrying shopping; settled with heat and walking.',
      'Sleeping through most nights. Sitting tolerance about 45 minutes.',
      'Best week so far. Kicked a ball around with his son for 15 minutes without a flare.',
    ],
    objective: [
      'Flexion to mid-shin with pain at end range; extension limited and stiff. Tender over L4–L5 paraspinals both sides. Straight-leg raise negative both sides; reflexes and power normal.',
      'Flexion to mid-shin, less guarding. Paraspinal tenderness reduced on the right.',
      'Flexion to ankles. Extension improved. Mild tenderness L4–L5 left.',
      'Flexion to ankles, smooth. Tender left L5 paraspinal only.',
      'Full flexion with mild pull at end range. Minimal tenderness.',
      'Full, pain-free flexion and extension. No paraspinal tenderness.',
    ],
    assessment:
      'Chronic non-specific low back pain without red flags (STarT Back medium risk). Responding to treatment.',
    plan: [
      'Weekly acupuncture for the first block. Walking 20–30 minutes a day; stand every 30 minutes at work. Review scores at session 3.',
      'Continue weekly. Add gentle extension exercises.',
      'Week-2 review: ODI 38% → 30%, NPRS 7 → 6. Continue; add electroacupuncture to BL23/BL25.',
      'Continue weekly with electroacupuncture. Build walking to 40 minutes.',
      'Continue. Discuss spacing out after the week-6 review.',
      'Continue; week-6 review next visit with ODI.',
    ],
    points: (session) =>
      session <= 2
        ? [
            needle('BL23', 'bilateral', 25),
            needle('BL25', 'bilateral', 25),
            needle('GV4', 'midline', 15),
            needle('BL40', 'bilateral', 20),
            needle('GB34', 'bilateral', 25),
          ]
        : [
            electro('BL23', 'left', 'A'),
            electro('BL25', 'left', 'A'),
            electro('BL23', 'right', 'B'),
            electro('BL25', 'right', 'B'),
            needle('BL40', 'bilateral', 20),
            needle('GB34', 'bilateral', 25),
          ],
    adverseEvents: {
      2: [
        {
          kind: 'bleeding-haematoma',
          severity: 'mild',
          description: 'Small bruise (about 1 cm) at left BL40 after needle removal.',
          actionTaken: 'Pressure for one minute. Told it may take a week to fade; no follow-up needed.',
        },
      ],
    },
  },
  {
    patient: 2,
    practitioner: 2,
    weekday: 2,
    time: '10:00',
    durationCategory: 'chronic',
    startBackBand: 'high',
    goals: 'Sleep through the night; return to her weekly yoga class.',
    nprs: [8, 7, 7, 7, 6, 6],
    odi: [52, 44],
    subjective: [
      'Fourteen months of low back pain spreading into the right buttock and thigh, never below the knee. Worse at night; worried it means damage to the spine. Takes low-dose aspirin. Stopped yoga a year ago.',
      'Slept a little better two nights after treatment. Still anxious about bending.',
      'Some good days. Thigh pain less often. Read the aftercare leaflet on pain and movement.',
      'Flare after a long car journey; settled in two days. Less frightened by it than before.',
      'Sleeping 6 hours most nights. Tried two gentle yoga poses at home.',
      'Back at a beginners’ yoga class (modified). Pain 6/10 but “manageable”.',
    ],
    objective: [
      'Guarded flexion to knees. Right buttock tender over piriformis. Straight-leg raise right 70° with buttock pain, no neural signs; reflexes and sensation normal.',
      'Flexion to knees, less guarded. Buttock tenderness unchanged.',
      'Flexion to mid-shin. Piriformis less tender.',
      'Flexion to mid-shin. Mild right buttock tenderness.',
      'Flexion to ankles with mild pull.',
      'Flexion to ankles. Straight-leg raise 85° both sides, pain-free.',
    ],
    assessment:
      'Chronic low back pain with referred buttock and thigh pain, no radiculopathy (STarT Back high risk: fear and poor sleep). Antiplatelet: shallow needling, pressure after removal.',
    plan: [
      'Weekly acupuncture, needling no deeper than 10 mm (aspirin). Explained pain science; suggested psychologically informed physiotherapy alongside (NICE NG59).',
      'Continue weekly. Sleep routine; heat before bed.',
      'Week-2 review: ODI 52% → 44%. Continue; physiotherapy referral sent.',
      'Continue weekly. Pacing plan for long journeys.',
      'Continue. Encourage yoga with modifications.',
      'Continue; week-6 review next visit.',
    ],
    points: () => [
      needle('BL23', 'bilateral', 10),
      needle('BL25', 'bilateral', 10),
      needle('BL54', 'right', 10),
      needle('GB30', 'right', 10),
      needle('BL40', 'bilateral', 8),
      needle('KI3', 'bilateral', 5),
    ],
    addenda: {
      4: ['Patient phoned two days later: soreness at BL23 lasted one day and settled. No bruising.'],
    },
  },
  {
    patient: 3,
    practitioner: 1,
    weekday: 3,
    time: '11:00',
    durationCategory: 'chronic',
    startBackBand: 'medium',
    goals: 'Walk two miles to the allotment and back; garden for an hour.',
    nprs: [6, 6, 5, 5, 4, 4],
    odi: [34, 26],
    subjective: [
      'Years of low back stiffness, worse in the last five months; aching across the low back after standing 20 minutes. Has a pacemaker (2019). Walks with the dog daily but shorter distances.',
      'No change yet. Slept well after the session.',
      'Standing longer at the sink. Walked a mile without stopping.',
      'Gardened for 30 minutes; sore next day, recovered.',
      'Walked to the allotment and back once (about 1.5 miles).',
      'Pain 4/10 most days. Gardening an hour with breaks.',
    ],
    objective: [
      'Reduced lumbar lordosis, flexion to knees, extension 30% of normal with ache. Tender L3–S1 paraspinals. Neuro screen normal.',
      'Unchanged range.',
      'Extension a little easier. Tenderness reduced.',
      'Flexion to mid-shin.',
      'Flexion to mid-shin, extension 50%.',
      'Flexion to mid-shin, extension 50%, minimal tenderness.',
    ],
    assessment:
      'Chronic low back pain with degenerative changes (imaging by GP), no red flags. Pacemaker: manual needling only, never electroacupuncture or TENS.',
    plan: [
      'Weekly manual acupuncture. Walking in shorter, more frequent bouts.',
      'Continue weekly.',
      'Week-2 review: ODI 34% → 26%. Continue.',
      'Continue; gardening in 20-minute blocks.',
      'Continue.',
      'Continue; week-6 review next visit.',
    ],
    points: () => [
      needle('BL23', 'bilateral', 25),
      needle('BL25', 'bilateral', 25),
      needle('BL40', 'bilateral', 20),
      needle('BL57', 'bilateral', 25),
      needle('GB30', 'bilateral', 50, { gaugeMm: 0.3 }),
    ],
  },
  {
    patient: 4,
    practitioner: 3,
    weekday: 4,
    time: '09:30',
    durationCategory: 'subacute',
    startBackBand: 'low',
    goals: 'Keep working until maternity leave; sleep without waking from back pain.',
    nprs: [6, 5, 4, 4, 3, 2],
    odi: [30, 18],
    subjective: [
      'Pregnant, 18 weeks at first visit, second pregnancy, uncomplicated; midwife aware. Eight weeks of low back and right pelvic pain, worse turning in bed and on stairs.',
      'Turning in bed easier. Midwife happy.',
      'Stairs less painful. Working full days.',
      'Stable. Using a pillow between the knees at night.',
      'Sleeping through most nights.',
      'Only mild ache at the end of the day.',
    ],
    objective: [
      'Pain provocation over the right sacroiliac joint; active straight-leg raise mildly heavy on the right. Lumbar range full.',
      'Right SIJ less tender.',
      'Active straight-leg raise normal.',
      'Mild right SIJ tenderness only.',
      'No provocation pain.',
      'No provocation pain; full function.',
    ],
    assessment:
      'Pregnancy-related low back and pelvic girdle pain (subacute, STarT Back low risk). Pregnancy: lumbosacral and traditionally forbidden points avoided; no electroacupuncture.',
    plan: [
      'Weekly acupuncture with distal and upper points only. Pelvic support advice; pillow between the knees.',
      'Continue weekly.',
      'Week-2 review: ODI 30% → 18%. Continue.',
      'Continue.',
      'Continue; plan to space out after review.',
      'Spaced-out visits next; midwife informed.',
    ],
    points: () => [
      needle('BL40', 'bilateral', 15),
      needle('GB34', 'bilateral', 20),
      needle('BL57', 'bilateral', 15),
      needle('KI3', 'bilateral', 5),
      needle('GV20', 'midline', 5, { retentionMinutes: 15 }),
    ],
  },
  {
    patient: 5,
    practitioner: 2,
    weekday: 4,
    time: '14:00',
    durationCategory: 'chronic',
    startBackBand: 'medium',
    goals: 'Drive two hours to visit his grandchildren without stopping.',
    nprs: [7, 7, 6, 6, 6, 5],
    odi: [42, 40],
    subjective: [
      'Two years of low back pain, worse driving and standing. Type 2 diabetes (well controlled). Has fainted at blood tests in the past.',
      'Light-headed during the first session (see adverse events); fine afterwards. Pain unchanged.',
      'Slightly better after long drives.',
      'Drove 90 minutes with one stop.',
      'No real change this week; busy at work.',
      'Drove to his daughter’s (2 hours) with one short stop.',
    ],
    objective: [
      'Flexion to knees; tender L4–S1 paraspinals. Neuro screen normal; foot skin intact.',
      'Unchanged.',
      'Flexion to mid-shin.',
      'Flexion to mid-shin.',
      'Flexion to mid-shin.',
      'Flexion to ankles.',
    ],
    assessment:
      'Chronic non-specific low back pain (STarT Back medium). Fainting history: treat lying down. Diabetes: check skin, clean technique.',
    plan: [
      'Weekly acupuncture, always lying down, first needles few and gentle.',
      'Continue lying prone; fewer needles to start.',
      'Week-2 review: ODI 42% → 40%, no meaningful change yet. Continue and review at week 6; consider stopping if still no change.',
      'Continue.',
      'Continue.',
      'Week-6 review next visit: decide whether to continue.',
    ],
    points: (session) => [
      needle('BL23', 'bilateral', 25),
      needle('BL25', 'bilateral', 25),
      needle('BL40', 'bilateral', 20),
      ...(session >= 2 ? [needle('GB30', 'bilateral', 45, { gaugeMm: 0.3 })] : []),
      needle('ST36', 'bilateral', 25),
    ],
    adverseEvents: {
      1: [
        {
          kind: 'fainting-dizziness',
          severity: 'mild',
          description: 'Light-headed and pale 8 minutes after insertion; did not lose consciousness.',
          actionTaken:
            'All needles removed and counted, legs raised, water given; recovered in 5 minutes. Treat lying down.',
        },
      ],
    },
  },
];

export type VisitText = {
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  aftercare: string;
  points: DemoPoint[];
  adverseEvents?: AdverseEventSeed[];
  addenda?: string[];
};

const AFTERCARE =
  'You may feel tired or a little sore tonight; that usually passes within a day. Keep moving gently and drink water. Call us if a bruise grows or anything worries you.';

export function describeVisit(p: CoursePatient, session: number): VisitText {
  const i = session - 1;
  return {
    subjective: p.subjective[i] ?? '',
    objective: p.objective[i] ?? '',
    assessment: p.assessment,
    plan: p.plan[i] ?? '',
    aftercare: AFTERCARE,
    points: p.points(session),
    ...(p.adverseEvents?.[session] ? { adverseEvents: p.adverseEvents[session] } : {}),
    ...(p.addenda?.[session] ? { addenda: p.addenda[session] } : {}),
  };
}

/** Today's (or the next weekday's) list: course visits to write up, and new patients. */
export const DEMO_DAY_LIST = [
  { patient: 1, practitioner: 1, type: 'follow-up', time: '09:00' },
  { patient: 3, practitioner: 1, type: 'follow-up', time: '10:00' },
  { patient: 10, practitioner: 1, type: 'initial-consultation', time: '11:00' },
  { patient: 7, practitioner: 1, type: 'maintenance', time: '14:00' },
  { patient: 2, practitioner: 2, type: 'follow-up', time: '09:30' },
  { patient: 5, practitioner: 2, type: 'follow-up', time: '11:00' },
  { patient: 9, practitioner: 2, type: 'initial-consultation', time: '15:00' },
  { patient: 4, practitioner: 3, type: 'follow-up', time: '10:00' },
  { patient: 8, practitioner: 3, type: 'initial-consultation', time: '13:00' },
] as const;

/** Four weeks ahead (weekday of that week): spaced-out course visits and two new patients. */
export const DEMO_UPCOMING = [
  { patient: 1, practitioner: 1, type: 'follow-up', weekday: 1, time: '10:00' },
  { patient: 2, practitioner: 2, type: 'follow-up', weekday: 2, time: '10:00' },
  { patient: 3, practitioner: 1, type: 'follow-up', weekday: 3, time: '11:00' },
  { patient: 4, practitioner: 3, type: 'follow-up', weekday: 4, time: '09:30' },
  { patient: 5, practitioner: 2, type: 'follow-up', weekday: 4, time: '14:00' },
  { patient: 14, practitioner: 1, type: 'initial-consultation', weekday: 2, time: '14:00' },
  { patient: 13, practitioner: 3, type: 'initial-consultation', weekday: 3, time: '15:00' },
] as const;

const NO_SAFETY_ISSUES = {
  pregnancy: 'no',
  anticoagulants: ['none'],
  implants: ['none'],
  skinConditions: ['none'],
  bleedingDisorder: 'no',
  lowPlatelets: 'no',
  epilepsy: 'no',
  needlePhobia: 'no',
  faintingHistory: 'no',
  metalAllergy: 'no',
};
const CONSENT = { consentToTreatment: 'yes', consentToDataProcessing: 'yes' };

/** Intake forms in the patient side's shape (contracts/intake.ts); patient 10 has none yet. */
export const DEMO_INTAKES: { patient: number; complete: boolean; answers: Record<string, unknown> }[] = [
  {
    patient: 1,
    complete: true,
    answers: {
      about: {
        painAreas: ['lower-back'],
        howLong: 'over-12-weeks',
        painStory: 'Ache across my lower back since a house move in the spring; worst after sitting.',
        goals: 'Sit through work; play football with my kids.',
      },
      health: { medicines: 'Ibuprofen now and then', allergies: 'None' },
      safety: NO_SAFETY_ISSUES,
      consent: CONSENT,
    },
  },
  {
    patient: 2,
    complete: true,
    answers: {
      about: {
        painAreas: ['lower-back', 'buttock', 'thigh'],
        howLong: 'over-12-weeks',
        painStory: 'Back pain going into my right buttock and thigh. It wakes me at night.',
        goals: 'Sleep through the night and go back to yoga.',
      },
      health: { medicines: 'Aspirin 75 mg daily', otherConditions: 'High blood pressure (treated)' },
      safety: { ...NO_SAFETY_ISSUES, anticoagulants: ['antiplatelet'] },
      consent: CONSENT,
    },
  },
  {
    patient: 3,
    complete: true,
    answers: {
      about: {
        painAreas: ['lower-back'],
        howLong: 'over-12-weeks',
        painStory: 'Stiff, aching lower back for years; worse since the summer.',
        goals: 'Walk to the allotment and garden again.',
      },
      health: { operations: 'Pacemaker fitted 2019', medicines: 'Bisoprolol, atorvastatin' },
      safety: { ...NO_SAFETY_ISSUES, implants: ['pacemaker'] },
      where: { 'implant-pacemaker': ['chest'] },
      consent: CONSENT,
    },
  },
  {
    patient: 4,
    complete: true,
    answers: {
      about: {
        painAreas: ['lower-back', 'buttock'],
        howLong: '6-to-12-weeks',
        painStory: 'Low back and right hip pain since about 10 weeks pregnant.',
        goals: 'Keep working and sleep better.',
      },
      health: { medicines: 'Pregnancy vitamins' },
      safety: { ...NO_SAFETY_ISSUES, pregnancy: 'yes', trimester: '2' },
      consent: CONSENT,
    },
  },
  {
    patient: 5,
    complete: true,
    answers: {
      about: {
        painAreas: ['lower-back'],
        howLong: 'over-12-weeks',
        painStory: 'Low back pain for two years, worst when driving.',
        goals: 'Drive to see my grandchildren.',
      },
      health: { otherConditions: 'Type 2 diabetes', medicines: 'Metformin' },
      safety: { ...NO_SAFETY_ISSUES, faintingHistory: 'yes', diabetes: 'yes' },
      consent: CONSENT,
    },
  },
  {
    patient: 7,
    complete: true,
    answers: {
      about: {
        painAreas: ['neck', 'upper-back'],
        howLong: 'over-12-weeks',
        goals: 'Stay well between flare-ups.',
      },
      health: {},
      safety: NO_SAFETY_ISSUES,
      consent: CONSENT,
    },
  },
  {
    patient: 8,
    complete: true,
    answers: {
      about: {
        painAreas: ['lower-back'],
        howLong: 'under-6-weeks',
        painStory: 'Hurt my back lifting a box.',
      },
      health: { allergies: 'Nickel (earrings)' },
      safety: { ...NO_SAFETY_ISSUES, metalAllergy: 'yes' },
      consent: CONSENT,
    },
  },
  {
    patient: 9,
    complete: false,
    answers: { about: { painAreas: ['lower-back'], howLong: '6-to-12-weeks' } },
  },
];
