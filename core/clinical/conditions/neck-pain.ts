import type { Condition } from './condition.ts';
import { REFERENCES } from './references.ts';
import { FIRST_VISIT_TEXT, NOT_IMPROVING_ADVICE, REVIEW, SESSION_TEXT } from './shared-wording.ts';

// reference.md a.13: Cochrane (Trinh 2016) short-term benefit over sham (verify); not Medicare-covered;
// shoulder-top needling (GB21) is the commonest pneumothorax site (reference.md f).
export const neckPain: Condition = {
  id: 'neck-pain',
  name: 'Neck pain',
  summary:
    'Pain and stiffness in the neck and the tops of the shoulders, usually from the muscles and joints. Sometimes a nerve in the neck is irritated and pain spreads down the arm.',
  whatItIs: [
    'Most neck pain comes from the muscles, ligaments and small joints of the neck. Ligaments are strong bands that hold bones together. Long hours at a desk, sleeping awkwardly, stress or a sudden jolt can all set it off. It usually gets better within weeks.',
    'Sometimes a nerve root in the neck is pinched or irritated, often by a disc or by wear in the joints. A nerve root is where a nerve leaves the spine. This can send pain, tingling or numbness down the arm into the hand. Doctors call this cervical radiculopathy.',
  ],
  commonSymptoms: [
    'Pain and stiffness in the neck, often worse when you turn your head.',
    'Tight, sore muscles across the tops of the shoulders.',
    'Headaches that start at the back of the head.',
    'Sometimes pain, tingling or numbness down one arm.',
  ],
  howAcupunctureMayHelp: [
    'A Cochrane review from 2016 reported that acupuncture eased neck pain a little more than fake (sham) acupuncture in the short term. We have not yet checked its exact figures, and the benefit was short-lived.',
    'Acupuncture may help ease pain and muscle tightness so you can move more easily. It works best with gentle neck exercises and breaks from sitting.',
    'The tops of the shoulders sit just above the lungs. Needling there too deeply is the most common cause of a rare but serious problem, a punctured lung. That is why this area is needled shallowly and with great care, and why it helps to know the warning signs below.',
  ],
  acupunctureEvidence: {
    grade: 'low',
    headline: 'Low evidence of a small, short-term benefit for neck pain.',
    guidelines: [
      {
        source: 'Cochrane 2016 (neck)',
        says: 'Acupuncture eased neck pain a little more than sham acupuncture in the short term (figures still to be checked).',
      },
      {
        source: 'Medicare NCD 30.3.3',
        says: 'Medicare pays for acupuncture only for chronic low back pain, so it does not cover neck pain.',
      },
    ],
    disagreement:
      'The low back pain guidelines from NICE and the American College of Physicians do not cover the neck. The main review found a small benefit over sham that did not last long. So acupuncture is one option to try for neck pain, not a sure thing, and the research is thinner than for low back pain.',
  },
  whatToExpect: [
    FIRST_VISIT_TEXT,
    SESSION_TEXT,
    'We agree a short course with you and check how you are doing with short questionnaires. If it is not helping after a few sessions, we stop and talk about other options.',
  ],
  whenToSeeADoctor: [
    {
      // reference.md c, aftercare flag: pneumothorax after chest, upper-back or shoulder needling.
      text: 'New chest pain or shortness of breath in the hours or days after needling near your shoulders, upper back or chest.',
      urgency: 'emergency',
    },
    {
      text: 'The pain started after a serious accident, such as a car crash or a fall from a height.',
      urgency: 'emergency',
      redFlagId: 'major_trauma',
    },
    {
      // Not a canonical id: progressive neurological deficit in the arm (reference.md c, safer reading).
      text: 'Weakness in an arm or hand that is getting worse.',
      urgency: 'emergency',
    },
    {
      // Not a canonical id: signs that the spinal cord in the neck may be squeezed (needs clinician review).
      text: 'New clumsy hands, or walking that has become unsteady.',
      urgency: 'emergency',
    },
    {
      text: 'New trouble passing urine, leaking, or not feeling when your bladder is full.',
      urgency: 'emergency',
      redFlagId: 'bladder_change',
    },
    {
      text: 'Fever, chills or feeling generally unwell along with the neck pain.',
      urgency: 'urgent',
      redFlagId: 'fever',
    },
    {
      text: 'You have had cancer in the past, and now have new neck pain.',
      urgency: 'urgent',
      redFlagId: 'cancer_history',
    },
    {
      text: 'You are losing weight without trying.',
      urgency: 'soon',
      redFlagId: 'weight_loss',
    },
    {
      text: 'Constant pain that no position eases and that is worse at night.',
      urgency: 'soon',
      redFlagId: 'night_pain',
    },
    NOT_IMPROVING_ADVICE,
  ],
  codes: {
    icd10cm: [
      { code: 'M54.2', display: 'Cervicalgia', verified: true },
      { code: 'M54.12', display: 'Radiculopathy, cervical region', verified: true },
      {
        code: 'M47.812',
        display: 'Spondylosis without myelopathy or radiculopathy, cervical region',
        verified: true,
      },
      {
        code: 'S16.1XXA',
        display: 'Strain of muscle, fascia and tendon at neck level, initial encounter',
        verified: true,
      },
      {
        code: 'S13.4XXA',
        display: 'Sprain of ligaments of cervical spine, initial encounter',
        verified: true,
      },
    ],
    snomed: [{ code: '81680005', display: 'Neck pain', verified: true }],
  },
  references: [REFERENCES.trinh2016, REFERENCES.medicareNcd, REFERENCES.witt2009, REFERENCES.chen2018],
  ...REVIEW,
  relatedArticles: ['side-effects', 'aftercare', 'your-first-session'],
  relatedConditions: ['lumbar-spondylosis-osteoarthritis', 'degenerative-disc-disease'],
};
