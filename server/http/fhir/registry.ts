// The one list of what the FHIR facade serves. The router dispatches on it and the
// CapabilityStatement is built from it, so the two cannot drift apart.
import type { FhirResourceDefinition } from './resource-definition.ts';
import {
  locationResource,
  practitionerResource,
  scheduleResource,
  slotResource,
} from './resources/clinic.resources.ts';
import { conditionResource } from './resources/condition.resource.ts';
import {
  observationResource,
  questionnaireResource,
  questionnaireResponseResource,
} from './resources/outcome.resources.ts';
import { patientResource } from './resources/patient.resource.ts';
import { appointmentResource, encounterResource, procedureResource } from './resources/visit.resources.ts';

export const FHIR_RESOURCES: readonly FhirResourceDefinition[] = [
  patientResource,
  practitionerResource,
  locationResource,
  scheduleResource,
  slotResource,
  appointmentResource,
  encounterResource,
  questionnaireResource,
  questionnaireResponseResource,
  observationResource,
  procedureResource,
  conditionResource,
];

export function findResourceDefinition(type: string): FhirResourceDefinition | undefined {
  return FHIR_RESOURCES.find((r) => r.type === type);
}
