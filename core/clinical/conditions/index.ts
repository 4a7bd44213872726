import { err, ok, type Result } from '#core/shared/result.ts';
import { CONDITION_IDS, type Condition, type ConditionId } from './condition.ts';
import { degenerativeDiscDisease } from './degenerative-disc-disease.ts';
import { facetJointPain } from './facet-joint-pain.ts';
import { lumbarDiscHerniation } from './lumbar-disc-herniation.ts';
import { lumbarSpinalStenosis } from './lumbar-spinal-stenosis.ts';
import { lumbarSpondylosisOsteoarthritis } from './lumbar-spondylosis-osteoarthritis.ts';
import { lumbarStrainSprain } from './lumbar-strain-sprain.ts';
import { neckPain } from './neck-pain.ts';
import { nonspecificLowBackPain } from './nonspecific-low-back-pain.ts';
import { sacroiliacJointDysfunction } from './sacroiliac-joint-dysfunction.ts';
import { sciaticaRadiculopathy } from './sciatica-radiculopathy.ts';
import { scoliosisDeformity } from './scoliosis-deformity.ts';
import { spondylolisthesis } from './spondylolisthesis.ts';
import { vertebralCompressionFracture } from './vertebral-compression-fracture.ts';

export type {
  AcupunctureEvidence,
  AdviceUrgency,
  ClinicalCode,
  Condition,
  ConditionId,
  ConditionReference,
  DoctorAdvice,
  EvidenceGrade,
  EvidenceSource,
  GuidelineStatement,
  RedFlagId,
  SignOffStatus,
} from './condition.ts';
export {
  ADVICE_URGENCIES,
  CONDITION_IDS,
  EVIDENCE_GRADES,
  EVIDENCE_SOURCES,
  RED_FLAG_IDS,
} from './condition.ts';

// Keyed by id so the compiler insists on one entry for every id in CONDITION_IDS; the test checks
// each entry is filed under its own id.
const CONDITIONS_BY_ID: Readonly<Record<ConditionId, Condition>> = {
  'lumbar-strain-sprain': lumbarStrainSprain,
  'nonspecific-low-back-pain': nonspecificLowBackPain,
  'sciatica-radiculopathy': sciaticaRadiculopathy,
  'lumbar-disc-herniation': lumbarDiscHerniation,
  'degenerative-disc-disease': degenerativeDiscDisease,
  'facet-joint-pain': facetJointPain,
  'sacroiliac-joint-dysfunction': sacroiliacJointDysfunction,
  'lumbar-spinal-stenosis': lumbarSpinalStenosis,
  spondylolisthesis,
  'lumbar-spondylosis-osteoarthritis': lumbarSpondylosisOsteoarthritis,
  'scoliosis-deformity': scoliosisDeformity,
  'vertebral-compression-fracture': vertebralCompressionFracture,
  'neck-pain': neckPain,
};

/** Every condition, in the order of reference.md section a. */
export function listConditions(): readonly Condition[] {
  return CONDITION_IDS.map((id) => CONDITIONS_BY_ID[id]);
}

export function isConditionId(value: string): value is ConditionId {
  return (CONDITION_IDS as readonly string[]).includes(value);
}

export type ConditionNotFound = { code: 'not_found'; id: string };

/** Looks a condition up by its public id (the `/conditions/{id}` path and the API). */
export function findCondition(id: string): Result<Condition, ConditionNotFound> {
  return isConditionId(id) ? ok(CONDITIONS_BY_ID[id]) : err({ code: 'not_found', id });
}
