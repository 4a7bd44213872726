import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patients, users } from '#db/schema/index.ts';
import type { Actor } from '#services/auth/actor.ts';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import { listPractitioners } from '#services/clinic/list-practitioners.ts';
import type { ServiceContext } from '#services/context.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { validateR4 } from '#tests/fhir/validate-r4.ts';
import { createTestApp } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import {
  listPatientConditions,
  recordPatientCondition,
  resolvePatientCondition,
} from './patient-conditions.ts';

let database: TestDatabase;
let ctx: ServiceContext;
let app: ReturnType<typeof createTestApp>;
const clock = createTestClock('2026-11-25T12:00:00Z');
const actors: Record<string, Actor> = {};
let patientId: string;

async function actorFor(name: string): Promise<Actor> {
  const [user] = await database.db
    .select()
    .from(users)
    .where(eq(users.email, `${name}@demo.test`));
  return { userId: user!.id, role: user!.role };
}

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  await loadDemoData(ctx);
  app = createTestApp(ctx);
  for (const name of ['patient14', 'patient13', 'practitioner1', 'practitioner2', 'admin'])
    actors[name] = await actorFor(name);
  const [patient] = await database.db
    .select()
    .from(patients)
    .where(eq(patients.userId, actors.patient14!.userId));
  patientId = patient!.id;
  const practitioner = (await listPractitioners(ctx)).find((p) => p.displayName === 'Mei-Lin Chen')!;
  await bookAppointment(ctx, actors.patient14!, {
    practitionerId: practitioner.id,
    appointmentType: 'maintenance',
    start: '2026-12-10T16:30:00-05:00',
  });
});
afterAll(() => database?.close());

describe('patient conditions', () => {
  it('lets the treating practitioner record a library condition, once', async () => {
    const first = await recordPatientCondition(ctx, actors.practitioner1!, patientId, {
      conditionId: 'sciatica-radiculopathy',
      note: 'Left leg, L5 pattern',
    });
    const again = await recordPatientCondition(ctx, actors.practitioner1!, patientId, {
      conditionId: 'sciatica-radiculopathy',
    });
    expect(again.id).toBe(first.id);
    const listed = await listPatientConditions(ctx, actors.patient14!, patientId);
    expect(listed).toMatchObject([
      { conditionId: 'sciatica-radiculopathy', status: 'active', practitionerName: 'Mei-Lin Chen' },
    ]);
  });

  it('refuses ids outside the library, and people who do not treat the patient', async () => {
    await expect(
      recordPatientCondition(ctx, actors.practitioner1!, patientId, { conditionId: 'broken-leg' }),
    ).rejects.toMatchObject({ code: 'unknown_condition' });
    for (const who of ['practitioner2', 'admin', 'patient13', 'patient14']) {
      await expect(
        recordPatientCondition(ctx, actors[who]!, patientId, { conditionId: 'facet-joint-pain' }),
      ).rejects.toMatchObject({ kind: expect.stringMatching(/not_found|forbidden/) });
    }
    await expect(listPatientConditions(ctx, actors.admin!, patientId)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('serves the condition as a valid FHIR R4 Condition to the patient, and resolves it', async () => {
    const token = async (email: string) =>
      (
        (await (
          await app.request('/api/v1/auth/token', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email, password: 'backpoint-demo-2026' }),
          })
        ).json()) as { token: string }
      ).token;
    const patientToken = await token('patient14@demo.test');
    const res = await app.request(`/fhir/R4/Condition?patient=${patientId}`, {
      headers: { authorization: `Bearer ${patientToken}` },
    });
    const bundle = (await res.json()) as { entry: { resource: any }[] };
    expect(bundle.entry).toHaveLength(1);
    const condition = bundle.entry[0]!.resource;
    expect(condition.subject.reference).toBe(`Patient/${patientId}`);
    expect(validateR4(condition).errors).toEqual([]);

    await resolvePatientCondition(ctx, actors.practitioner1!, condition.id);
    const [resolved] = await listPatientConditions(ctx, actors.practitioner1!, patientId);
    expect(resolved!.status).toBe('resolved');
    const other = await token('patient13@demo.test');
    const hidden = await app.request(`/fhir/R4/Condition/${condition.id}`, {
      headers: { authorization: `Bearer ${other}` },
    });
    expect(hidden.status).toBe(404);
  });
});
