// Acupoint search for the API (`GET /api/v1/acupoints?q=&backPain=&region=&meridian=`).
import type { Acupoint, AcupointRegion } from './acupoint.ts';
import { compareAcupoints } from './acupoint-catalog.ts';
import { findAcupoint, listAcupoints, normaliseAcupointCode, normaliseMeridian } from './find-acupoint.ts';

export type AcupointQuery = {
  /** A code (`BL23`, `bl-23`, `EX-B2`), a code prefix (`BL2`), a pinyin name or a region. */
  q?: string;
  backPain?: boolean;
  region?: AcupointRegion;
  /** Any common abbreviation (`BL`, `UB`, `SJ`); `EX` for extra points. Unknown gives no results. */
  meridian?: string;
};

// Lower rank sorts first: the exact code, then codes that begin with the query, then names, then
// regions; within a rank, WHO meridian order.
const RANK = {
  exactCode: 0,
  codePrefix: 1,
  exactName: 2,
  namePrefix: 3,
  nameContains: 4,
  region: 5,
} as const;

/** Lower case, no tone marks, no spaces or hyphens; `v` stands for `ü` in pinyin typing. */
function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/v/g, 'u')
    .replace(/[^a-z0-9]/g, '');
}

function rankName(name: string, folded: string): number | null {
  const candidate = foldText(name);
  if (candidate === folded) return RANK.exactName;
  if (candidate.startsWith(folded)) return RANK.namePrefix;
  if (folded.length >= 3 && candidate.includes(folded)) return RANK.nameContains;
  return null;
}

function rankRegion(point: Acupoint, folded: string): number | null {
  if (folded.length < 3) return null;
  const regions = [point.region, ...point.alsoInRegions];
  return regions.some((region) => foldText(region).includes(folded)) ? RANK.region : null;
}

function codeKey(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

type PreparedQuery = { exactCode: string | null; codePrefix: string; folded: string };

function prepareQuery(q: string): PreparedQuery {
  // Codes compared without separators, with the channel alias resolved (`ub2` finds BL2, BL20…).
  const canonical = normaliseAcupointCode(q);
  return {
    exactCode: findAcupoint(q)?.code ?? null,
    codePrefix: canonical ? codeKey(canonical) : codeKey(normaliseMeridian(q) ?? q),
    folded: foldText(q),
  };
}

function rankPoint(point: Acupoint, query: PreparedQuery): number | null {
  if (query.exactCode === point.code) return RANK.exactCode;
  const ranks: number[] = [];
  if (query.codePrefix.length > 0 && codeKey(point.code).startsWith(query.codePrefix))
    ranks.push(RANK.codePrefix);
  if (query.folded.length > 0) {
    for (const name of [point.pinyin, ...point.altPinyin]) {
      const rank = rankName(name, query.folded);
      if (rank !== null) ranks.push(rank);
    }
    const regionRank = rankRegion(point, query.folded);
    if (regionRank !== null) ranks.push(regionRank);
  }
  return ranks.length > 0 ? Math.min(...ranks) : null;
}

function passesFilters(point: Acupoint, query: AcupointQuery): boolean {
  if (query.backPain !== undefined && point.backPain !== query.backPain) return false;
  if (
    query.region !== undefined &&
    point.region !== query.region &&
    !point.alsoInRegions.includes(query.region)
  ) {
    return false;
  }
  if (query.meridian !== undefined && point.meridian !== normaliseMeridian(query.meridian)) return false;
  return true;
}

/**
 * Points matching every given filter and, when `q` is given, matching it by code, pinyin (tone marks
 * and case ignored, alternative names included) or region. Best matches first.
 */
export function searchAcupoints(query: AcupointQuery): Acupoint[] {
  const filtered = listAcupoints().filter((point) => passesFilters(point, query));
  const q = query.q?.trim() ?? '';
  if (q === '') return [...filtered];
  const prepared = prepareQuery(q);
  const ranked: { point: Acupoint; rank: number }[] = [];
  for (const point of filtered) {
    const rank = rankPoint(point, prepared);
    if (rank !== null) ranked.push({ point, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank || compareAcupoints(a.point, b.point));
  return ranked.map(({ point }) => point);
}
