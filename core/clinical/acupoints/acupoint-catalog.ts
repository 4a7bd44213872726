// Builds the typed acupoint catalogue from the JSON data once, at module load. The JSON is checked
// field by field; a bad entry is a bug in the data file, so it throws rather than returning a Result.
import {
  type Acupoint,
  type AcupointRegion,
  EXTRA_MERIDIAN,
  isAcupointRegion,
  isAcupointSide,
  isBackPainBasis,
  isExtraPointGroup,
  isMeridian,
  isPregnancyCautionReason,
  MERIDIANS,
} from './acupoint.ts';
import extraPoints from './extra-points.json' with { type: 'json' };
import standardPoints from './standard-points.json' with { type: 'json' };

type RawStandardPoint = (typeof standardPoints)[number];
type RawExtraPoint = (typeof extraPoints)[number];

function failData(code: string, field: string): never {
  throw new Error(`acupoint data: ${code} has an invalid ${field}`);
}

function toRegion(code: string, value: string): AcupointRegion {
  return isAcupointRegion(value) ? value : failData(code, 'region');
}

function toStandardAcupoint(raw: RawStandardPoint): Acupoint {
  const { code } = raw;
  if (!isMeridian(raw.meridian) || code !== `${raw.meridian}${raw.number}`)
    failData(code, 'meridian or number');
  if (!isAcupointSide(raw.side)) failData(code, 'side');
  const basis = raw.backPainBasis;
  if (basis !== null && !isBackPainBasis(basis)) failData(code, 'backPainBasis');
  return {
    code,
    kind: 'standard',
    meridian: raw.meridian,
    number: raw.number,
    group: null,
    pinyin: raw.pinyin,
    altPinyin: [...raw.altPinyin],
    region: toRegion(code, raw.region),
    alsoInRegions: [],
    side: raw.side,
    pointCount: raw.side === 'bilateral' ? 2 : 1,
    backPain: raw.backPain,
    backPainBasis: basis,
    neckPain: null,
    pregnancyCaution: raw.pregnancyCaution,
    pregnancyCautionReasons: raw.pregnancyCautionReasons.map((reason) =>
      isPregnancyCautionReason(reason) ? reason : failData(code, 'pregnancyCautionReason'),
    ),
    pneumothoraxRisk: raw.pneumothoraxRisk,
    locationSummary: null,
    notes: [],
  };
}

function toExtraAcupoint(raw: RawExtraPoint): Acupoint {
  const { code } = raw;
  if (raw.meridian !== EXTRA_MERIDIAN || !isExtraPointGroup(raw.group) || !code.startsWith(`${raw.group}`)) {
    failData(code, 'group');
  }
  if (!isAcupointSide(raw.side)) failData(code, 'side');
  const basis = raw.backPainBasis;
  if (basis !== null && !isBackPainBasis(basis)) failData(code, 'backPainBasis');
  return {
    code,
    kind: 'extra',
    meridian: EXTRA_MERIDIAN,
    number: null,
    group: raw.group,
    pinyin: raw.pinyin,
    altPinyin: [...raw.altPinyin],
    region: toRegion(code, raw.region),
    alsoInRegions: raw.alsoInRegions.map((region) => toRegion(code, region)),
    side: raw.side,
    pointCount: raw.pointCount,
    backPain: raw.backPain,
    backPainBasis: basis,
    neckPain: raw.neckPain,
    pregnancyCaution: raw.pregnancyCaution,
    pregnancyCautionReasons: raw.pregnancyCautionReasons.map((reason) =>
      isPregnancyCautionReason(reason) ? reason : failData(code, 'pregnancyCautionReason'),
    ),
    pneumothoraxRisk: raw.pneumothoraxRisk,
    locationSummary: raw.locationSummary,
    notes: [...raw.notes],
  };
}

const MERIDIAN_ORDER: readonly string[] = [...MERIDIANS, EXTRA_MERIDIAN];

/** Sort key: WHO meridian order, then point number, then code (extra points by code). */
export function compareAcupoints(a: Acupoint, b: Acupoint): number {
  const byMeridian = MERIDIAN_ORDER.indexOf(a.meridian) - MERIDIAN_ORDER.indexOf(b.meridian);
  if (byMeridian !== 0) return byMeridian;
  const byNumber = (a.number ?? 0) - (b.number ?? 0);
  if (byNumber !== 0) return byNumber;
  return a.code.localeCompare(b.code, 'en', { numeric: true });
}

// Frozen so that a caller cannot change the shared catalogue by editing a returned point.
function freezeAcupoint(point: Acupoint): Acupoint {
  Object.freeze(point.altPinyin);
  Object.freeze(point.alsoInRegions);
  Object.freeze(point.pregnancyCautionReasons);
  Object.freeze(point.notes);
  return Object.freeze(point);
}

export const ACUPOINT_CATALOG: readonly Acupoint[] = Object.freeze(
  [...standardPoints.map(toStandardAcupoint), ...extraPoints.map(toExtraAcupoint)]
    .sort(compareAcupoints)
    .map(freezeAcupoint),
);
