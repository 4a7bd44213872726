// The FHIR router: a plain function from a parsed request to a status and a resource, with no HTTP
// framework in sight (index.ts adapts Hono to it). Read, search with paging, Patient/$everything.
import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import { auditFhirAccess } from '#services/fhir/audit-fhir-access.ts';
import { isPatientInScope } from '#services/fhir/patient-scope.ts';
import { idOfReference } from './mappers/code-systems.ts';
import { FhirError } from './outcome.ts';
import { findResourceDefinition } from './registry.ts';
import type { FhirRequestContext, FhirResourceDefinition } from './resource-definition.ts';
import { emptySearch, parseSearch } from './search-params.ts';

export type FhirRequest = {
  method: string;
  /** The path below /fhir/R4, e.g. `/Patient/123`. */
  path: string;
  query: URLSearchParams;
  clientAddress?: string;
};

export type FhirResult = { status: number; resource: Resource };

const ID = /^[A-Za-z0-9\-.]{1,64}$/;

function fhirBase(ctx: FhirRequestContext): string {
  return `${ctx.mapping.publicUrl}/fhir/R4`;
}

function entryOf(ctx: FhirRequestContext, resource: Resource, mode: 'match' | 'include'): BundleEntry {
  return { fullUrl: `${fhirBase(ctx)}/${resource.resourceType}/${resource.id}`, resource, search: { mode } };
}

function definitionOf(type: string): FhirResourceDefinition {
  const definition = findResourceDefinition(type);
  if (!definition) {
    throw new FhirError(
      404,
      'not-supported',
      `${type} is not a resource type this server supports (see /metadata).`,
    );
  }
  return definition;
}

function notFound(type: string, id: string): FhirError {
  // The same answer for a missing record and one the caller may not see (CONTRACT.md §4, §5).
  return new FhirError(404, 'not-found', `${type}/${id} is not known.`);
}

async function audit(
  ctx: FhirRequestContext,
  request: FhirRequest,
  definition: FhirResourceDefinition,
  entry: { interaction: 'read' | 'search' | 'everything'; resourceId?: string; returned: number },
) {
  if (!definition.clinical) return;
  await auditFhirAccess(ctx.services, ctx.actor, {
    ...entry,
    resourceType: definition.type,
    ...(request.clientAddress ? { clientAddress: request.clientAddress } : {}),
  });
}

/**
 * The request context as one resource type may use it: clinical records (visits, scores, notes,
 * conditions) follow the access policy's `read-clinical` rule, under which an admin sees no one's
 * (services/auth/access-policy.ts); Patient, Appointment and the clinic's own resources keep the
 * caller's scope.
 */
const CLINICAL_RECORD_TYPES: ReadonlySet<string> = new Set([
  'Encounter',
  'QuestionnaireResponse',
  'Observation',
  'Procedure',
  'Condition',
]);

function contextFor(ctx: FhirRequestContext, definition: FhirResourceDefinition): FhirRequestContext {
  if (!CLINICAL_RECORD_TYPES.has(definition.type) || ctx.actor.role !== 'admin') return ctx;
  return { ...ctx, patientScope: async () => [] };
}

async function read(
  ctx: FhirRequestContext,
  request: FhirRequest,
  type: string,
  id: string,
): Promise<FhirResult> {
  const definition = definitionOf(type);
  if (!ID.test(id)) throw notFound(type, id);
  const resource = await definition.read(contextFor(ctx, definition), id);
  if (!resource) throw notFound(type, id);
  await audit(ctx, request, definition, { interaction: 'read', resourceId: id, returned: 1 });
  return { status: 200, resource };
}

function pageLink(
  ctx: FhirRequestContext,
  request: FhirRequest,
  relation: string,
  offset: number,
): BundleLink {
  const query = new URLSearchParams(request.query);
  query.delete('_offset');
  if (offset > 0) query.set('_offset', String(offset));
  const text = query.toString();
  return { relation, url: `${fhirBase(ctx)}${request.path}${text ? `?${text}` : ''}` };
}

async function search(ctx: FhirRequestContext, request: FhirRequest, type: string): Promise<FhirResult> {
  const definition = definitionOf(type);
  const parsed = parseSearch(request.query, definition.searchParams, ctx.mapping.timeZone);
  const matches = await definition.search(contextFor(ctx, definition), parsed);
  const page = matches.slice(parsed.offset, parsed.offset + parsed.count);
  const link: BundleLink[] = [pageLink(ctx, request, 'self', parsed.offset)];
  if (parsed.count > 0 && parsed.offset + parsed.count < matches.length) {
    link.push(pageLink(ctx, request, 'next', parsed.offset + parsed.count));
  }
  if (parsed.offset > 0)
    link.push(pageLink(ctx, request, 'previous', Math.max(0, parsed.offset - parsed.count)));
  await audit(ctx, request, definition, { interaction: 'search', returned: page.length });
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link,
    entry: page.map((r) => entryOf(ctx, r, 'match')),
  };
  return { status: 200, resource: bundle };
}

// The resource types $everything gathers for one patient, after the Patient itself.
const PATIENT_RECORD_TYPES = [
  'Appointment',
  'Encounter',
  'QuestionnaireResponse',
  'Observation',
  'Procedure',
  'Condition',
] as const;

/** Every reference in a resource to a resource of the given type (the ids). */
function collectReferences(value: unknown, type: string, into: Set<string>): void {
  if (Array.isArray(value)) for (const item of value) collectReferences(item, type, into);
  else if (value && typeof value === 'object') {
    const id = idOfReference(value as { reference?: string }, type);
    if (id) into.add(id);
    for (const child of Object.values(value)) collectReferences(child, type, into);
  }
}

async function everything(
  ctx: FhirRequestContext,
  request: FhirRequest,
  patientId: string,
): Promise<FhirResult> {
  for (const key of request.query.keys()) {
    if (key !== '_format')
      throw new FhirError(400, 'not-supported', `$everything takes no parameters here (${key}).`);
  }
  const patientDefinition = definitionOf('Patient');
  if (!ID.test(patientId) || !isPatientInScope(await ctx.patientScope(), patientId))
    throw notFound('Patient', patientId);
  const patient = await patientDefinition.read(ctx, patientId);
  if (!patient) throw notFound('Patient', patientId);
  const matches: Resource[] = [patient];
  for (const type of PATIENT_RECORD_TYPES) {
    const forPatient = emptySearch();
    forPatient.references.set('patient', [{ type: 'Patient', id: patientId }]);
    const definition = definitionOf(type);
    matches.push(...(await definition.search(contextFor(ctx, definition), forPatient)));
  }
  const included: Resource[] = [];
  for (const type of ['Practitioner', 'Location'] as const) {
    const ids = new Set<string>();
    collectReferences(matches, type, ids);
    if (ids.size === 0) continue;
    const byId = emptySearch();
    byId.tokens.set(
      '_id',
      [...ids].map((code) => ({ code })),
    );
    included.push(...(await definitionOf(type).search(ctx, byId)));
  }
  await audit(ctx, request, patientDefinition, {
    interaction: 'everything',
    resourceId: patientId,
    returned: matches.length,
  });
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: [{ relation: 'self', url: `${fhirBase(ctx)}${request.path}` }],
    entry: [
      ...matches.map((r) => entryOf(ctx, r, 'match')),
      ...included.map((r) => entryOf(ctx, r, 'include')),
    ],
  };
  return { status: 200, resource: bundle };
}

export async function handleFhirRequest(ctx: FhirRequestContext, request: FhirRequest): Promise<FhirResult> {
  if (request.method !== 'GET') {
    throw new FhirError(405, 'not-supported', 'This FHIR API is read-only: only GET is supported.');
  }
  let segments: string[];
  try {
    segments = request.path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    throw new FhirError(400, 'invalid', 'The request path is not valid.');
  }
  const [type, id, operation] = segments;
  if (type && segments.length === 1) return search(ctx, request, type);
  if (type && id && segments.length === 2) return read(ctx, request, type, id);
  if (type === 'Patient' && id && operation === '$everything' && segments.length === 3) {
    return everything(ctx, request, id);
  }
  throw new FhirError(404, 'not-supported', 'This FHIR interaction is not supported (see /metadata).');
}
