// Condition: a condition-library id that a practitioner assigns to a patient. No table records such
// assignments yet (db/schema has none), so there is nothing to derive: searches answer an empty
// Bundle and reads 404 (docs/INTEROP.md). mappers/condition.mapper.ts is ready for when one exists.
import type { FhirResourceDefinition } from '../resource-definition.ts';
import { ID_PARAM, PATIENT_PARAM, SUBJECT_PARAM } from '../resource-definition.ts';

export const conditionResource: FhirResourceDefinition = {
  type: 'Condition',
  interactions: ['read', 'search-type'],
  clinical: true,
  searchParams: [ID_PARAM, PATIENT_PARAM, SUBJECT_PARAM],
  async read() {
    return null;
  },
  async search() {
    return [];
  },
};
