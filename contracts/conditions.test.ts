import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ADVICE_URGENCIES,
  CONDITION_IDS,
  type Condition as CoreCondition,
  EVIDENCE_GRADES,
  EVIDENCE_SOURCES,
  listConditions,
} from '#core/clinical/conditions/index.ts';
import {
  type Condition,
  ConditionIdSchema,
  ConditionSchema,
  ConditionSummaryListSchema,
  ConditionSummarySchema,
  DoctorAdviceSchema,
  EvidenceGradeSchema,
  GuidelineStatementSchema,
} from './conditions.ts';

// Compile-time: every core entry is a valid API body.
const asApiCondition = (condition: CoreCondition): Condition => condition;

describe('condition contracts', () => {
  it('list the same ids, grades, sources and urgencies as the condition library', () => {
    expect(ConditionIdSchema.options).toEqual([...CONDITION_IDS]);
    expect(EvidenceGradeSchema.options).toEqual([...EVIDENCE_GRADES]);
    expect(GuidelineStatementSchema.shape.source.options).toEqual([...EVIDENCE_SOURCES]);
    expect(DoctorAdviceSchema.shape.urgency.options).toEqual([...ADVICE_URGENCIES]);
  });

  it.each(listConditions())('accept the full $id entry unchanged', (condition) => {
    expect(ConditionSchema.parse(asApiCondition(condition))).toEqual(condition);
  });

  it('reduce a full entry to the four list fields of GET /api/v1/conditions', () => {
    const list = ConditionSummaryListSchema.parse(listConditions());
    expect(list).toHaveLength(CONDITION_IDS.length);
    for (const item of list) {
      expect(Object.keys(item).sort()).toEqual(['acupunctureEvidence', 'id', 'name', 'summary']);
    }
  });

  it('reject an entry with an unknown id, an empty summary or a bad grade', () => {
    const [first] = listConditions();
    if (first === undefined) throw new Error('no conditions');
    expect(ConditionSchema.safeParse({ ...first, id: 'chronic-pain' }).success).toBe(false);
    expect(ConditionSummarySchema.safeParse({ ...first, summary: '' }).success).toBe(false);
    const badGrade = { ...first.acupunctureEvidence, grade: 'high' };
    expect(ConditionSummarySchema.safeParse({ ...first, acupunctureEvidence: badGrade }).success).toBe(false);
  });

  it('name the schemas as OpenAPI components', () => {
    expect(z.globalRegistry.get(ConditionSchema)?.id).toBe('Condition');
    expect(z.globalRegistry.get(ConditionSummarySchema)?.id).toBe('ConditionSummary');
  });
});
