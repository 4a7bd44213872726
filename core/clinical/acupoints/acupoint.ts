// The acupoint model. Data: the 361 WHO standard points (WHO Standard Acupuncture Point Locations in
// the Western Pacific Region, 2008) and the extra points used for back and neck pain, copied from
// /clinical/acupoints*.json with the corrections listed in ./README.md.

// Meridians in the WHO order; search results and listings follow it.
export const MERIDIANS = [
  'LU',
  'LI',
  'ST',
  'SP',
  'HT',
  'SI',
  'BL',
  'KI',
  'PC',
  'TE',
  'GB',
  'LR',
  'GV',
  'CV',
] as const;
export type Meridian = (typeof MERIDIANS)[number];

// Extra points carry the pseudo-meridian 'EX' and no number: their codes (EX-B2) come from the
// WHO/Chinese-standard groups, and other books number them differently (reference.md, Acupoint data).
export const EXTRA_MERIDIAN = 'EX';
export type AcupointMeridian = Meridian | typeof EXTRA_MERIDIAN;

// Points per meridian in the WHO 2008 standard; they add up to 361.
export const STANDARD_POINT_COUNTS: Readonly<Record<Meridian, number>> = {
  LU: 11,
  LI: 20,
  ST: 45,
  SP: 21,
  HT: 9,
  SI: 19,
  BL: 67,
  KI: 27,
  PC: 9,
  TE: 23,
  GB: 44,
  LR: 14,
  GV: 28,
  CV: 24,
};

// reference.md "Acupoint data": region values and their mapping conventions.
export const ACUPOINT_REGIONS = [
  'head',
  'neck',
  'chest',
  'abdomen',
  'upper-back',
  'lower-back',
  'sacrum',
  'buttock',
  'arm',
  'hand',
  'thigh',
  'knee',
  'leg',
  'foot',
] as const;
export type AcupointRegion = (typeof ACUPOINT_REGIONS)[number];

export const EXTRA_POINT_GROUPS = ['EX-HN', 'EX-CA', 'EX-B', 'EX-UE', 'EX-LE'] as const;
export type ExtraPointGroup = (typeof EXTRA_POINT_GROUPS)[number];

export const ACUPOINT_SIDES = ['bilateral', 'midline'] as const;
export type AcupointSide = (typeof ACUPOINT_SIDES)[number];

// Why a point is on the pregnancy caution list (reference.md f): named "forbidden" points
// (Betts & Budd 2011, plus ST25 and CV3–CV7 that some lists add), the lumbosacral region and the
// lower abdomen (WHO 1999: first trimester onwards), the upper abdomen (WHO 1999: from month four).
export const PREGNANCY_CAUTION_REASONS = [
  'traditional-forbidden-point',
  'lumbosacral-region',
  'lower-abdomen',
  'upper-abdomen',
] as const;
export type PregnancyCautionReason = (typeof PREGNANCY_CAUTION_REASONS)[number];

// Cherkin 2009's standardized prescription is verified; the rest are commonly used points that
// still need checking against a protocol (reference.md, Acupoint data).
export const BACK_PAIN_BASES = ['trial-protocol:cherkin-2009', 'common-lbp-protocol (verify)'] as const;
export type BackPainBasis = (typeof BACK_PAIN_BASES)[number];

export type Acupoint = {
  /** WHO code: `BL23`, `EX-B2`. */
  code: string;
  kind: 'standard' | 'extra';
  meridian: AcupointMeridian;
  /** Position on the meridian; null for extra points. */
  number: number | null;
  /** EX group for extra points (`EX-B`); null for standard points. */
  group: ExtraPointGroup | null;
  /** WHO 2008 name, without tone marks. */
  pinyin: string;
  altPinyin: string[];
  region: AcupointRegion;
  /** Further regions a multi-level point spans (Jiaji runs T1–L5, so also the upper back). */
  alsoInRegions: AcupointRegion[];
  side: AcupointSide;
  /** How many needling sites the code stands for (34 for Jiaji); 2 or 1 for standard points. */
  pointCount: number;
  backPain: boolean;
  backPainBasis: BackPainBasis | null;
  /** Only assessed for extra points; null means not assessed. */
  neckPain: boolean | null;
  pregnancyCaution: boolean;
  pregnancyCautionReasons: PregnancyCautionReason[];
  pneumothoraxRisk: boolean;
  locationSummary: string | null;
  notes: string[];
};

export function isMeridian(value: string): value is Meridian {
  return (MERIDIANS as readonly string[]).includes(value);
}

export function isAcupointRegion(value: string): value is AcupointRegion {
  return (ACUPOINT_REGIONS as readonly string[]).includes(value);
}

export function isExtraPointGroup(value: string): value is ExtraPointGroup {
  return (EXTRA_POINT_GROUPS as readonly string[]).includes(value);
}

export function isAcupointSide(value: string): value is AcupointSide {
  return (ACUPOINT_SIDES as readonly string[]).includes(value);
}

export function isPregnancyCautionReason(value: string): value is PregnancyCautionReason {
  return (PREGNANCY_CAUTION_REASONS as readonly string[]).includes(value);
}

export function isBackPainBasis(value: string): value is BackPainBasis {
  return (BACK_PAIN_BASES as readonly string[]).includes(value);
}
