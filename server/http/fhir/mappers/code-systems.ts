// Code systems and URLs the FHIR mappers use (docs/INTEROP.md lists them). External systems by their
// official URIs; the clinic's own concepts under a CodeSystem URL at the clinic's PUBLIC_URL.
import type { Reference, Resource, ResourceType } from '@medplum/fhirtypes';
import { Temporal } from 'temporal-polyfill';
import { formatOffsetDateTime } from '#core/scheduling/offset-date-time.ts';

export const LOINC = 'http://loinc.org';
export const SNOMED_CT = 'http://snomed.info/sct';
export const CPT = 'http://www.ama-assn.org/go/cpt';
export const ICD_10_CM = 'http://hl7.org/fhir/sid/icd-10-cm';
export const UCUM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
// Extension from the FHIR extensions pack: the IANA time zone of a Location.
export const TIMEZONE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/timezone';

/** What every mapper needs besides its record: where the clinic's own URLs live, and its zone. */
export type MappingContext = {
  /** The clinic's PUBLIC_URL without a trailing slash. */
  publicUrl: string;
  /** IANA zone for times that have no location of their own. */
  timeZone: string;
};

export type LocalCodeSystem =
  | 'appointment-type'
  | 'acupoint'
  | 'outcome-score'
  | 'score-band'
  | 'condition-library'
  | 'acupuncture-technique';

/** A CodeSystem of the clinic's own, e.g. `https://clinic.example/fhir/CodeSystem/acupoint`. */
export function localCodeSystem(m: MappingContext, name: LocalCodeSystem): string {
  return `${m.publicUrl}/fhir/CodeSystem/${name}`;
}

/** A local extension URL, e.g. for the side of a needled point. */
export function localExtension(m: MappingContext, name: 'acupoint-side' | 'acupuncture-technique'): string {
  return `${m.publicUrl}/fhir/StructureDefinition/${name}`;
}

/** An identifier system of the clinic's own (practitioner and location slugs). */
export function localIdentifierSystem(m: MappingContext, name: 'practitioner' | 'location'): string {
  return `${m.publicUrl}/fhir/sid/${name}`;
}

export function referenceTo<K extends ResourceType>(
  type: K,
  id: string,
  display?: string,
): Reference<Extract<Resource, { resourceType: K }>> {
  return { reference: `${type}/${id}`, ...(display ? { display } : {}) };
}

/** The id of a `Type/id` reference of the expected type, or null. */
export function idOfReference(reference: Reference | undefined, type: string): string | null {
  const match = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(reference?.reference ?? '');
  return match && match[1] === type ? match[2]! : null;
}

/** A FHIR instant/dateTime with the offset of `timeZone` (as the JSON API shows times). */
export function formatInstant(date: Date, timeZone: string): string {
  return formatOffsetDateTime(
    Temporal.Instant.fromEpochMilliseconds(date.getTime()).toZonedDateTimeISO(timeZone),
  );
}
