// Where points sit on the workspace body chart: an orientation aid, not an anatomical reference.
// Each figure is drawn around its own midline in a 200 × 450 box (head at the top, feet at the
// bottom, the patient facing the viewer on the front view and facing away on the back view).
// `dx` is the distance from the midline (0 for midline points; bilateral points are drawn on both
// sides). Points not listed here are drawn at the centre of their region.
import type { AcupointRegion } from '#core/clinical/acupoints/acupoint.ts';

export type BodyView = 'front' | 'back';
export type BodyMapPoint = { code: string; view: BodyView; dx: number; y: number };

export const FIGURE_WIDTH = 200;
export const FIGURE_HEIGHT = 450;

// Commonly used points for back and neck pain and their distal points (reference.md b, d), on the
// view where the practitioner needles them.
export const BODY_MAP_POINTS: readonly BodyMapPoint[] = [
  // Back view: head and neck
  { code: 'GV20', view: 'back', dx: 0, y: 12 },
  { code: 'GB20', view: 'back', dx: 12, y: 50 },
  { code: 'GV14', view: 'back', dx: 0, y: 72 },
  { code: 'GB21', view: 'back', dx: 30, y: 76 },
  { code: 'SI11', view: 'back', dx: 32, y: 104 },
  // Back view: the inner and outer bladder lines and the governing vessel
  { code: 'BL11', view: 'back', dx: 10, y: 84 },
  { code: 'BL13', view: 'back', dx: 10, y: 96 },
  { code: 'BL15', view: 'back', dx: 10, y: 108 },
  { code: 'BL17', view: 'back', dx: 10, y: 120 },
  { code: 'BL18', view: 'back', dx: 10, y: 132 },
  { code: 'BL20', view: 'back', dx: 10, y: 142 },
  { code: 'BL22', view: 'back', dx: 10, y: 152 },
  { code: 'BL23', view: 'back', dx: 10, y: 162 },
  { code: 'BL24', view: 'back', dx: 10, y: 171 },
  { code: 'BL25', view: 'back', dx: 10, y: 180 },
  { code: 'BL26', view: 'back', dx: 10, y: 189 },
  { code: 'BL32', view: 'back', dx: 7, y: 205 },
  { code: 'BL43', view: 'back', dx: 21, y: 108 },
  { code: 'BL52', view: 'back', dx: 22, y: 162 },
  { code: 'EX-B2', view: 'back', dx: 4, y: 126 },
  { code: 'EX-B7', view: 'back', dx: 26, y: 178 },
  { code: 'EX-B8', view: 'back', dx: 0, y: 195 },
  { code: 'EX-HN15', view: 'back', dx: 8, y: 62 },
  { code: 'GV4', view: 'back', dx: 0, y: 162 },
  { code: 'GV3', view: 'back', dx: 0, y: 180 },
  // Back view: buttock and the back of the leg
  { code: 'GB30', view: 'back', dx: 34, y: 224 },
  { code: 'BL54', view: 'back', dx: 18, y: 212 },
  { code: 'BL36', view: 'back', dx: 22, y: 244 },
  { code: 'BL37', view: 'back', dx: 22, y: 276 },
  { code: 'BL40', view: 'back', dx: 22, y: 318 },
  { code: 'BL57', view: 'back', dx: 21, y: 366 },
  { code: 'BL60', view: 'back', dx: 27, y: 414 },
  { code: 'KI3', view: 'back', dx: 14, y: 414 },
  // Back view: the back of the arm and hand (palms forward, so the backs of the hands face away)
  { code: 'LI11', view: 'back', dx: 60, y: 162 },
  { code: 'TE5', view: 'back', dx: 63, y: 228 },
  { code: 'LI4', view: 'back', dx: 66, y: 252 },
  { code: 'SI3', view: 'back', dx: 71, y: 258 },
  { code: 'EX-UE7', view: 'back', dx: 64, y: 262 },
  { code: 'EX-UE8', view: 'back', dx: 71, y: 241 },
  // Front view
  { code: 'GV26', view: 'front', dx: 0, y: 42 },
  { code: 'LU1', view: 'front', dx: 38, y: 84 },
  { code: 'CV17', view: 'front', dx: 0, y: 104 },
  { code: 'CV12', view: 'front', dx: 0, y: 140 },
  { code: 'ST25', view: 'front', dx: 14, y: 168 },
  { code: 'CV6', view: 'front', dx: 0, y: 178 },
  { code: 'CV4', view: 'front', dx: 0, y: 190 },
  { code: 'PC6', view: 'front', dx: 60, y: 226 },
  { code: 'LU7', view: 'front', dx: 64, y: 232 },
  { code: 'HT7', view: 'front', dx: 58, y: 240 },
  { code: 'GB31', view: 'front', dx: 40, y: 262 },
  { code: 'SP10', view: 'front', dx: 12, y: 298 },
  { code: 'ST34', view: 'front', dx: 30, y: 302 },
  { code: 'GB34', view: 'front', dx: 32, y: 338 },
  { code: 'SP9', view: 'front', dx: 12, y: 338 },
  { code: 'ST36', view: 'front', dx: 26, y: 350 },
  { code: 'ST40', view: 'front', dx: 28, y: 378 },
  { code: 'SP6', view: 'front', dx: 12, y: 392 },
  { code: 'GB39', view: 'front', dx: 30, y: 400 },
  { code: 'LR3', view: 'front', dx: 16, y: 432 },
  { code: 'GB41', view: 'front', dx: 30, y: 436 },
];

// Centre of each region for points without a place of their own.
const REGION_CENTRES: Record<AcupointRegion, { view: BodyView; dx: number; y: number }> = {
  head: { view: 'front', dx: 0, y: 30 },
  neck: { view: 'back', dx: 0, y: 60 },
  chest: { view: 'front', dx: 22, y: 96 },
  abdomen: { view: 'front', dx: 8, y: 160 },
  'upper-back': { view: 'back', dx: 16, y: 116 },
  'lower-back': { view: 'back', dx: 16, y: 170 },
  sacrum: { view: 'back', dx: 4, y: 200 },
  buttock: { view: 'back', dx: 28, y: 230 },
  arm: { view: 'front', dx: 56, y: 160 },
  hand: { view: 'front', dx: 66, y: 256 },
  thigh: { view: 'front', dx: 24, y: 272 },
  knee: { view: 'front', dx: 22, y: 322 },
  leg: { view: 'front', dx: 22, y: 368 },
  foot: { view: 'front', dx: 22, y: 430 },
};

const BY_CODE = new Map(BODY_MAP_POINTS.map((p) => [p.code, p]));

/** The place of a point on the chart: its own, or its region's centre (`approximate`). */
export function placePoint(
  code: string,
  region: AcupointRegion | null,
): (BodyMapPoint & { approximate: boolean }) | null {
  const own = BY_CODE.get(code);
  if (own) return { ...own, approximate: false };
  if (!region) return null;
  return { code, ...REGION_CENTRES[region], approximate: true };
}
