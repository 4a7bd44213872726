import { describe, expect, it } from 'vitest';
import type { LikelyConditionId, PainArea } from './likely-conditions.ts';
import type { RedFlagId, Urgency } from './red-flags.ts';
import { type TriageInput, triageBackPain } from './triage.ts';

type Vignette = {
  name: string;
  input: Partial<TriageInput> & { flags?: readonly RedFlagId[] };
  urgency: Urgency;
  /** Checked exactly when given. */
  matched?: readonly RedFlagId[];
  durationCategory?: 'acute' | 'subacute' | 'chronic';
  includes?: readonly LikelyConditionId[];
  excludes?: readonly LikelyConditionId[];
  /** Where the expected answer comes from. */
  source: string;
};

const CES = 'red-flags.md row; GIRFT CES pathway 2023';

// Defaults: a 35-year-old with 3 weeks of low back pain, nothing else; first episode unknown.
function buildInput({ flags = [], ...rest }: Vignette['input']): TriageInput {
  const painAreas: PainArea[] = ['lower-back'];
  return {
    ageYears: 35,
    durationWeeks: 3,
    painAreas,
    redFlags: Object.fromEntries(flags.map((id) => [id, true])),
    ...rest,
  };
}

const VIGNETTES: Vignette[] = [
  // Cauda equina syndrome: every new symptom is emergency on its own.
  { name: 'saddle numbness alone', input: { flags: ['saddle_numbness'] }, urgency: 'emergency', source: CES },
  { name: 'new bladder change', input: { flags: ['bladder_change'] }, urgency: 'emergency', source: CES },
  { name: 'new bowel change', input: { flags: ['bowel_change'] }, urgency: 'emergency', source: CES },
  {
    name: 'new sexual dysfunction',
    input: { flags: ['sexual_change'] },
    urgency: 'emergency',
    source: 'red-flags.md row; GIRFT CES pathway 2023 (CSP 2024 summary)',
  },
  {
    name: 'new symptoms down both legs',
    input: { flags: ['bilateral_leg_symptoms'], painAreas: ['lower-back', 'leg-below-knee'] },
    urgency: 'emergency',
    includes: ['sciatica-radiculopathy'],
    source: CES,
  },
  {
    name: 'sciatica with saddle numbness and bladder change',
    input: { flags: ['saddle_numbness', 'bladder_change'], painAreas: ['lower-back', 'leg-below-knee'] },
    urgency: 'emergency',
    matched: ['saddle_numbness', 'bladder_change'],
    source: CES,
  },
  {
    name: 'worsening foot drop',
    input: { flags: ['progressive_weakness'], painAreas: ['lower-back', 'foot'] },
    urgency: 'emergency',
    source: 'red-flags.md row; NICE CKS Sciatica',
  },
  {
    name: 'pain after a road collision',
    input: { flags: ['major_trauma'], durationWeeks: 0 },
    urgency: 'emergency',
    includes: ['vertebral-compression-fracture'],
    source: 'red-flags.md row; Finucane 2020 (fracture)',
  },
  {
    name: 'sudden back pain with feeling faint at 70',
    input: { flags: ['aortic_symptoms'], ageYears: 70, durationWeeks: 0 },
    urgency: 'emergency',
    source: 'red-flags.md row (aortic_symptoms)',
  },
  {
    name: 'fever in someone who injects drugs',
    input: { flags: ['fever', 'infection_risk'] },
    urgency: 'emergency',
    matched: ['fever', 'infection_risk'],
    source: 'red-flags.md combination (fever + infection_risk); Finucane 2020',
  },
  {
    name: 'fever after a recent spinal injection, first episode at 60',
    input: { flags: ['infection_risk', 'fever'], ageYears: 60, firstEpisode: true },
    urgency: 'emergency',
    source: 'red-flags.md combination (fever + infection_risk)',
  },
  {
    name: 'cancer history with new bilateral leg symptoms',
    input: { flags: ['cancer_history', 'bilateral_leg_symptoms'] },
    urgency: 'emergency',
    source: 'red-flags.md rows; NICE NG234; reference.md c rule 2',
  },
  {
    name: 'pregnant with saddle numbness',
    input: { flags: ['saddle_numbness'], pregnant: true, sex: 'female' },
    urgency: 'emergency',
    source: CES,
  },
  // Urgent.
  {
    name: 'small fall with osteoporosis at 72',
    input: { flags: ['minor_trauma_fragility'], ageYears: 72, durationWeeks: 1, firstEpisode: false },
    urgency: 'urgent',
    includes: ['vertebral-compression-fracture'],
    source: 'red-flags.md row; Finucane 2020 (osteoporotic fracture)',
  },
  {
    name: 'fever alone',
    input: { flags: ['fever'] },
    urgency: 'urgent',
    source: 'red-flags.md row; Finucane 2020 (infection)',
  },
  {
    name: 'previous cancer alone',
    input: { flags: ['cancer_history'], ageYears: 45 },
    urgency: 'urgent',
    source: 'red-flags.md row; Finucane 2020; NICE NG234',
  },
  {
    name: 'weight loss with previous cancer',
    input: { flags: ['weight_loss', 'cancer_history'] },
    urgency: 'urgent',
    source: 'red-flags.md combination (weight_loss + cancer_history)',
  },
  {
    name: 'weight loss at 51',
    input: { flags: ['weight_loss'], ageYears: 51, firstEpisode: false },
    urgency: 'urgent',
    source: 'red-flags.md combination (weight_loss + age over 50)',
  },
  {
    name: 'night pain with previous cancer',
    input: { flags: ['night_pain', 'cancer_history'], ageYears: 40 },
    urgency: 'urgent',
    source: 'red-flags.md combination (night_pain + cancer_history)',
  },
  {
    name: 'fever and night pain without risk factors',
    input: { flags: ['fever', 'night_pain'] },
    urgency: 'urgent',
    source: 'red-flags.md rows (highest level wins)',
  },
  // Soon.
  {
    name: 'weight loss at exactly 50 (not over 50)',
    input: { flags: ['weight_loss'], ageYears: 50, firstEpisode: false },
    urgency: 'soon',
    source: 'red-flags.md row (weight_loss; raise needs age over 50)',
  },
  {
    name: 'weight loss at 30',
    input: { flags: ['weight_loss'], ageYears: 30 },
    urgency: 'soon',
    source: 'red-flags.md row; Finucane 2020',
  },
  {
    name: 'night pain alone',
    input: { flags: ['night_pain'] },
    urgency: 'soon',
    source: 'red-flags.md row; Finucane 2020',
  },
  {
    name: 'night pain with weight loss at 40',
    input: { flags: ['night_pain', 'weight_loss'], ageYears: 40 },
    urgency: 'soon',
    source: 'red-flags.md rows (no combination listed for this pair)',
  },
  {
    name: 'infection risk alone',
    input: { flags: ['infection_risk'] },
    urgency: 'soon',
    source: 'red-flags.md row (infection_risk)',
  },
  {
    name: 'pain mainly between the shoulder blades',
    input: { flags: ['thoracic_pain'], painAreas: ['mid-back'] },
    urgency: 'soon',
    source: 'red-flags.md row; NICE CKS Back pain – low',
  },
  {
    name: 'morning stiffness in a 28-year-old for 6 months',
    input: { flags: ['inflammatory_pattern'], ageYears: 28, durationWeeks: 26 },
    urgency: 'soon',
    durationCategory: 'chronic',
    source: 'red-flags.md row; NICE NG65',
  },
  {
    name: 'first-ever back pain at 55',
    input: { ageYears: 55, firstEpisode: true },
    urgency: 'soon',
    matched: [],
    source: 'red-flags.md age rule; Finucane 2020',
  },
  {
    name: 'first-ever back pain at 17',
    input: { ageYears: 17, firstEpisode: true },
    urgency: 'soon',
    source: 'red-flags.md age rule',
  },
  {
    name: 'age 62 with first episode not known',
    input: { ageYears: 62, durationWeeks: 20 },
    urgency: 'soon',
    source: 'red-flags.md age rule (unknown first episode read as possibly first; NICE CKS age > 50)',
  },
  {
    name: 'pregnant with infection risk',
    input: { flags: ['infection_risk'], pregnant: true, sex: 'female' },
    urgency: 'soon',
    source: 'red-flags.md row; pregnancy never changes urgency',
  },
  // Routine.
  {
    name: 'acute low back pain after lifting at 35',
    input: { durationWeeks: 2 },
    urgency: 'routine',
    matched: [],
    durationCategory: 'acute',
    includes: ['nonspecific-low-back-pain', 'lumbar-strain-sprain'],
    excludes: ['sciatica-radiculopathy'],
    source: 'red-flags.md (no flag → routine); NICE NG59',
  },
  {
    name: 'recurrent back pain at 65, not first episode',
    input: { ageYears: 65, firstEpisode: false, durationWeeks: 30 },
    urgency: 'routine',
    durationCategory: 'chronic',
    includes: ['nonspecific-low-back-pain', 'lumbar-spondylosis-osteoarthritis'],
    source: 'red-flags.md age rule applies to first episodes only',
  },
  {
    name: 'first-ever back pain at exactly 50',
    input: { ageYears: 50, firstEpisode: true },
    urgency: 'routine',
    source: 'red-flags.md age rule (over 50, not 50)',
  },
  {
    name: 'first-ever back pain at exactly 20',
    input: { ageYears: 20, firstEpisode: true },
    urgency: 'routine',
    source: 'red-flags.md age rule (under 20, not 20)',
  },
  {
    name: 'sciatica at 42 for 8 weeks',
    input: { ageYears: 42, durationWeeks: 8, painAreas: ['lower-back', 'buttock', 'leg-below-knee'] },
    urgency: 'routine',
    durationCategory: 'subacute',
    includes: ['sciatica-radiculopathy', 'lumbar-disc-herniation'],
    excludes: ['lumbar-strain-sprain', 'lumbar-spinal-stenosis'],
    source: 'reference.md a.3–a.4; red-flags.md (no flag)',
  },
  {
    name: 'leg pain on walking at 70, recurrent',
    input: { ageYears: 70, firstEpisode: false, durationWeeks: 40, painAreas: ['lower-back', 'thigh'] },
    urgency: 'routine',
    includes: ['lumbar-spinal-stenosis'],
    excludes: ['lumbar-disc-herniation'],
    source: 'reference.md a.8; red-flags.md (no flag)',
  },
  {
    name: 'pregnant with low back and buttock pain',
    input: { ageYears: 31, pregnant: true, sex: 'female', painAreas: ['lower-back', 'buttock'] },
    urgency: 'routine',
    includes: ['sacroiliac-joint-dysfunction'],
    source: 'red-flags.md (pregnancy never blocks booking); reference.md a.7',
  },
  {
    name: 'neck pain only at 40',
    input: { ageYears: 40, painAreas: ['neck'], durationWeeks: 14 },
    urgency: 'routine',
    includes: ['neck-pain'],
    excludes: ['nonspecific-low-back-pain'],
    source: 'reference.md a.13; red-flags.md (no flag)',
  },
  {
    name: 'chronic low back pain at 45 for a year',
    input: { ageYears: 45, durationWeeks: 52 },
    urgency: 'routine',
    durationCategory: 'chronic',
    includes: ['nonspecific-low-back-pain'],
    excludes: ['lumbar-strain-sprain'],
    source: 'NICE NG59; reference.md a.2',
  },
  {
    name: 'explicit false answers count as no flag',
    input: { redFlags: { fever: false, cancer_history: false, saddle_numbness: false } },
    urgency: 'routine',
    matched: [],
    source: 'red-flags.md (no flag → routine)',
  },
  // Duration boundaries.
  {
    name: 'just under 6 weeks is acute',
    input: { durationWeeks: 5.9 },
    urgency: 'routine',
    durationCategory: 'acute',
    source: 'red-flags.md durationCategory',
  },
  {
    name: 'exactly 6 weeks is subacute',
    input: { durationWeeks: 6 },
    urgency: 'routine',
    durationCategory: 'subacute',
    source: 'red-flags.md durationCategory',
  },
  {
    name: 'exactly 12 weeks is chronic',
    input: { durationWeeks: 12 },
    urgency: 'routine',
    durationCategory: 'chronic',
    source: 'red-flags.md durationCategory; Medicare NCD 30.3.3 (≥ 12 weeks)',
  },
  {
    name: 'several flags at once',
    input: {
      flags: ['thoracic_pain', 'inflammatory_pattern', 'night_pain', 'major_trauma', 'cancer_history'],
    },
    urgency: 'emergency',
    matched: ['major_trauma', 'cancer_history', 'night_pain', 'thoracic_pain', 'inflammatory_pattern'],
    source: 'red-flags.md (highest level wins; ids in canonical order)',
  },
];

describe('triageBackPain vignettes', () => {
  it('has at least 40 vignettes, each naming its source', () => {
    expect(VIGNETTES.length).toBeGreaterThanOrEqual(40);
    for (const vignette of VIGNETTES) expect(vignette.source.length).toBeGreaterThan(0);
  });

  it.each(VIGNETTES)('$name → $urgency ($source)', (vignette) => {
    const result = triageBackPain(buildInput(vignette.input));
    expect(result.urgency).toBe(vignette.urgency);
    expect(result.canBookAcupuncture).toBe(vignette.urgency === 'routine' || vignette.urgency === 'soon');
    if (vignette.matched) expect(result.matchedRedFlags).toEqual(vignette.matched);
    if (vignette.durationCategory) expect(result.durationCategory).toBe(vignette.durationCategory);
    const ids = result.likelyConditions.map((condition) => condition.id);
    for (const id of vignette.includes ?? []) expect(ids).toContain(id);
    for (const id of vignette.excludes ?? []) expect(ids).not.toContain(id);
  });
});
