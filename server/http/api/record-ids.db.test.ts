import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// CONTRACT.md §4: never a 5xx for bad input. Every id a client sends (a path segment, a query
// value, a body field) is checked against contracts/ids.ts before it reaches a uuid column: text
// that is not a UUID is a 400 naming the field; a well-formed UUID of nothing is a 404 (or, for a
// reference inside a request, a 422), whatever its version digits.

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
const clock = createTestClock('2026-11-25T12:00:00Z');
type Who = 'patient1' | 'practitioner1' | 'admin';
const tokens = {} as Record<Who, string>;

beforeAll(async () => {
  database = await openTestDatabase();
  const services = createTestServices(database, clock);
  await loadDemoData(services);
  app = createTestApp(services);
  for (const who of ['patient1', 'practitioner1', 'admin'] as const) {
    const res = await app.request(
      '/api/v1/auth/token',
      jsonRequest({ email: `${who}@demo.test`, password: 'backpoint-demo-2026' }),
    );
    tokens[who] = ((await res.json()) as { token: string }).token;
  }
});
afterAll(() => database?.close());

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

async function call(method: string, path: string, who: Who, body?: unknown) {
  const res = await app.request(
    path,
    body === undefined
      ? { method, headers: { authorization: `Bearer ${tokens[who]}` } }
      : jsonRequest(body, { method, token: tokens[who] }),
  );
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as ErrorBody };
}

// Each route of the API whose path names a record, with a caller allowed to use it and a body that
// passes validation, so that only the id decides the answer.
const ID_ROUTES: Record<string, { who: Who; body?: unknown }> = {
  'GET /v1/appointments/{id}': { who: 'patient1' },
  'POST /v1/appointments/{id}/cancel': { who: 'patient1', body: {} },
  'POST /v1/appointments/{id}/reschedule': { who: 'patient1', body: { start: '2026-12-01T10:00:00-05:00' } },
  'GET /v1/appointments/{id}/calendar.ics': { who: 'patient1' },
  'POST /v1/admin/deletion-requests/{id}/complete': { who: 'admin' },
  'GET /v1/visits/{appointmentId}/note': { who: 'practitioner1' },
  'PUT /v1/visits/{appointmentId}/note': { who: 'practitioner1', body: { version: 0 } },
  'POST /v1/visits/{appointmentId}/note/sign': { who: 'practitioner1', body: { version: 1 } },
};

// As they appear in a request path (already percent-encoded where needed).
const MALFORMED = [
  'not-a-uuid',
  '00000000-0000-4000-8000-00000000dea',
  '00000000-0000-4000-8000-00000000dead0',
  '%7B00000000-0000-4000-8000-00000000dead%7D',
  "'%20or%201=1%20--",
  '%E0%A4%A',
  '%00',
  'x'.repeat(2_000),
];
const UNKNOWN = [
  '00000000-0000-4000-8000-00000000dead',
  'ABCDEF01-2345-4678-9ABC-DEF012345678',
  // Not RFC 9562 version and variant digits: still a value a uuid column holds, so unknown, not malformed.
  '00000000-0000-0000-0000-00000000dead',
  '11111111-1111-1111-1111-111111111111',
];

describe('ids in the path', () => {
  it('covers every route whose path names a record', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { in: string; schema?: { format?: string } }[] }>>;
    };
    const named = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => op.parameters?.some((p) => p.in === 'path' && p.schema?.format === 'uuid'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(named.sort()).toEqual(Object.keys(ID_ROUTES).sort());
  });

  for (const [route, { who, body }] of Object.entries(ID_ROUTES)) {
    const [method, template] = route.split(' ') as [string, string];
    const param = template.match(/\{(\w+)\}/)![1]!;
    const at = (id: string) => `/api${template.replace(`{${param}}`, id)}`;

    it(`${route}: refuses an id that is not a UUID with 400 naming "${param}"`, async () => {
      for (const id of MALFORMED) {
        const res = await call(method, at(id), who, body);
        expect(res.status, id).toBe(400);
        expect(res.json(), id).toEqual({
          error: {
            code: 'invalid_request',
            message: 'The request does not have the expected shape.',
            fields: { [param]: 'Not a valid id.' },
          },
        });
      }
    });

    it(`${route}: answers a well-formed id of nothing with 404`, async () => {
      for (const id of UNKNOWN) {
        const res = await call(method, at(id), who, body);
        expect(res.status, id).toBe(404);
        expect(res.json().error.code, id).toBe('not_found');
      }
    });
  }
});

describe('ids in a query or a body', () => {
  const availability = (practitioner: string) =>
    `/api/v1/availability?appointmentType=follow-up&practitioner=${practitioner}&from=2026-12-01&to=2026-12-02`;
  const booking = (ids: { practitionerId?: string; patientId?: string }) => ({
    practitionerId: '00000000-0000-4000-8000-00000000dead',
    appointmentType: 'follow-up',
    start: '2026-12-01T10:00:00-05:00',
    ...ids,
  });

  it('refuses a practitioner that is not a UUID in the availability query with 400', async () => {
    for (const id of MALFORMED) {
      const res = await call('GET', availability(id), 'patient1');
      expect(res.status, id).toBe(400);
      expect(res.json().error.fields, id).toHaveProperty('practitioner');
    }
  });

  it('judges a well-formed practitioner id of nobody in the availability query on its meaning (422)', async () => {
    for (const id of UNKNOWN) {
      const res = await call('GET', availability(id), 'patient1');
      expect(res.status, id).toBe(422);
      expect(res.json().error.code, id).toBe('not_offered');
    }
  });

  it('refuses practitioner and patient ids that are not UUIDs in a booking with 400 naming them', async () => {
    const res = await call(
      'POST',
      '/api/v1/appointments',
      'admin',
      booking({ practitionerId: 'nobody', patientId: 'x' }),
    );
    expect(res.status).toBe(400);
    expect(res.json().error.fields).toEqual({
      practitionerId: 'Not a valid id.',
      patientId: 'Not a valid id.',
    });
  });

  it('judges well-formed ids of nobody in a booking on their meaning (422)', async () => {
    for (const id of UNKNOWN) {
      const res = await call('POST', '/api/v1/appointments', 'patient1', booking({ practitionerId: id }));
      expect(res.status, id).toBe(422);
      const forPatient = await call('POST', '/api/v1/appointments', 'admin', booking({ patientId: id }));
      expect(forPatient.status, id).toBe(422);
    }
  });
});
