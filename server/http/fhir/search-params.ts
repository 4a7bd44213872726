// Parses a FHIR search query against the parameters a resource type declares (registry.ts). Anything
// not declared, any modifier and any malformed value is a 400 with an OperationOutcome: we prefer a
// clear refusal to silently ignoring a filter (FHIR "strict" handling).
import { Temporal } from 'temporal-polyfill';
import { FhirError } from './outcome.ts';

export type SearchParamType = 'token' | 'reference' | 'date' | 'string' | 'uri' | 'number';

export type SearchParamDefinition = {
  name: string;
  type: SearchParamType;
  /** What it matches; shown in the CapabilityStatement. */
  documentation: string;
};

export type TokenValue = { system?: string; code: string };
export type ReferenceValue = { type?: string; id: string };
export type DateBounds = { from?: Date; to?: Date };

export type ParsedSearch = {
  count: number;
  offset: number;
  tokens: Map<string, TokenValue[]>;
  references: Map<string, ReferenceValue[]>;
  strings: Map<string, string[]>;
  dates: Map<string, DateBounds>;
};

const DEFAULT_COUNT = 50;
const MAX_COUNT = 500;
/** Parameters every search takes (rest.searchParam in the CapabilityStatement). */
export const COMMON_SEARCH_PARAMS: SearchParamDefinition[] = [
  {
    name: '_count',
    type: 'number',
    documentation: `Page size, 0 to ${MAX_COUNT} (default ${DEFAULT_COUNT}).`,
  },
  {
    name: '_offset',
    type: 'number',
    documentation: 'Number of matches to skip (paging; the next link sets it).',
  },
];
// Accepted everywhere, handled by the HTTP adapter.
const RESULT_PARAMS = new Set(['_count', '_offset', '_format']);

export function emptySearch(): ParsedSearch {
  return {
    count: MAX_COUNT,
    offset: 0,
    tokens: new Map(),
    references: new Map(),
    strings: new Map(),
    dates: new Map(),
  };
}

function invalid(message: string): FhirError {
  return new FhirError(400, 'invalid', message);
}

function parseWholeNumber(name: string, value: string, max: number): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) > max) {
    throw invalid(`${name} must be a whole number from 0 to ${max}.`);
  }
  return Number(value);
}

function splitList(value: string): string[] {
  // A backslash escapes a comma inside a value (FHIR search, "Escaping Search Parameters").
  return value
    .split(/(?<!\\),/)
    .map((v) => v.replace(/\\,/g, ','))
    .filter((v) => v.length > 0);
}

function parseToken(value: string): TokenValue {
  const bar = value.indexOf('|');
  if (bar < 0) return { code: value };
  const system = value.slice(0, bar);
  return { ...(system ? { system } : { system: '' }), code: value.slice(bar + 1) };
}

function parseReference(value: string): ReferenceValue {
  // `Patient/123`, `123`, or an absolute URL ending in `Type/id` (a canonical may carry `|version`).
  const match = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\|[^/]*)?$/.exec(value);
  if (match) return { type: match[1]!, id: match[2]! };
  if (/^[A-Za-z0-9\-.]{1,64}$/.test(value)) return { id: value };
  throw invalid(`"${value}" is not a reference (use Type/id).`);
}

const DATE_VALUE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The span a FHIR date value stands for: [start, end) in the clinic zone when it has no offset. */
function parseDateSpan(value: string, timeZone: string): { start: Date; end: Date } {
  const match = DATE_VALUE.exec(value);
  if (!match) throw invalid(`"${value}" is not a FHIR date (YYYY, YYYY-MM, YYYY-MM-DD or a date-time).`);
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const toDate = (zdt: Temporal.ZonedDateTime) => new Date(zdt.epochMilliseconds);
  try {
    if (hour === undefined) {
      const start = Temporal.PlainDate.from(
        { year: Number(year), month: Number(month ?? 1), day: Number(day ?? 1) },
        { overflow: 'reject' },
      );
      const end = day ? start.add({ days: 1 }) : month ? start.add({ months: 1 }) : start.add({ years: 1 });
      return {
        start: toDate(start.toZonedDateTime({ timeZone })),
        end: toDate(end.toZonedDateTime({ timeZone })),
      };
    }
    const fields = {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second ?? 0),
      millisecond: fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0,
    };
    const zone = offset ? (offset === 'Z' ? 'UTC' : offset) : timeZone;
    const start = Temporal.ZonedDateTime.from({ ...fields, timeZone: zone }, { overflow: 'reject' });
    const precision = fraction ? { milliseconds: 1 } : second ? { seconds: 1 } : { minutes: 1 };
    return { start: toDate(start), end: toDate(start.add(precision)) };
  } catch {
    throw invalid(`"${value}" is not a date that exists.`);
  }
}

/** One `date` value with its prefix, as bounds on the resource's instant. */
function parseDateBounds(value: string, timeZone: string): DateBounds {
  const match = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.*)$/.exec(value)!;
  const prefix = match[1] ?? 'eq';
  const { start, end } = parseDateSpan(match[2]!, timeZone);
  switch (prefix) {
    case 'eq':
      return { from: start, to: end };
    case 'gt':
    case 'sa':
      return { from: end };
    case 'ge':
      return { from: start };
    case 'lt':
    case 'eb':
      return { to: start };
    case 'le':
      return { to: end };
    default:
      throw invalid(`The date prefix "${prefix}" is not supported; use eq, gt, ge, lt, le, sa or eb.`);
  }
}

function intersect(a: DateBounds, b: DateBounds): DateBounds {
  const from = a.from && b.from ? new Date(Math.max(a.from.getTime(), b.from.getTime())) : (a.from ?? b.from);
  const to = a.to && b.to ? new Date(Math.min(a.to.getTime(), b.to.getTime())) : (a.to ?? b.to);
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

export function parseSearch(
  query: URLSearchParams,
  definitions: readonly SearchParamDefinition[],
  timeZone: string,
): ParsedSearch {
  const search = emptySearch();
  search.count = DEFAULT_COUNT;
  const seen = new Set<string>();
  for (const [key, value] of query) {
    if (key === '_count') search.count = parseWholeNumber('_count', value, MAX_COUNT);
    else if (key === '_offset') search.offset = parseWholeNumber('_offset', value, 1_000_000);
    if (RESULT_PARAMS.has(key)) continue;
    if (key.includes(':')) throw invalid(`Search modifiers (${key}) are not supported.`);
    const definition = definitions.find((d) => d.name === key);
    if (!definition) {
      const names = definitions.map((d) => d.name).join(', ');
      throw invalid(
        `The search parameter "${key}" is not supported here. Supported: ${names}, _count, _offset.`,
      );
    }
    if (definition.type === 'date') {
      const bounds = parseDateBounds(value, timeZone);
      const before = search.dates.get(key);
      search.dates.set(key, before ? intersect(before, bounds) : bounds);
      continue;
    }
    // Repeating a parameter means AND; our lists are OR only, so ask for commas instead.
    if (seen.has(key)) throw invalid(`Give "${key}" once; separate alternatives with commas.`);
    seen.add(key);
    const values = splitList(value);
    if (values.length === 0) throw invalid(`"${key}" needs a value.`);
    if (definition.type === 'token') search.tokens.set(key, values.map(parseToken));
    else if (definition.type === 'reference') search.references.set(key, values.map(parseReference));
    else search.strings.set(key, values);
  }
  return search;
}
