import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createTestApp } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// Issue 8: random and malformed requests against every route of the OpenAPI document and every
// FHIR interaction of the CapabilityStatement — never a 5xx, never a stack trace or a file path
// in an answer. Routes come from the live documents, so new routes are fuzzed without edits here.

const TOTAL_REQUESTS = 10_000;
let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
const clock = createTestClock('2026-11-25T12:00:00Z');
const tokens: string[] = [];
let requestsSent = 0;
const failures: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const services = createTestServices(database, clock);
  await loadDemoData(services);
  app = createTestApp(services);
  for (const email of ['patient1@demo.test', 'practitioner1@demo.test', 'admin@demo.test']) {
    const res = await app.request('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'backpoint-demo-2026' }),
    });
    tokens.push(((await res.json()) as { token: string }).token);
  }
}, 120_000);
afterAll(() => database?.close());

type Operation = { method: string; template: string };

const LEAK = /\n\s+at [^\n]*\(|node_modules|\/work\/|file:\/\/|\.ts:\d+/;

// Values that break naive code: wrong types, huge and odd numbers, odd strings, deep nesting.
const nasty = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    'null',
    'undefined',
    '../../etc/passwd',
    '%00',
    '\u0000',
    "' or 1=1 --",
    '<script>alert(1)</script>',
    '2026-02-30',
    '9999-99-99T99:99:99Z',
    '00000000-0000-0000-0000-000000000000',
    'x'.repeat(5000),
    '😀'.repeat(50),
  ),
  fc.string(),
  fc.uuid(),
);
const jsonish = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(fc.jsonValue(), nasty)),
  fc.array(fc.jsonValue(), { maxLength: 5 }),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2, true, null),
);
const rawBody = fc.oneof(
  jsonish.map((v) => JSON.stringify(v)),
  fc.constantFrom('{', '[', '{"a":', '{"answers":{"nprs":', 'null', '""', '\u0000', '{"a":1}{"b":2}'),
  fc.string(),
  fc.constant(`${'['.repeat(2000)}${']'.repeat(2000)}`),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/fhir+json',
  '',
);
const query = fc.array(
  fc.tuple(
    fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom(
        'q',
        'from',
        'to',
        'tz',
        'patient',
        '_count',
        'date',
        'appointmentType',
        'practitioner',
        'backPain',
      ),
    ),
    nasty,
  ),
  { maxLength: 4 },
);

function fillPath(template: string, values: string[]): string {
  let i = 0;
  return template.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++ % values.length] ?? 'x'));
}

async function send(method: string, path: string, init: { body?: string; type?: string; token?: string }) {
  requestsSent += 1;
  // Keep the rate limiters' minute windows fresh so the fuzz reaches the handlers, not just 429.
  if (requestsSent % 400 === 0) clock.advance(61_000);
  const headers: Record<string, string> = {};
  if (init.type) headers['content-type'] = init.type;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await app.request(path, {
    method,
    headers,
    ...(init.body !== undefined && method !== 'GET' && method !== 'HEAD' ? { body: init.body } : {}),
  });
  const text = await res.text();
  if (res.status >= 500 || LEAK.test(text)) {
    failures.push(`${method} ${path} → ${res.status}: ${text.slice(0, 200)}`);
  }
  return res.status;
}

async function listOperations(): Promise<Operation[]> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const api = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => ({ method: method.toUpperCase(), template: `/api${path}` })),
  );
  const capability = (await (await app.request('/fhir/R4/metadata')).json()) as {
    rest?: { resource?: { type: string; operation?: { name: string }[] }[] }[];
  };
  const fhir: Operation[] = [{ method: 'GET', template: '/fhir/R4/metadata' }];
  for (const resource of capability.rest?.[0]?.resource ?? []) {
    fhir.push({ method: 'GET', template: `/fhir/R4/${resource.type}` });
    fhir.push({ method: 'GET', template: `/fhir/R4/${resource.type}/{id}` });
    for (const op of resource.operation ?? []) {
      fhir.push({ method: 'GET', template: `/fhir/R4/${resource.type}/{id}/$${op.name}` });
    }
    fhir.push({ method: 'POST', template: `/fhir/R4/${resource.type}` });
  }
  return [...api, ...fhir];
}

describe('fuzzing every API and FHIR route', () => {
  it(`answers ${TOTAL_REQUESTS} random and malformed requests without a 5xx or a leak`, async () => {
    const operations = await listOperations();
    expect(operations.length).toBeGreaterThan(15);
    const runsPerOperation = Math.ceil(TOTAL_REQUESTS / operations.length);
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(nasty, { minLength: 1, maxLength: 3 }),
          query,
          rawBody,
          contentType,
          fc.constantFrom(undefined, 0, 1, 2, 'garbage'),
          async (pathValues, params, body, type, who) => {
            const search = new URLSearchParams(params).toString();
            const path = `${fillPath(operation.template, pathValues)}${search ? `?${search}` : ''}`;
            const token =
              typeof who === 'number' ? tokens[who] : who === 'garbage' ? 'not-a-token' : undefined;
            await send(operation.method, path, { body, type, ...(token ? { token } : {}) });
          },
        ),
        { numRuns: runsPerOperation, seed: 20261125 },
      );
    }
    expect(requestsSent).toBeGreaterThanOrEqual(TOTAL_REQUESTS);
    expect(failures).toEqual([]);
  }, 600_000);
});
