import type { Condition } from './condition.ts';
import { REFERENCES } from './references.ts';
import {
  CAUDA_EQUINA_ADVICE,
  describeShamDisagreement,
  FRAGILITY_FRACTURE_ADVICE,
  REVIEW,
  SERIOUS_CAUSE_ADVICE,
  SESSION_TEXT,
  THORACIC_PAIN_ADVICE,
} from './shared-wording.ts';

// reference.md a.12: not before medical assessment; later an adjunct, careful with lying face down.
// red-flags.md: minor_trauma_fragility is urgent, major_trauma is an emergency.
export const vertebralCompressionFracture: Condition = {
  id: 'vertebral-compression-fracture',
  name: 'Collapsed spine bone (vertebral compression fracture)',
  summary:
    'A bone in the spine gets squashed and partly collapses, most often because the bones have become thin. A doctor must check this before any acupuncture.',
  whatItIs: [
    'Your spine is made of a stack of bones called vertebrae. If the bones are thin and weak, which is called osteoporosis, one can crack and squash down after only a small strain. This can happen after a minor fall, lifting something, or even a hard cough.',
    'It is more likely in older people, after the menopause, and in people who take steroid tablets for a long time. Less often, a fracture follows a big accident, or happens because a bone has been weakened by another illness, such as cancer.',
    'A fracture needs a doctor to confirm it, usually with an X-ray or scan, and to look for the reason. That is why we do not treat suspected fractures until a doctor has checked you.',
  ],
  commonSymptoms: [
    'Sudden, severe pain in the middle of the back after a small fall, lift or cough.',
    'Pain that is worse when standing or walking and eases when lying down.',
    'Getting shorter, or the upper back becoming more rounded.',
    'Sometimes no clear trigger at all.',
  ],
  howAcupunctureMayHelp: [
    'Acupuncture does not heal a broken bone and is not a first step. First, a doctor needs to assess you and manage the fracture and the reason for it, such as thin bones.',
    'Later, once your doctor is happy, some people use acupuncture to help with lasting pain. If so, we take extra care with how you lie. We may avoid lying face down and use a side-lying position instead.',
  ],
  acupunctureEvidence: {
    grade: 'not-before-assessment',
    headline: 'A suspected fracture needs a medical assessment first; acupuncture is not a treatment for it.',
    guidelines: [
      {
        source: 'NICE NG59',
        says: 'Doctors should first rule out serious causes such as a fracture; for low back pain in general, NICE advises against acupuncture.',
      },
      {
        source: 'ACP 2017',
        says: 'The guideline is about back pain without a serious cause, so it does not apply to a fracture that has not yet been assessed.',
      },
    ],
    disagreement: describeShamDisagreement(
      'There is no research on acupuncture for spine fractures. Any later use would be for leftover pain, where the wider debate about low back pain applies.',
    ),
  },
  whatToExpect: [
    'If you think you may have this, please see a doctor before booking. Once a doctor has checked you and says it is safe, we start by assessing your pain, your health and how you move.',
    SESSION_TEXT,
    'We use gentle treatment, fewer needles and a comfortable position, often lying on your side. We check progress with short questionnaires and stop if it is not helping.',
  ],
  whenToSeeADoctor: [
    FRAGILITY_FRACTURE_ADVICE,
    ...SERIOUS_CAUSE_ADVICE.filter((advice) => advice !== FRAGILITY_FRACTURE_ADVICE),
    ...CAUDA_EQUINA_ADVICE,
    THORACIC_PAIN_ADVICE,
  ],
  codes: {
    icd10cm: [
      {
        code: 'M80.08XA',
        display:
          'Age-related osteoporosis with current pathological fracture, vertebra(e), initial encounter for fracture',
        verified: true,
      },
      {
        code: 'M48.56XA',
        display:
          'Collapsed vertebra, not elsewhere classified, lumbar region, initial encounter for fracture',
        verified: true,
      },
      // reference.md a.12: traumatic S32.0- and S22.0- codes are marked (verify).
      {
        code: 'S32.010A',
        display: 'Wedge compression fracture of first lumbar vertebra, initial encounter for closed fracture',
        verified: false,
      },
    ],
    snomed: [],
  },
  references: [REFERENCES.niceNg59, REFERENCES.acp2017, REFERENCES.finucane2020],
  ...REVIEW,
  relatedArticles: ['when-back-pain-is-an-emergency', 'your-first-session', 'faq'],
  relatedConditions: ['scoliosis-deformity', 'nonspecific-low-back-pain'],
};
