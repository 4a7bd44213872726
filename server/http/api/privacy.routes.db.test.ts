import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, patients, questionnaireResponses, users } from '#db/schema/index.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// Issue 8 "privacy": a patient downloads all their data and asks for erasure; an admin carries it
// out — identity erased, sign-in impossible, future visits cancelled, clinical records kept.
let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
const clock = createTestClock('2026-11-25T12:00:00Z');
const PASSWORD = 'backpoint-demo-2026';

async function token(email: string) {
  const res = await app.request('/api/v1/auth/token', jsonRequest({ email, password: PASSWORD }));
  return { status: res.status, token: ((await res.json()) as { token?: string }).token ?? '' };
}
const auth = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });

beforeAll(async () => {
  database = await openTestDatabase();
  const services = createTestServices(database, clock);
  await loadDemoData(services);
  app = createTestApp(services);
});
afterAll(() => database?.close());

describe('privacy', () => {
  it("downloads everything about the calling patient, and nobody else's", async () => {
    const { token: patient } = await token('patient3@demo.test');
    const res = await app.request('/api/v1/me/export', auth(patient));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const body = (await res.json()) as { format: string };
    expect(body.format).toBe('backpoint-patient-export/1');
    expect(JSON.stringify(body)).toContain('patient3@demo.test');
    expect(JSON.stringify(body)).not.toContain('patient4@demo.test');
    const { token: practitioner } = await token('practitioner1@demo.test');
    expect((await app.request('/api/v1/me/export', auth(practitioner))).status).toBe(403);
    expect((await app.request('/api/v1/me/export')).status).toBe(401);
  });

  it('records a request once, lets only admins see and complete it, and erases the identity', async () => {
    const { token: patient } = await token('patient3@demo.test');
    const [p3] = await database.db.select().from(patients).where(eq(patients.email, 'patient3@demo.test'));
    const scoresBefore = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(questionnaireResponses)
      .where(eq(questionnaireResponses.patientId, p3!.id));

    const first = await app.request(
      '/api/v1/me/deletion-request',
      jsonRequest({ reason: 'Moving away' }, { token: patient }),
    );
    expect(first.status).toBe(202);
    const request = (await first.json()) as { id: string; status: string };
    expect(request.status).toBe('requested');
    const again = await app.request('/api/v1/me/deletion-request', jsonRequest({}, { token: patient }));
    expect(((await again.json()) as { id: string }).id).toBe(request.id);

    const { token: practitioner } = await token('practitioner1@demo.test');
    expect((await app.request('/api/v1/admin/deletion-requests', auth(practitioner))).status).toBe(403);
    expect(
      (
        await app.request(`/api/v1/admin/deletion-requests/${request.id}/complete`, {
          method: 'POST',
          ...auth(patient),
        })
      ).status,
    ).toBe(403);

    const { token: admin } = await token('admin@demo.test');
    const listed = (await (await app.request('/api/v1/admin/deletion-requests', auth(admin))).json()) as {
      id: string;
    }[];
    expect(listed.map((r) => r.id)).toContain(request.id);
    const done = await app.request(`/api/v1/admin/deletion-requests/${request.id}/complete`, {
      method: 'POST',
      ...auth(admin),
    });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { status: string }).status).toBe('completed');

    // The identity is gone and the account cannot be used, even with its old token.
    const [after] = await database.db.select().from(patients).where(eq(patients.id, p3!.id));
    expect(after).toMatchObject({
      givenName: 'Erased',
      familyName: 'patient',
      email: null,
      phone: null,
      dateOfBirth: null,
    });
    const [user] = await database.db.select().from(users).where(eq(users.id, p3!.userId!));
    expect(user!.email).toMatch(/@erased\.invalid$/);
    expect((await token('patient3@demo.test')).status).toBe(401);
    expect((await app.request('/api/v1/appointments', auth(patient))).status).toBe(401);
    // Future visits are cancelled; the clinical record stays.
    const future = await database.db.select().from(appointments).where(eq(appointments.patientId, p3!.id));
    expect(future.filter((a) => a.startAt > clock.now() && a.status === 'booked')).toEqual([]);
    const scoresAfter = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(questionnaireResponses)
      .where(eq(questionnaireResponses.patientId, p3!.id));
    expect(scoresAfter[0]!.n).toBe(scoresBefore[0]!.n);
    expect(
      (
        await app.request('/api/v1/admin/deletion-requests/00000000-0000-4000-8000-000000000000/complete', {
          method: 'POST',
          ...auth(admin),
        })
      ).status,
    ).toBe(404);
  });
});
