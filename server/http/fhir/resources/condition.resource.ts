// Condition: a condition-library id that a practitioner recorded for a patient
// (services/records/patient-conditions.ts), read through the caller's patient scope.
import { listPatientConditionsForFhir } from '#services/fhir/read-conditions.ts';
import { toFhirCondition } from '../mappers/condition.mapper.ts';
import type { FhirResourceDefinition } from '../resource-definition.ts';
import {
  dateParam,
  ID_PARAM,
  PATIENT_PARAM,
  recordFilterFrom,
  SUBJECT_PARAM,
} from '../resource-definition.ts';

export const conditionResource: FhirResourceDefinition = {
  type: 'Condition',
  interactions: ['read', 'search-type'],
  clinical: true,
  searchParams: [ID_PARAM, PATIENT_PARAM, SUBJECT_PARAM, dateParam('recorded-date', 'When it was recorded')],
  async read(ctx, id) {
    const [record] = await listPatientConditionsForFhir(ctx.services, {
      scope: await ctx.patientScope(),
      ids: [id],
    });
    return record ? toFhirCondition(record, ctx.mapping) : null;
  },
  async search(ctx, search) {
    const records = await listPatientConditionsForFhir(
      ctx.services,
      await recordFilterFrom(ctx, search, 'recorded-date'),
    );
    return records.map((record) => toFhirCondition(record, ctx.mapping));
  },
};
