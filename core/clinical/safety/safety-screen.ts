// The safety screen's output: findings for the practitioner, points to avoid, and machine-readable
// technique restrictions that checkPointPlan applies to a planned set of points.
import type { AcupointRegion } from '#core/clinical/acupoints/acupoint.ts';

/** `contraindication`: do not go ahead. `caution`: go ahead only after the practitioner acknowledges it. */
export const SAFETY_SEVERITIES = ['contraindication', 'caution'] as const;
export type SafetySeverity = (typeof SAFETY_SEVERITIES)[number];

export const SAFETY_RULE_IDS = [
  'pregnancy',
  'pregnancy_points',
  'pregnancy_electro_trunk',
  'pacemaker_icd_electro',
  'active_implant_electro',
  'active_implant_site',
  'breast_implant_chest',
  'joint_replacement_site',
  'metalwork_electro',
  'bleeding_disorder',
  'low_platelets',
  'anticoagulant',
  'epilepsy_electro',
  'needle_phobia_fainting',
  'skin_condition_site',
  'numb_skin',
  'metal_allergy',
  'diabetes',
  'immunosuppression',
] as const;
export type SafetyRuleId = (typeof SAFETY_RULE_IDS)[number];

export type SafetyFinding = {
  id: SafetyRuleId;
  severity: SafetySeverity;
  /** For the practitioner, not the patient. */
  text: string;
  source: string;
};

/**
 * What a restriction covers: `any` use of a point, `needling` (manual or electro), `electro`,
 * `moxibustion`, `cupping`, or `deep-needling` (a planned depth over `maxDepthMm`, or no depth given).
 */
export const RESTRICTED_TECHNIQUES = [
  'any',
  'needling',
  'electro',
  'moxibustion',
  'cupping',
  'deep-needling',
] as const;
export type RestrictedTechnique = (typeof RESTRICTED_TECHNIQUES)[number];

export type TechniqueRestriction = {
  rule: SafetyRuleId;
  severity: SafetySeverity;
  applies: RestrictedTechnique;
  /** `all` for the whole body. */
  regions: AcupointRegion[] | 'all';
  maxDepthMm: number | null;
  reason: string;
};

export type PointToAvoid = { code: string; reason: string; rule: SafetyRuleId; severity: SafetySeverity };

export type SafetyScreen = {
  contraindications: SafetyFinding[];
  cautions: SafetyFinding[];
  pointsToAvoid: PointToAvoid[];
  restrictions: TechniqueRestriction[];
  electroacupunctureAllowed: boolean;
  electroacupunctureRestrictions: string[];
  cuppingAllowed: boolean;
  cuppingRestrictions: string[];
  practitionerAlerts: string[];
};

// Chen et al., J Acupunct Meridian Stud 2018;11(6):355–360: mean skin-to-pleura depth at GB21 was
// 17.4 mm in men and 14.6 mm in women, and thin patients lie below the mean. 10 mm keeps a margin
// under the smaller mean; it is a product convention for every pneumothorax-risk point (verify).
export const PNEUMOTHORAX_SAFE_DEPTH_MM = 10;

// reference.md f asks for "shallower needling" with anticoagulants but gives no figure; 10 mm is
// a product convention for a clinician to confirm.
export const BLEEDING_RISK_MAX_DEPTH_MM = 10;
