// checkPointPlan: checks a practitioner's planned points against a safety screen and against the
// rules that hold for every patient (pneumothorax depth, electroacupuncture circuits; reference.md f).
import type { Acupoint, AcupointRegion } from '#core/clinical/acupoints/acupoint.ts';
import { findAcupoint } from '#core/clinical/acupoints/find-acupoint.ts';
import {
  PNEUMOTHORAX_SAFE_DEPTH_MM,
  type SafetyRuleId,
  type SafetyScreen,
  type SafetySeverity,
  type TechniqueRestriction,
} from './safety-screen.ts';

export const PLANNED_SIDES = ['left', 'right', 'bilateral', 'midline'] as const;
export type PlannedSide = (typeof PLANNED_SIDES)[number];
export const STIMULATIONS = ['manual', 'electro', 'moxibustion'] as const;
export type Stimulation = (typeof STIMULATIONS)[number];

export type PlannedPoint = {
  code: string;
  side: PlannedSide;
  stimulation: Stimulation;
  depthMm?: number;
  cupping?: boolean;
  /** Electroacupuncture points with the same label share one pair of leads. */
  circuit?: string;
};

export const UNIVERSAL_POINT_RULE_IDS = [
  'unknown_point',
  'side_mismatch',
  'pneumothorax_depth',
  'pneumothorax_depth_unstated',
  'electro_chest',
  'electro_front_of_neck',
  'electro_across_midline',
  'electro_circuit_side_unclear',
] as const;
export type PointRuleId = SafetyRuleId | (typeof UNIVERSAL_POINT_RULE_IDS)[number];

export type PointConflict = {
  /** The canonical code when the point is known, else the code as planned. */
  code: string;
  side: PlannedSide;
  rule: PointRuleId;
  severity: SafetySeverity;
  message: string;
};

// Points on the front and side of the neck, over the carotid sheath, thyroid and trachea, where
// reference.md f asks for care with electroacupuncture.
const FRONT_OF_NECK_CODES = new Set(['ST9', 'ST10', 'ST11', 'LI17', 'LI18', 'SI16', 'SI17', 'CV22', 'CV23']);

function isNeedled(planned: PlannedPoint): boolean {
  return planned.stimulation !== 'moxibustion';
}

function coversRegion(restriction: TechniqueRestriction, point: Acupoint): boolean {
  if (restriction.regions === 'all') return true;
  const regions: AcupointRegion[] = [point.region, ...point.alsoInRegions];
  return regions.some((region) => restriction.regions.includes(region));
}

function isDeeperThan(planned: PlannedPoint, maxDepthMm: number | null): boolean {
  return planned.depthMm === undefined || maxDepthMm === null || planned.depthMm > maxDepthMm;
}

function matchesTechnique(restriction: TechniqueRestriction, planned: PlannedPoint): boolean {
  switch (restriction.applies) {
    case 'any':
      return true;
    case 'needling':
      return isNeedled(planned);
    case 'electro':
      return planned.stimulation === 'electro';
    case 'moxibustion':
      return planned.stimulation === 'moxibustion';
    case 'cupping':
      return planned.cupping === true;
    case 'deep-needling':
      return isNeedled(planned) && isDeeperThan(planned, restriction.maxDepthMm);
  }
}

function checkSide(point: Acupoint, planned: PlannedPoint): string | null {
  if (point.side === 'midline' && planned.side !== 'midline') return `${point.code} is a midline point.`;
  if (point.side === 'bilateral' && planned.side === 'midline') return `${point.code} is not on the midline.`;
  return null;
}

function checkUniversalRules(
  point: Acupoint,
  planned: PlannedPoint,
): [PointRuleId, SafetySeverity, string][] {
  const found: [PointRuleId, SafetySeverity, string][] = [];
  const sideProblem = checkSide(point, planned);
  if (sideProblem) found.push(['side_mismatch', 'caution', `${sideProblem} Check the side.`]);
  if (point.pneumothoraxRisk && isNeedled(planned)) {
    if (planned.depthMm === undefined) {
      found.push([
        'pneumothorax_depth_unstated',
        'caution',
        `${point.code} lies over the lung: no depth given; keep it under ${PNEUMOTHORAX_SAFE_DEPTH_MM} mm or needle obliquely.`,
      ]);
    } else if (planned.depthMm > PNEUMOTHORAX_SAFE_DEPTH_MM) {
      found.push([
        'pneumothorax_depth',
        'caution',
        `${point.code} lies over the lung: ${planned.depthMm} mm is deeper than ${PNEUMOTHORAX_SAFE_DEPTH_MM} mm (pneumothorax risk, Chen 2018).`,
      ]);
    }
  }
  if (
    planned.stimulation === 'electro' &&
    (point.region === 'chest' || point.alsoInRegions.includes('chest'))
  ) {
    found.push([
      'electro_chest',
      'caution',
      'Electroacupuncture on the chest: never run current across it (Cummings 2011).',
    ]);
  }
  if (planned.stimulation === 'electro' && FRONT_OF_NECK_CODES.has(point.code)) {
    found.push([
      'electro_front_of_neck',
      'caution',
      'Electroacupuncture at the front of the neck needs particular care.',
    ]);
  }
  return found;
}

function checkCircuits(plan: PlannedPoint[]): Map<PlannedPoint, [PointRuleId, SafetySeverity, string]> {
  const byCircuit = new Map<string, PlannedPoint[]>();
  for (const planned of plan) {
    if (planned.stimulation !== 'electro' || planned.circuit === undefined) continue;
    byCircuit.set(planned.circuit, [...(byCircuit.get(planned.circuit) ?? []), planned]);
  }
  const found = new Map<PlannedPoint, [PointRuleId, SafetySeverity, string]>();
  for (const [circuit, members] of byCircuit) {
    const sides = new Set(members.map((member) => member.side));
    if (sides.has('left') && sides.has('right')) {
      const text = `Circuit ${circuit} joins the left and right sides: current would cross the body (Cummings 2011).`;
      for (const member of members) found.set(member, ['electro_across_midline', 'contraindication', text]);
    } else if (sides.has('bilateral')) {
      const text = `Circuit ${circuit} has a point planned on both sides: give each lead its own side.`;
      for (const member of members) found.set(member, ['electro_circuit_side_unclear', 'caution', text]);
    }
  }
  return found;
}

/**
 * Conflicts between a planned set of points and a safety screen, contraindications first. An empty
 * list means no rule fired, not that the plan is safe: the practitioner's judgement still decides.
 */
export function checkPointPlan(screen: SafetyScreen, plan: PlannedPoint[]): PointConflict[] {
  const conflicts: PointConflict[] = [];
  const seen = new Set<string>();
  const add = (
    planned: PlannedPoint,
    code: string,
    rule: PointRuleId,
    severity: SafetySeverity,
    message: string,
  ) => {
    const key = `${code}|${planned.side}|${rule}|${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    conflicts.push({ code, side: planned.side, rule, severity, message });
  };
  const circuitProblems = checkCircuits(plan);
  for (const planned of plan) {
    const point = findAcupoint(planned.code);
    if (!point) {
      add(
        planned,
        planned.code,
        'unknown_point',
        'caution',
        `${planned.code} is not in the point list: no safety rule could be checked.`,
      );
      continue;
    }
    for (const avoid of screen.pointsToAvoid) {
      if (avoid.code === point.code) add(planned, point.code, avoid.rule, avoid.severity, avoid.reason);
    }
    for (const restriction of screen.restrictions) {
      if (coversRegion(restriction, point) && matchesTechnique(restriction, planned)) {
        add(planned, point.code, restriction.rule, restriction.severity, restriction.reason);
      }
    }
    for (const [rule, severity, message] of checkUniversalRules(point, planned)) {
      add(planned, point.code, rule, severity, message);
    }
    const circuitProblem = circuitProblems.get(planned);
    if (circuitProblem) add(planned, point.code, ...circuitProblem);
  }
  const weight = (conflict: PointConflict) => (conflict.severity === 'contraindication' ? 0 : 1);
  return conflicts
    .map((conflict, index) => ({ conflict, index }))
    .sort((a, b) => weight(a.conflict) - weight(b.conflict) || a.index - b.index)
    .map(({ conflict }) => conflict);
}
