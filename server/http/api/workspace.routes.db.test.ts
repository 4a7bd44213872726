import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '#core/shared/stable-id.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// The workspace over JSON (contracts/workspace.ts) on the demo clinic: practitioners only, their own
// patients only, the note's optimistic version and the sign-off rules as on the web page.
// "Now" is Wednesday 2026-11-25 12:00 UTC (07:00 in New York); the demo day list is on that date.

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
const tokens: Record<string, string> = {};
// The demo day list: practitioner1 sees patient1 (Alex Rivera) at 09:00 and patient3 (pacemaker) at 10:00.
const alexToday = stableUuid('appointment:day:1');

type Json = any;
async function call(method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const init: RequestInit =
    body === undefined ? { method, headers } : jsonRequest(body, { method, ...(token ? { token } : {}) });
  const res = await app.request(path, init);
  return { status: res.status, body: (await res.json()) as Json };
}

beforeAll(async () => {
  database = await openTestDatabase();
  const services = createTestServices(database, createTestClock('2026-11-25T12:00:00Z'));
  await loadDemoData(services);
  app = createTestApp(services);
  for (const who of ['patient1', 'practitioner1', 'practitioner2', 'admin']) {
    const res = await app.request(
      '/api/v1/auth/token',
      jsonRequest({ email: `${who}@demo.test`, password: 'backpoint-demo-2026' }),
    );
    tokens[who] = ((await res.json()) as { token: string }).token;
  }
});
afterAll(() => database?.close());

describe('who may use the workspace API', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/v1/workspace/day?date=2026-11-25'],
    ['GET', `/api/v1/visits/${alexToday}/note`],
    ['PUT', `/api/v1/visits/${alexToday}/note`, { version: 0, subjective: 'x' }],
    ['POST', `/api/v1/visits/${alexToday}/note/sign`, { version: 1 }],
  ];

  it.each(routes)('refuses a patient %s %s with 403 and no data', async (method, path, body) => {
    const res = await call(method, path, tokens.patient1, body);
    expect(res.status).toBe(403);
    expect(Object.keys(res.body)).toEqual(['error']);
  });

  it.each(routes)(
    'refuses an admin %s %s with 403 (admins do not read clinical notes)',
    async (method, path, body) => {
      expect((await call(method, path, tokens.admin, body)).status).toBe(403);
    },
  );

  it.each(routes)('asks for a token on %s %s (401)', async (method, path, body) => {
    expect((await call(method, path, undefined, body)).status).toBe(401);
  });
});

describe("the practitioner's day and note", () => {
  it("lists the practitioner's own day with note status and safety flags, pacemaker included", async () => {
    const { status, body } = await call('GET', '/api/v1/workspace/day?date=2026-11-25', tokens.practitioner1);
    expect(status).toBe(200);
    expect(body.timeZone).toBe('America/New_York');
    expect(body.appointments.map((a: Json) => a.start)).toEqual([
      '2026-11-25T09:00:00-05:00',
      '2026-11-25T10:00:00-05:00',
      '2026-11-25T11:00:00-05:00',
      '2026-11-25T14:00:00-05:00',
    ]);
    expect(body.appointments[0]).toMatchObject({
      id: alexToday,
      patientName: 'Alex Rivera',
      noteStatus: null,
    });
    expect(body.appointments[1].safetyFlags).toContainEqual(
      expect.objectContaining({ id: 'pacemaker_icd_electro', severity: 'contraindication' }),
    );
    // A new patient who has not filled in the intake: no screen on file.
    expect(body.appointments[2].safetyFlags).toBeNull();
  });

  it('saves against the version, refuses a stale one, signs only with every needle out, then locks', async () => {
    const t = tokens.practitioner1;
    const path = `/api/v1/visits/${alexToday}/note`;
    expect((await call('GET', path, t)).status).toBe(404);
    const first = await call('PUT', path, t, { version: 0, subjective: 'Better mornings.', painScore: 4 });
    expect(first).toMatchObject({ status: 200, body: { version: 1 } });
    const stale = await call('PUT', path, t, { version: 0, subjective: 'Other tab' });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'version_conflict' } } });
    const counted = await call('PUT', path, t, {
      version: 1,
      subjective: 'Better mornings.',
      needlesIn: 8,
      needlesOut: 7,
    });
    expect(counted.body.version).toBe(2);
    const refused = await call('POST', `${path}/sign`, t, { version: 2 });
    expect(refused).toMatchObject({ status: 422, body: { error: { code: 'needle_count_mismatch' } } });
    await call('PUT', path, t, { version: 2, subjective: 'Better mornings.', needlesIn: 8, needlesOut: 8 });
    const signed = await call('POST', `${path}/sign`, t, { version: 3 });
    expect(signed).toMatchObject({ status: 200, body: { version: 4 } });
    const note = await call('GET', path, t);
    expect(note.body).toMatchObject({
      status: 'signed',
      signedBy: 'Mei-Lin Chen',
      subjective: 'Better mornings.',
    });
    const locked = await call('PUT', path, t, { version: 4, subjective: 'changed' });
    expect(locked).toMatchObject({ status: 409, body: { error: { code: 'note_signed' } } });
  });

  it('hides a note from a practitioner who does not treat the patient (404), and refuses their writes', async () => {
    const path = `/api/v1/visits/${alexToday}/note`;
    expect((await call('GET', path, tokens.practitioner2)).status).toBe(404);
    expect((await call('PUT', path, tokens.practitioner2, { version: 4 })).status).toBe(403);
  });

  it('reads a signed demo note with its charted points and adverse event', async () => {
    const { status, body } = await call(
      'GET',
      `/api/v1/visits/${stableUuid('appointment:course:1:2')}/note`,
      tokens.practitioner1,
    );
    expect(status).toBe(200);
    expect(body.points.map((p: Json) => p.code)).toContain('BL23');
    expect(body.adverseEvents).toMatchObject([{ kind: 'bleeding-haematoma' }]);
  });
});
