// The condition library's shape. Ids and codes follow /clinical/reference.md section a;
// evidence follows section b; red-flag ids are the canonical ones in red-flags.md.

// reference.md section a, in its order. A separate "chronic pain" entry is deliberately absent:
// chronic low back pain is nonspecific-low-back-pain (chronic after about three months), and
// NICE NG193 (chronic primary pain) leaves low back pain to NG59.
export const CONDITION_IDS = [
  'lumbar-strain-sprain',
  'nonspecific-low-back-pain',
  'sciatica-radiculopathy',
  'lumbar-disc-herniation',
  'degenerative-disc-disease',
  'facet-joint-pain',
  'sacroiliac-joint-dysfunction',
  'lumbar-spinal-stenosis',
  'spondylolisthesis',
  'lumbar-spondylosis-osteoarthritis',
  'scoliosis-deformity',
  'vertebral-compression-fracture',
  'neck-pain',
] as const;

export type ConditionId = (typeof CONDITION_IDS)[number];

/**
 * How strong the evidence for acupuncture is, in the library's own plain scale:
 * - `moderate`: direct trials, rated moderate quality by a guideline (ACP 2017).
 * - `low`: direct trials, but low certainty or few trials.
 * - `very-low`: no trials of this condition on its own; only indirect evidence from
 *   chronic low back pain trials, which will have included people like this.
 * - `insufficient`: too little evidence to say; any benefit would be symptom relief only.
 * - `not-before-assessment`: a doctor must assess the problem before acupuncture is considered.
 */
export const EVIDENCE_GRADES = [
  'moderate',
  'low',
  'very-low',
  'insufficient',
  'not-before-assessment',
] as const;
export type EvidenceGrade = (typeof EVIDENCE_GRADES)[number];

// Sources named in reference.md sections b and f.
export const EVIDENCE_SOURCES = [
  'ACP 2017',
  'NICE NG59',
  'NICE NG193',
  'Cochrane 2020',
  'Cochrane 2016 (neck)',
  'NCCIH',
  'Tu 2024',
  'Medicare NCD 30.3.3',
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

export type GuidelineStatement = {
  source: EvidenceSource;
  /** One plain sentence. */
  says: string;
};

export type AcupunctureEvidence = {
  grade: EvidenceGrade;
  /** One plain sentence, e.g. "Moderate evidence of a small benefit for chronic low back pain." */
  headline: string;
  guidelines: GuidelineStatement[];
  /** Where the sources disagree, in plain words. */
  disagreement: string;
};

// The red-flag ids of red-flags.md (the checker rejects any other).
export const RED_FLAG_IDS = [
  'saddle_numbness',
  'bladder_change',
  'bowel_change',
  'sexual_change',
  'bilateral_leg_symptoms',
  'progressive_weakness',
  'major_trauma',
  'minor_trauma_fragility',
  'aortic_symptoms',
  'fever',
  'infection_risk',
  'cancer_history',
  'weight_loss',
  'night_pain',
  'thoracic_pain',
  'inflammatory_pattern',
] as const;
export type RedFlagId = (typeof RED_FLAG_IDS)[number];

export const ADVICE_URGENCIES = ['emergency', 'urgent', 'soon'] as const;
export type AdviceUrgency = (typeof ADVICE_URGENCIES)[number];

/** One "see a doctor" warning. `urgency` marks the emergency ones (red-flags.md levels). */
export type DoctorAdvice = {
  text: string;
  urgency: AdviceUrgency;
  /** The matching canonical red flag, when there is one. */
  redFlagId?: RedFlagId;
};

export type ClinicalCode = {
  code: string;
  display: string;
  /** false where reference.md marks the code "(verify)"; true only means it was not flagged there. */
  verified: boolean;
};

export type ConditionReference = {
  citation: string;
  year: number;
  /** Only a NICE page or a DOI we are sure of. */
  url?: string;
};

export type SignOffStatus = 'awaiting-clinician-sign-off' | 'signed-off';

export type Condition = {
  id: ConditionId;
  name: string;
  /** One or two sentences. */
  summary: string;
  /** Paragraphs. */
  whatItIs: string[];
  commonSymptoms: string[];
  /** Paragraphs; honest about evidence, never "cures". */
  howAcupunctureMayHelp: string[];
  acupunctureEvidence: AcupunctureEvidence;
  /** Paragraphs: course length and session facts (reference.md section h). */
  whatToExpect: string[];
  whenToSeeADoctor: DoctorAdvice[];
  codes: { icd10cm: ClinicalCode[]; snomed: ClinicalCode[] };
  references: ConditionReference[];
  /** ISO date (YYYY-MM-DD). */
  reviewedOn: string;
  reviewer: string;
  // reference.md: patient-facing wording needs clinician sign-off.
  signOffStatus: SignOffStatus;
  relatedArticles: string[];
  relatedConditions: ConditionId[];
};
