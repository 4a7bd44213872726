import type { DoctorAdvice, GuidelineStatement, SignOffStatus } from './condition.ts';

// Wording that several condition entries share, so one correction reaches every page.

// reference.md README: patient-facing wording needs clinician sign-off; no reviewer is invented.
export const REVIEW = {
  reviewedOn: '2026-11-25',
  reviewer: 'Backpoint clinical content team',
  signOffStatus: 'awaiting-clinician-sign-off' satisfies SignOffStatus,
} as const;

// reference.md b: ACP 2017 recommendation 2 (chronic), moderate-quality group.
export const ACP_CHRONIC: GuidelineStatement = {
  source: 'ACP 2017',
  says: 'For back pain that has lasted more than 12 weeks, try treatments without drugs first. Acupuncture is one of them, backed by moderate-quality evidence.',
};

// reference.md b: ACP 2017 recommendation 1 (acute/subacute), low-quality evidence.
export const ACP_ACUTE: GuidelineStatement = {
  source: 'ACP 2017',
  says: 'Most new back pain gets better on its own. If you want treatment, try heat first, or massage, acupuncture or spinal manipulation, though the evidence for these is low quality.',
};

// reference.md b: NICE NG59 "do not offer acupuncture" for low back pain with or without sciatica.
export const NICE_NG59: GuidelineStatement = {
  source: 'NICE NG59',
  says: 'Do not offer acupuncture for low back pain, with or without sciatica.',
};

// reference.md b: Cochrane 2020 (Mu et al.), low certainty, below the clinically important threshold.
export const COCHRANE_2020: GuidelineStatement = {
  source: 'Cochrane 2020',
  says: 'For chronic low back pain, acupuncture eased pain a little more than fake (sham) acupuncture or usual care. The difference was smaller than most people would notice, and the certainty is low.',
};

// reference.md b: NCCIH summary.
export const NCCIH: GuidelineStatement = {
  source: 'NCCIH',
  says: 'Acupuncture may help chronic low back pain (low- to moderate-quality evidence). The evidence for new back pain is weaker. It is safe when done properly.',
};

/**
 * The NICE/ACP disagreement in plain words (reference.md b, "The disagreement, honestly").
 * Every low back entry carries it, after any condition-specific opening.
 */
export function describeShamDisagreement(opening: string): string {
  return `${opening} Experts agree that, for long-lasting low back pain, people who have acupuncture do a little better than people who have usual care or none. They disagree about what that means. In trials, real acupuncture and fake (sham) acupuncture often work about as well as each other. NICE in the UK reads this as no special effect of the needles, so it advises against acupuncture. US experts, including the American College of Physicians, weigh things differently. They count the real-life benefit and the low risk. They also point out that sham needling is not a true "nothing". We think you should know both views.`;
}

// red-flags.md: cauda equina syndrome signs are each an emergency on their own (GIRFT 2023 pathway).
export const CAUDA_EQUINA_ADVICE: DoctorAdvice[] = [
  {
    text: 'Numbness or tingling between your legs, around your bottom or genitals (for example when you wipe).',
    urgency: 'emergency',
    redFlagId: 'saddle_numbness',
  },
  {
    text: 'New trouble passing urine, leaking, or not feeling when your bladder is full.',
    urgency: 'emergency',
    redFlagId: 'bladder_change',
  },
  {
    text: 'New loss of bowel control, or not feeling when you need to open your bowels.',
    urgency: 'emergency',
    redFlagId: 'bowel_change',
  },
  {
    text: 'New numbness of the genitals, or new problems with erections or ejaculation.',
    urgency: 'emergency',
    redFlagId: 'sexual_change',
  },
  {
    text: 'New pain, numbness, tingling or weakness going down both legs.',
    urgency: 'emergency',
    redFlagId: 'bilateral_leg_symptoms',
  },
  {
    text: 'A leg or foot that is getting weaker, so you trip or drag your foot.',
    urgency: 'emergency',
    redFlagId: 'progressive_weakness',
  },
];

// red-flags.md: minor_trauma_fragility is urgent (possible osteoporotic fracture).
export const FRAGILITY_FRACTURE_ADVICE: DoctorAdvice = {
  text: 'Sudden pain after a small fall, a lift or even a cough, if you have thin bones (osteoporosis) or take steroid tablets long term.',
  urgency: 'urgent',
  redFlagId: 'minor_trauma_fragility',
};

// red-flags.md: flags that point to a serious cause other than cauda equina.
export const SERIOUS_CAUSE_ADVICE: DoctorAdvice[] = [
  {
    text: 'The pain started after a serious accident, such as a car crash or a fall from a height.',
    urgency: 'emergency',
    redFlagId: 'major_trauma',
  },
  FRAGILITY_FRACTURE_ADVICE,
  {
    text: 'Sudden, severe pain spreading to your belly, a throbbing feeling in your belly, or feeling faint.',
    urgency: 'emergency',
    redFlagId: 'aortic_symptoms',
  },
  {
    text: 'Fever, chills or feeling generally unwell along with the back pain.',
    urgency: 'urgent',
    redFlagId: 'fever',
  },
  {
    text: 'You inject drugs, have a weak immune system, or recently had an operation, an injection in your spine, or an infection.',
    urgency: 'soon',
    redFlagId: 'infection_risk',
  },
  {
    text: 'You have had cancer in the past, and now have new back pain.',
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
];

// red-flags.md: inflammatory_pattern (possible axial spondyloarthritis) is soon.
export const INFLAMMATORY_PATTERN_ADVICE: DoctorAdvice = {
  text: 'Back pain that began before age 40, with over half an hour of stiffness each morning. It eases as you move and wakes you late in the night.',
  urgency: 'soon',
  redFlagId: 'inflammatory_pattern',
};

// red-flags.md: thoracic_pain (possible non-mechanical cause) is soon.
export const THORACIC_PAIN_ADVICE: DoctorAdvice = {
  text: 'Pain mainly in the upper or middle back, between the shoulder blades.',
  urgency: 'soon',
  redFlagId: 'thoracic_pain',
};

// reference.md c: "no improvement at all after 4–6 weeks" is proposed, not a canonical red flag.
export const NOT_IMPROVING_ADVICE: DoctorAdvice = {
  text: 'No improvement at all after 4 to 6 weeks.',
  urgency: 'soon',
};

// reference.md h: the clinic's session facts, shared by every entry's "what to expect".
export const FIRST_VISIT_TEXT =
  'Your first visit starts with an assessment. Your practitioner asks about your pain, your health and your daily life, and checks how you move, bend and how strong your legs are. Then you agree a plan together.';
export const SESSION_TEXT =
  'In a session, very thin, sterile, single-use needles go into chosen points. They usually stay in for about 20 to 30 minutes while you lie still and rest. Many people feel a dull ache or tingle, and some feel sleepy afterwards.';
export const CHRONIC_COURSE_TEXT =
  'For pain that has lasted a long time, the clinic suggests planning for about 12 weekly sessions. We check your progress with short questionnaires along the way. Most people who improve do so before the end, and then visits are spaced out. Research trials used about 10 sessions over 4 to 7 weeks.';
