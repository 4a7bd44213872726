// What a supported resource type declares: its interactions and search parameters (from which the
// CapabilityStatement is built) and the two functions that serve them. Handlers get plain parsed
// input and return resources; only index.ts knows about HTTP (ENGINEERING.md §4, after Medplum).
import type { Resource, ResourceType } from '@medplum/fhirtypes';
import type { Actor } from '#services/auth/actor.ts';
import type { ServiceContext } from '#services/context.ts';
import type { PatientScope } from '#services/fhir/patient-scope.ts';
import type { RecordFilter } from '#services/fhir/record-filter.ts';
import type { MappingContext } from './mappers/code-systems.ts';
import type { DateBounds, ParsedSearch, ReferenceValue, SearchParamDefinition } from './search-params.ts';

export type FhirRequestContext = {
  services: ServiceContext;
  actor: Actor;
  mapping: MappingContext;
  /** Whose records the caller may see; computed once per request, on first use. */
  patientScope(): Promise<PatientScope>;
};

export type FhirResourceDefinition = {
  type: ResourceType;
  interactions: Array<'read' | 'search-type'>;
  searchParams: SearchParamDefinition[];
  operations?: Array<{ name: string; definition: string; documentation: string }>;
  /** Patient records (audited when read); false for the clinic's public facts. */
  clinical: boolean;
  read(ctx: FhirRequestContext, id: string): Promise<Resource | null>;
  /** Every match, in a stable order; the router pages. */
  search(ctx: FhirRequestContext, search: ParsedSearch): Promise<Resource[]>;
};

export const ID_PARAM: SearchParamDefinition = {
  name: '_id',
  type: 'token',
  documentation: 'Logical ids, comma-separated.',
};
export const PATIENT_PARAM: SearchParamDefinition = {
  name: 'patient',
  type: 'reference',
  documentation: 'The patient (Patient/id), comma-separated for several.',
};
export const SUBJECT_PARAM: SearchParamDefinition = {
  name: 'subject',
  type: 'reference',
  documentation: 'The subject; only Patient subjects exist here.',
};

export function dateParam(name: string, what: string): SearchParamDefinition {
  return {
    name,
    type: 'date',
    documentation: `${what}; prefixes eq, gt, ge, lt, le, sa, eb; repeat for a range. Dates without an offset are read in the clinic's time zone.`,
  };
}

/** `_id` values, or undefined when not searched. */
export function idsFrom(search: ParsedSearch): string[] | undefined {
  return search.tokens.get('_id')?.map((t) => t.code);
}

export function tokenCodes(search: ParsedSearch, name: string): string[] | undefined {
  return search.tokens.get(name)?.map((t) => t.code);
}

/** Ids from references of the given type (`Patient/1` or a bare `1`); other types match nothing. */
export function referencedIds(
  values: readonly ReferenceValue[] | undefined,
  type: string,
): string[] | undefined {
  return values?.filter((v) => v.type === undefined || v.type === type).map((v) => v.id);
}

/** `patient` and `subject` together (AND when both are given). */
export function patientIdsFrom(search: ParsedSearch): string[] | undefined {
  const patient = referencedIds(search.references.get('patient'), 'Patient');
  const subject = referencedIds(search.references.get('subject'), 'Patient');
  if (patient && subject) return patient.filter((id) => subject.includes(id));
  return patient ?? subject;
}

/** The filter for a patient-linked search: the caller's scope, `_id`, `patient`/`subject` and a date. */
export async function recordFilterFrom(
  ctx: FhirRequestContext,
  search: ParsedSearch,
  dateName?: string,
): Promise<RecordFilter> {
  const ids = idsFrom(search);
  const patientIds = patientIdsFrom(search);
  const date: DateBounds = (dateName && search.dates.get(dateName)) || {};
  return {
    scope: await ctx.patientScope(),
    ...(ids ? { ids } : {}),
    ...(patientIds ? { patientIds } : {}),
    ...(date.from ? { from: date.from } : {}),
    ...(date.to ? { to: date.to } : {}),
  };
}
