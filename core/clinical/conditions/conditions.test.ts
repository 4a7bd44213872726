import { describe, expect, it } from 'vitest';
import {
  type Condition,
  type EvidenceGrade,
  findCondition,
  listConditions,
  type RedFlagId,
} from './index.ts';
import { REFERENCES } from './references.ts';

// reference.md section a, in order.
const REFERENCE_IDS = [
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
];

// Grades read from reference.md a (last column) and b; see EvidenceGrade in condition.ts.
const EXPECTED_GRADES: Record<string, EvidenceGrade> = {
  'lumbar-strain-sprain': 'low', // ACP 2017 rec. 1, low-quality evidence
  'nonspecific-low-back-pain': 'moderate', // ACP 2017 rec. 2, moderate-quality group
  'sciatica-radiculopathy': 'low', // one trial (Tu 2024)
  'lumbar-disc-herniation': 'low', // "as for sciatica"
  'degenerative-disc-disease': 'very-low', // "managed as chronic LBP; no specific trials"
  'facet-joint-pain': 'very-low', // "no facet-specific trial found"
  'sacroiliac-joint-dysfunction': 'very-low', // "limited evidence"
  'lumbar-spinal-stenosis': 'very-low', // "limited evidence"
  spondylolisthesis: 'insufficient', // "symptom relief only"
  'lumbar-spondylosis-osteoarthritis': 'very-low', // "as chronic low back pain"
  'scoliosis-deformity': 'insufficient', // "pain relief only"
  'vertebral-compression-fracture': 'not-before-assessment', // "not before medical assessment"
  'neck-pain': 'low', // Cochrane (Trinh 2016), figures marked (verify)
};

// red-flags.md, "level alone".
const RED_FLAG_LEVELS: Record<RedFlagId, 'emergency' | 'urgent' | 'soon'> = {
  saddle_numbness: 'emergency',
  bladder_change: 'emergency',
  bowel_change: 'emergency',
  sexual_change: 'emergency',
  bilateral_leg_symptoms: 'emergency',
  progressive_weakness: 'emergency',
  major_trauma: 'emergency',
  minor_trauma_fragility: 'urgent',
  aortic_symptoms: 'emergency',
  fever: 'urgent',
  infection_risk: 'soon',
  cancer_history: 'urgent',
  weight_loss: 'soon',
  night_pain: 'soon',
  thoracic_pain: 'soon',
  inflammatory_pattern: 'soon',
};

// Every ICD-10-CM code reference.md section a gives, and the ones it marks (verify).
const REFERENCE_ICD_CODES = new Set([
  ...['S39.012A', 'S33.5XXA', 'M54.50', 'M54.59', 'M54.30', 'M54.31', 'M54.32', 'M54.40', 'M54.41'],
  ...['M54.42', 'M54.16', 'M54.17', 'M51.16', 'M51.17', 'M51.26', 'M51.27', 'M51.360', 'M51.361'],
  ...['M51.362', 'M51.369', 'M51.370', 'M51.371', 'M51.372', 'M51.379', 'M47.816', 'M47.817'],
  ...['M53.3', 'M46.1', 'M53.2X8', 'S33.6XXA', 'M48.061', 'M48.062', 'M48.07', 'M48.02', 'M43.16'],
  ...['M43.17', 'M43.06', 'Q76.2', 'M47.26', 'M47.27', 'M47.812', 'M41.9', 'M41.26', 'M41.27'],
  ...['M41.126', 'M80.08XA', 'M48.56XA', 'S32.010A', 'M54.2', 'M54.12', 'S16.1XXA', 'S13.4XXA'],
]);
const REFERENCE_SNOMED_CODES = new Set([
  ...['279039007', '278860009', '161891005', '23056005', '77547008', '76107001', '18347007'],
  ...['274152003', '298382003', '81680005'],
]);
const CODES_MARKED_VERIFY: Record<string, string[]> = {
  'degenerative-disc-disease': ['M51.360', 'M51.361', 'M51.362', 'M51.369', 'M51.370', 'M51.379'],
  'facet-joint-pain': ['M47.816', 'M47.817'],
  'sacroiliac-joint-dysfunction': ['M53.3', 'M46.1', 'M53.2X8', 'S33.6XXA'],
  'lumbar-spinal-stenosis': ['18347007'],
  'vertebral-compression-fracture': ['S32.010A'],
};

const conditions = listConditions();
const lowBackConditions = conditions.filter((condition) => condition.id !== 'neck-pain');

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(collectStrings);
  return [];
}

function collectPatientText(condition: Condition): string[] {
  return [
    condition.name,
    condition.summary,
    ...condition.whatItIs,
    ...condition.commonSymptoms,
    ...condition.howAcupunctureMayHelp,
    condition.acupunctureEvidence.headline,
    ...condition.acupunctureEvidence.guidelines.map((guideline) => guideline.says),
    condition.acupunctureEvidence.disagreement,
    ...condition.whatToExpect,
    ...condition.whenToSeeADoctor.map((advice) => advice.text),
  ];
}

function countSentences(text: string): number {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"])/).filter((part) => part.trim() !== '').length;
}

describe('condition library', () => {
  it('has exactly the ids of reference.md section a, once each, in order', () => {
    expect(conditions.map((condition) => condition.id)).toEqual(REFERENCE_IDS);
  });

  it('finds every condition under its own id', () => {
    for (const id of REFERENCE_IDS) {
      const found = findCondition(id);
      expect(found.ok && found.value.id).toBe(id);
    }
  });

  it('answers not_found for an unknown id instead of throwing', () => {
    expect(findCondition('chronic-pain')).toEqual({
      ok: false,
      error: { code: 'not_found', id: 'chronic-pain' },
    });
    expect(findCondition('')).toMatchObject({ ok: false });
  });

  it.each(conditions)(
    '$id has no empty text or list (SNOMED may be empty where none is confirmed)',
    (condition) => {
      for (const text of collectStrings(condition)) expect(text.trim()).not.toBe('');
      const lists = {
        whatItIs: condition.whatItIs,
        commonSymptoms: condition.commonSymptoms,
        howAcupunctureMayHelp: condition.howAcupunctureMayHelp,
        guidelines: condition.acupunctureEvidence.guidelines,
        whatToExpect: condition.whatToExpect,
        whenToSeeADoctor: condition.whenToSeeADoctor,
        icd10cm: condition.codes.icd10cm,
        references: condition.references,
        relatedArticles: condition.relatedArticles,
        relatedConditions: condition.relatedConditions,
      };
      for (const [field, list] of Object.entries(lists)) expect(list.length, field).toBeGreaterThan(0);
    },
  );

  it.each(conditions)(
    '$id keeps the summary to one or two sentences and the headline to one',
    (condition) => {
      expect(countSentences(condition.summary)).toBeLessThanOrEqual(2);
      expect(countSentences(condition.acupunctureEvidence.headline)).toBe(1);
    },
  );

  it.each(conditions)('$id names no invented reviewer and awaits clinician sign-off', (condition) => {
    expect(condition.reviewer).toBe('Backpoint clinical content team');
    expect(condition.signOffStatus).toBe('awaiting-clinician-sign-off');
    expect(condition.reviewedOn).toBe('2026-11-25');
  });

  it.each(conditions)('$id carries the evidence grade that reference.md supports', (condition) => {
    expect(condition.acupunctureEvidence.grade).toBe(EXPECTED_GRADES[condition.id]);
  });

  it('says a compression fracture needs a medical assessment before acupuncture', () => {
    const fracture = findCondition('vertebral-compression-fracture');
    if (!fracture.ok) throw new Error('missing vertebral-compression-fracture');
    expect(fracture.value.acupunctureEvidence.grade).toBe('not-before-assessment');
    expect(fracture.value.summary).toMatch(/doctor must check/i);
    expect(fracture.value.whatToExpect[0]).toMatch(/see a doctor before booking/i);
  });

  it.each(lowBackConditions)('$id states NICE NG59 and the disagreement about sham needling', (condition) => {
    const { guidelines, disagreement } = condition.acupunctureEvidence;
    expect(guidelines.map((guideline) => guideline.source)).toContain('NICE NG59');
    expect(disagreement).toMatch(/NICE/);
    expect(disagreement).toMatch(/sham/);
    expect(condition.references).toContainEqual(REFERENCES.niceNg59);
  });

  it('does not apply the low back pain guideline NICE NG59 to neck pain', () => {
    const neck = findCondition('neck-pain');
    if (!neck.ok) throw new Error('missing neck-pain');
    expect(neck.value.acupunctureEvidence.guidelines.map((guideline) => guideline.source)).not.toContain(
      'NICE NG59',
    );
  });

  it.each(conditions)('$id gives each red flag the urgency red-flags.md gives it', (condition) => {
    for (const advice of condition.whenToSeeADoctor) {
      if (advice.redFlagId !== undefined) expect(advice.urgency).toBe(RED_FLAG_LEVELS[advice.redFlagId]);
    }
    expect(condition.whenToSeeADoctor.some((advice) => advice.urgency === 'emergency')).toBe(true);
  });

  it.each(lowBackConditions)('$id lists every cauda equina sign as an emergency', (condition) => {
    const flagged = condition.whenToSeeADoctor.map((advice) => advice.redFlagId);
    for (const id of [
      'saddle_numbness',
      'bladder_change',
      'bowel_change',
      'bilateral_leg_symptoms',
    ] as const) {
      expect(flagged).toContain(id);
    }
  });

  it.each(conditions)('$id uses only codes reference.md gives, in valid form', (condition) => {
    for (const { code } of condition.codes.icd10cm) {
      expect(REFERENCE_ICD_CODES.has(code), code).toBe(true);
      expect(code).toMatch(/^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/);
      // reference.md a: S-codes need a 7th character.
      if (code.startsWith('S')) expect(code.replace('.', '')).toHaveLength(7);
    }
    // reference.md a: M54.5 is invalid since 1 October 2021.
    expect(condition.codes.icd10cm.map((entry) => entry.code)).not.toContain('M54.5');
    for (const { code } of condition.codes.snomed) expect(REFERENCE_SNOMED_CODES.has(code), code).toBe(true);
  });

  it.each(conditions)('$id marks the codes reference.md flags "(verify)" as unverified', (condition) => {
    const all = [...condition.codes.icd10cm, ...condition.codes.snomed];
    for (const code of CODES_MARKED_VERIFY[condition.id] ?? []) {
      expect(all.find((entry) => entry.code === code)?.verified, code).toBe(false);
    }
  });

  it.each(conditions)('$id cites only the library references, with safe links', (condition) => {
    const known = Object.values(REFERENCES).map((reference) => reference.citation);
    for (const reference of condition.references) {
      expect(known).toContain(reference.citation);
      expect(reference.year).toBeGreaterThanOrEqual(1980);
      expect(reference.year).toBeLessThanOrEqual(2026);
      if ('url' in reference && reference.url !== undefined) {
        expect(reference.url).toMatch(/^https:\/\/(doi\.org\/10\.|www\.nice\.org\.uk\/guidance\/)/);
      }
    }
  });

  it.each(conditions)('$id relates only to other, known conditions, without repeats', (condition) => {
    expect(condition.relatedConditions).not.toContain(condition.id);
    expect(new Set(condition.relatedConditions).size).toBe(condition.relatedConditions.length);
    for (const id of condition.relatedConditions) expect(REFERENCE_IDS).toContain(id);
    expect(new Set(condition.relatedArticles).size).toBe(condition.relatedArticles.length);
  });

  it.each(conditions)("$id avoids miracle language and the seeds' unsupported claims", (condition) => {
    const text = collectPatientText(condition).join('\n');
    // reference.md b: drop "incredibly effective", cytokine clearing and collagen claims; DESIGN.md: never "cures".
    expect(text).not.toMatch(/\bcur(es|ed|ing)\b|miracle|guarantee|incredibly|particularly effective/i);
    expect(text).not.toMatch(/cytokine|collagen|toxin|\bQi\b|meridian/i);
    expect(text.replace(/not a cure/gi, '')).not.toMatch(/\bcure\b/i);
  });

  it.each(conditions)('$id reads plainly: short sentences on average, none very long', (condition) => {
    const sentences = collectPatientText(condition)
      .flatMap((text) => text.split(/(?<=[.!?])\s+/))
      .filter((sentence) => sentence.trim() !== '');
    const wordCounts = sentences.map((sentence) => sentence.split(/\s+/).length);
    const average = wordCounts.reduce((sum, count) => sum + count, 0) / wordCounts.length;
    expect(average).toBeLessThanOrEqual(15);
    expect(Math.max(...wordCounts)).toBeLessThanOrEqual(25);
  });
});
