// Which condition-library entries are worth reading, from where it hurts, age and duration.
// Ids are those of reference.md section a. These are pointers to reading, never a diagnosis:
// every `why` says what is common, not what the person has.
import type { RedFlagId } from './red-flags.ts';

export const PAIN_AREAS = [
  'neck',
  'upper-back',
  'mid-back',
  'lower-back',
  'buttock',
  'hip',
  'groin',
  'thigh',
  'knee',
  'leg-below-knee',
  'foot',
] as const;
export type PainArea = (typeof PAIN_AREAS)[number];

export type DurationCategory = 'acute' | 'subacute' | 'chronic';

export type LikelyConditionId =
  | 'vertebral-compression-fracture'
  | 'sciatica-radiculopathy'
  | 'lumbar-disc-herniation'
  | 'lumbar-spinal-stenosis'
  | 'nonspecific-low-back-pain'
  | 'lumbar-strain-sprain'
  | 'sacroiliac-joint-dysfunction'
  | 'lumbar-spondylosis-osteoarthritis'
  | 'neck-pain';

export type LikelyCondition = { id: LikelyConditionId; why: string };

export type LikelyConditionInput = {
  ageYears: number;
  durationCategory: DurationCategory;
  pregnant: boolean;
  /** Missing or empty means the person did not say: a back-pain checker then assumes the lower back. */
  painAreas: readonly PainArea[] | undefined;
  matchedRedFlags: readonly RedFlagId[];
};

// reference.md a.8: stenosis is typical "after 60"; below that a disc is the usual cause of sciatica (a.3, a.4).
const STENOSIS_AGE = 60;
// reference.md a.10: wear-related change is a condition of older adults; 50 matches the red-flag age line.
const SPONDYLOSIS_AGE = 50;

const BELOW_KNEE: readonly PainArea[] = ['leg-below-knee', 'foot'];
const ANY_LEG: readonly PainArea[] = ['thigh', 'knee', 'leg-below-knee', 'foot'];
const LOW_BACK: readonly PainArea[] = ['lower-back', 'buttock'];
const PELVIS: readonly PainArea[] = ['buttock', 'hip', 'groin'];

function hasAny(areas: readonly PainArea[], wanted: readonly PainArea[]): boolean {
  return wanted.some((area) => areas.includes(area));
}

export function suggestLikelyConditions(input: LikelyConditionInput): LikelyCondition[] {
  const saidNothing = input.painAreas === undefined || input.painAreas.length === 0;
  const areas = input.painAreas ?? [];
  const lowBack = saidNothing || hasAny(areas, LOW_BACK);
  const belowKnee = hasAny(areas, BELOW_KNEE);
  const anyLeg = hasAny(areas, ANY_LEG);
  const { ageYears, durationCategory } = input;
  const found: LikelyCondition[] = [];

  // reference.md a.12: fractures follow serious injury, or a small one when bones are thin.
  if (
    input.matchedRedFlags.includes('major_trauma') ||
    input.matchedRedFlags.includes('minor_trauma_fragility')
  ) {
    found.push({
      id: 'vertebral-compression-fracture',
      why: 'Back pain that starts after a fall or injury, especially when bones are thin, can come from a break in a bone of the spine. A doctor needs to check this first.',
    });
  }
  // reference.md a.3: pain below the knee is the nerve-root pattern.
  if (belowKnee) {
    found.push({
      id: 'sciatica-radiculopathy',
      why: 'Pain that spreads below the knee often comes from an irritated nerve in the lower back (sciatica).',
    });
    if (ageYears < STENOSIS_AGE) {
      found.push({
        id: 'lumbar-disc-herniation',
        why: 'In adults under about 60, a bulging disc is the most common reason a nerve in the lower back gets irritated.',
      });
    }
  }
  // reference.md a.8: leg pain or heaviness on walking, typically after 60.
  if (anyLeg && ageYears >= STENOSIS_AGE) {
    found.push({
      id: 'lumbar-spinal-stenosis',
      why: 'After 60, leg pain or heaviness that comes on with walking or standing and eases with sitting can be linked to narrowing around the nerves in the lower back.',
    });
  }
  // reference.md a.2: the large majority of low back pain, chronic after about three months.
  if (lowBack) {
    found.push({
      id: 'nonspecific-low-back-pain',
      why:
        durationCategory === 'chronic'
          ? 'Most low back pain has no single clear cause. When it has lasted 12 weeks or more it is called chronic.'
          : 'Most low back pain has no single clear cause, and it often eases over a few weeks.',
    });
  }
  // reference.md a.1: clear trigger, local ache, no pain below the knee, settles in days to weeks.
  if (lowBack && durationCategory === 'acute' && !belowKnee) {
    found.push({
      id: 'lumbar-strain-sprain',
      why: 'Back pain that began in the last few weeks, without pain below the knee, is often a strained muscle or ligament that settles with time.',
    });
  }
  // reference.md a.7: one-sided pain over the pelvis and buttock; pregnancy loosens these joints.
  if (input.pregnant && (lowBack || hasAny(areas, PELVIS))) {
    found.push({
      id: 'sacroiliac-joint-dysfunction',
      why: 'In pregnancy the joints at the back of the pelvis loosen, which often causes pain low in the back or buttock.',
    });
  } else if (lowBack && hasAny(areas, PELVIS) && !belowKnee) {
    found.push({
      id: 'sacroiliac-joint-dysfunction',
      why: 'Pain low in the back that spreads into the buttock or hip can come from the joint between the spine and the pelvis.',
    });
  }
  // reference.md a.10: stiffness and activity ache in older adults.
  if (lowBack && durationCategory === 'chronic' && ageYears > SPONDYLOSIS_AGE) {
    found.push({
      id: 'lumbar-spondylosis-osteoarthritis',
      why: 'After 50, long-lasting stiffness and ache are often linked to wear-related changes in the spine. These changes are common and do not always cause pain.',
    });
  }
  // reference.md a.13.
  if (areas.includes('neck')) {
    found.push({
      id: 'neck-pain',
      why: 'You marked neck pain. Most neck pain comes from the muscles and joints of the neck.',
    });
  }
  return found;
}
