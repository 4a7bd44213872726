// A condition from the condition library that a practitioner assigned to a patient, coded in
// ICD-10-CM and SNOMED CT from the library (codes the library marks unverified are still sent, as the
// library holds them). No table records such assignments yet, so the facade serves no Condition
// resources today (docs/INTEROP.md); this mapper is what it will use once one does.
import type { Condition } from '@medplum/fhirtypes';
import { findCondition } from '#core/clinical/conditions/index.ts';
import {
  CONDITION_CATEGORY,
  CONDITION_CLINICAL,
  CONDITION_VERIFICATION,
  formatInstant,
  ICD_10_CM,
  idOfReference,
  localCodeSystem,
  type MappingContext,
  referenceTo,
  SNOMED_CT,
} from './code-systems.ts';

export type AssignedConditionRecord = {
  id: string;
  patientId: string;
  /** A condition library id (CONTRACT.md §3), e.g. `sciatica-radiculopathy`. */
  conditionId: string;
  practitionerId: string;
  recordedAt: Date;
  status: 'active' | 'resolved';
};

export function toFhirCondition(record: AssignedConditionRecord, m: MappingContext): Condition {
  const found = findCondition(record.conditionId);
  const entry = found.ok ? found.value : null;
  return {
    resourceType: 'Condition',
    id: record.id,
    clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: record.status }] },
    // A working assessment in an acupuncture clinic, not a medical diagnosis.
    verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: 'provisional' }] },
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
    code: {
      coding: [
        {
          system: localCodeSystem(m, 'condition-library'),
          code: record.conditionId,
          ...(entry ? { display: entry.name } : {}),
        },
        ...(entry?.codes.icd10cm ?? []).map((c) => ({ system: ICD_10_CM, code: c.code, display: c.display })),
        ...(entry?.codes.snomed ?? []).map((c) => ({ system: SNOMED_CT, code: c.code, display: c.display })),
      ],
      text: entry?.name ?? record.conditionId,
    },
    subject: referenceTo('Patient', record.patientId),
    recordedDate: formatInstant(record.recordedAt, m.timeZone),
    recorder: referenceTo('Practitioner', record.practitionerId),
  };
}

export function readConditionFields(condition: Condition, m: MappingContext) {
  return {
    id: condition.id,
    patientId: idOfReference(condition.subject, 'Patient'),
    conditionId:
      condition.code?.coding?.find((c) => c.system === localCodeSystem(m, 'condition-library'))?.code ?? null,
    practitionerId: idOfReference(condition.recorder, 'Practitioner'),
    recordedAt: condition.recordedDate ? new Date(condition.recordedDate) : null,
    status: condition.clinicalStatus?.coding?.[0]?.code ?? null,
    icd10cm: condition.code?.coding?.filter((c) => c.system === ICD_10_CM).map((c) => c.code) ?? [],
  };
}
