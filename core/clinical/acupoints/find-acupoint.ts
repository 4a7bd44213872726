// Code lookup. Channel abbreviations vary by book (BL/UB, KI/KD, TE/SJ/TB, LR/LV, GV/DU, CV/REN;
// reference.md "Acupoint data"), so input is normalised before matching.
import { type Acupoint, EXTRA_MERIDIAN, isMeridian, type Meridian } from './acupoint.ts';
import { ACUPOINT_CATALOG } from './acupoint-catalog.ts';

const MERIDIAN_ALIASES: Readonly<Record<string, Meridian>> = {
  SPL: 'SP',
  H: 'HT',
  HE: 'HT',
  UB: 'BL',
  K: 'KI',
  KD: 'KI',
  P: 'PC',
  HP: 'PC',
  PE: 'PC',
  SJ: 'TE',
  TB: 'TE',
  TW: 'TE',
  TH: 'TE',
  LV: 'LR',
  LIV: 'LR',
  DU: 'GV',
  GOV: 'GV',
  REN: 'CV',
  RN: 'CV',
  CON: 'CV',
};

/** Canonical meridian for an abbreviation in any common spelling, `EX` for extra points, else null. */
export function normaliseMeridian(input: string): Meridian | typeof EXTRA_MERIDIAN | null {
  const key = input.trim().toUpperCase();
  if (key === EXTRA_MERIDIAN) return EXTRA_MERIDIAN;
  if (isMeridian(key)) return key;
  return MERIDIAN_ALIASES[key] ?? null;
}

/**
 * Canonical code for `bl23`, `BL-23`, `BL 23`, `UB23`, `ex-b2`, `EX B2`; null when the input
 * does not have the shape of a code. Does not check that the point exists.
 */
export function normaliseAcupointCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const match = /^([A-Z]+?)0*([1-9][0-9]*)$/.exec(compact);
  if (!match) return null;
  const [, letters = '', number = ''] = match;
  if (letters.startsWith('EX') && letters.length > 2) return `EX-${letters.slice(2)}${number}`;
  const meridian = normaliseMeridian(letters);
  return meridian && meridian !== EXTRA_MERIDIAN ? `${meridian}${number}` : null;
}

const BY_CODE: ReadonlyMap<string, Acupoint> = new Map(ACUPOINT_CATALOG.map((point) => [point.code, point]));

/** Every point, standard then extra, in WHO meridian order. */
export function listAcupoints(): readonly Acupoint[] {
  return ACUPOINT_CATALOG;
}

/** The point for a code in any common spelling (case, spaces, hyphens, channel aliases), or null. */
export function findAcupoint(code: string): Acupoint | null {
  const canonical = normaliseAcupointCode(code);
  return canonical ? (BY_CODE.get(canonical) ?? null) : null;
}
