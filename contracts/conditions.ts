import { z } from 'zod';

// CONTRACT.md §4 "Conditions and the checker": GET /api/v1/conditions and /api/v1/conditions/{id}.
// The data lives in core/clinical/conditions; contracts.test checks the two stay in step.

// reference.md section a.
export const ConditionIdSchema = z
  .enum([
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
  ])
  .meta({ id: 'ConditionId' });
export type ConditionId = z.infer<typeof ConditionIdSchema>;

export const EvidenceGradeSchema = z
  .enum(['moderate', 'low', 'very-low', 'insufficient', 'not-before-assessment'])
  .describe(
    '`very-low`: only indirect evidence from chronic low back pain trials; `not-before-assessment`: a doctor must assess first',
  )
  .meta({ id: 'EvidenceGrade' });
export type EvidenceGrade = z.infer<typeof EvidenceGradeSchema>;

export const GuidelineStatementSchema = z
  .object({
    source: z
      .enum([
        'ACP 2017',
        'NICE NG59',
        'NICE NG193',
        'Cochrane 2020',
        'Cochrane 2016 (neck)',
        'NCCIH',
        'Tu 2024',
        'Medicare NCD 30.3.3',
      ])
      .describe('short name of the guideline, review or trial'),
    says: z.string().min(1).describe('one plain sentence'),
  })
  .meta({ id: 'GuidelineStatement' });
export type GuidelineStatement = z.infer<typeof GuidelineStatementSchema>;

export const AcupunctureEvidenceSchema = z
  .object({
    grade: EvidenceGradeSchema,
    headline: z.string().min(1).describe('one plain sentence'),
    guidelines: z.array(GuidelineStatementSchema).min(1),
    disagreement: z.string().min(1).describe('where the sources disagree, in plain words'),
  })
  .meta({ id: 'AcupunctureEvidence' });
export type AcupunctureEvidence = z.infer<typeof AcupunctureEvidenceSchema>;

export const DoctorAdviceSchema = z
  .object({
    text: z.string().min(1),
    urgency: z.enum(['emergency', 'urgent', 'soon']).describe('levels as in the checker'),
    redFlagId: z.string().optional().describe('the matching checker red-flag id, when there is one'),
  })
  .meta({ id: 'DoctorAdvice' });
export type DoctorAdvice = z.infer<typeof DoctorAdviceSchema>;

export const ClinicalCodeSchema = z
  .object({
    code: z.string().min(1),
    display: z.string().min(1),
    verified: z.boolean().describe('false while the code is awaiting verification'),
  })
  .meta({ id: 'ClinicalCode' });
export type ClinicalCode = z.infer<typeof ClinicalCodeSchema>;

export const ConditionReferenceSchema = z
  .object({
    citation: z.string().min(1),
    year: z.number().int(),
    url: z.url().optional(),
  })
  .meta({ id: 'ConditionReference' });
export type ConditionReference = z.infer<typeof ConditionReferenceSchema>;

/** One item of `GET /api/v1/conditions`. */
export const ConditionSummarySchema = z
  .object({
    id: ConditionIdSchema,
    name: z.string().min(1),
    summary: z.string().min(1).describe('one or two sentences'),
    acupunctureEvidence: AcupunctureEvidenceSchema,
  })
  .meta({ id: 'ConditionSummary' });
export type ConditionSummary = z.infer<typeof ConditionSummarySchema>;

export const ConditionSummaryListSchema = z
  .array(ConditionSummarySchema)
  .meta({ id: 'ConditionSummaryList' });
export type ConditionSummaryList = z.infer<typeof ConditionSummaryListSchema>;

/** `GET /api/v1/conditions/{id}`: the full entry with references. */
export const ConditionSchema = z
  .object({
    id: ConditionIdSchema,
    name: z.string().min(1),
    summary: z.string().min(1),
    whatItIs: z.array(z.string().min(1)).min(1).describe('paragraphs'),
    commonSymptoms: z.array(z.string().min(1)).min(1),
    howAcupunctureMayHelp: z.array(z.string().min(1)).min(1).describe('paragraphs'),
    acupunctureEvidence: AcupunctureEvidenceSchema,
    whatToExpect: z.array(z.string().min(1)).min(1).describe('paragraphs'),
    whenToSeeADoctor: z.array(DoctorAdviceSchema).min(1),
    codes: z.object({
      icd10cm: z.array(ClinicalCodeSchema).describe('ICD-10-CM (FY2025)'),
      snomed: z.array(ClinicalCodeSchema).describe('SNOMED CT, only where confirmed'),
    }),
    references: z.array(ConditionReferenceSchema).min(1),
    reviewedOn: z.iso.date(),
    reviewer: z.string().min(1),
    signOffStatus: z.enum(['awaiting-clinician-sign-off', 'signed-off']),
    relatedArticles: z.array(z.string().min(1)).describe('article slugs (/articles/{slug})'),
    relatedConditions: z.array(ConditionIdSchema),
  })
  .meta({ id: 'Condition' });
export type Condition = z.infer<typeof ConditionSchema>;
