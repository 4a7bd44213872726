import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '#core/shared/stable-id.ts';
import { appointments } from '#db/schema/index.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import { DEMO_LOCATION_ID, loadDemoData } from '#services/demo/load-demo-data.ts';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// "A patient cannot be in two places at once" through the API on the demo clinic (docs/decisions/011):
// requests for one patient at one moment with two practitioners, sent together, end with one
// appointment and a 409 patient_already_booked, never two appointments; the same for a reschedule.
// On PostgreSQL the requests really run at the same time, so some of them pass the booking check
// together and only the patient's exclusion constraint (migration 0012) refuses the second write.
// "Now" is Wednesday 2026-11-25 12:00 UTC; the times below are February 2027 (New York, UTC−5).

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let practitionerIds: string[] = [];
const tokens: Record<string, string> = {};
// patient16 has no demo appointments in February 2027.
const PATIENT_ID = stableUuid('patient:16');
const ALREADY_BOOKED = {
  code: 'patient_already_booked',
  message: 'You already have an appointment at this time.',
};

beforeAll(async () => {
  database = await openTestDatabase();
  const services = createTestServices(database, createTestClock('2026-11-25T12:00:00Z'));
  await loadDemoData(services);
  app = createTestApp(services);
  for (const who of ['admin', 'patient16']) {
    const res = await app.request(
      '/api/v1/auth/token',
      jsonRequest({ email: `${who}@demo.test`, password: 'backpoint-demo-2026' }),
    );
    tokens[who] = ((await res.json()) as { token: string }).token;
  }
  const res = await app.request('/api/v1/practitioners');
  practitionerIds = ((await res.json()) as { id: string }[]).map((p) => p.id);
});
afterAll(() => database?.close());

async function call(path: string, token: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await app.request(path, jsonRequest(body, { token }));
  return { status: res.status, body: await res.json() };
}

function book(token: string, practitioner: number, start: string, patientId?: string) {
  return call('/api/v1/appointments', token, {
    practitionerId: practitionerIds[practitioner],
    appointmentType: 'follow-up',
    start,
    ...(patientId ? { patientId } : {}),
  });
}

function reschedule(id: string, start: string) {
  return call(`/api/v1/appointments/${id}/reschedule`, tokens.admin!, { start });
}

/** Live appointments of the patient that overlap another live one of theirs. */
async function patientOverlaps(): Promise<number> {
  const live = await database.db
    .select({ id: appointments.id, startAt: appointments.startAt, endAt: appointments.endAt })
    .from(appointments)
    .where(and(eq(appointments.patientId, PATIENT_ID), ne(appointments.status, 'cancelled')));
  return live.filter((a) => live.some((b) => b.id !== a.id && a.startAt < b.endAt && b.startAt < a.endAt))
    .length;
}

describe('one patient, one place at a time', () => {
  it('books one of two simultaneous requests for the patient with two practitioners, refusing the other', async () => {
    const times = ['10:00', '11:00', '13:00', '14:00', '15:00'];
    for (const [day, actor] of [
      ['2027-02-01', 'admin'],
      ['2027-02-02', 'patient16'],
    ] as const) {
      for (const time of times) {
        const start = `${day}T${time}:00-05:00`;
        // Two staff, or the patient in two tabs: the same moment, two practitioners.
        const patientId = actor === 'admin' ? PATIENT_ID : undefined;
        const answers = await Promise.all([
          book(tokens[actor]!, 0, start, patientId),
          book(tokens[actor]!, 1, start, patientId),
        ]);
        expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
        const refused = answers.find((a) => a.status === 409)!;
        expect(refused.body.error).toMatchObject(ALREADY_BOOKED);
      }
    }
    expect(await patientOverlaps()).toBe(0);
  });

  it('refuses to move a visit onto a time the patient is booked with another practitioner', async () => {
    const first = await book(tokens.admin!, 0, '2027-02-03T10:00:00-05:00', PATIENT_ID);
    const second = await book(tokens.admin!, 1, '2027-02-03T13:00:00-05:00', PATIENT_ID);
    expect([first.status, second.status]).toEqual([201, 201]);

    const moved = await reschedule(second.body.id, '2027-02-03T10:15:00-05:00');
    expect(moved.status).toBe(409);
    expect(moved.body.error).toMatchObject(ALREADY_BOOKED);
    const [row] = await database.db.select().from(appointments).where(eq(appointments.id, second.body.id));
    expect(row!.startAt.toISOString()).toBe('2027-02-03T18:00:00.000Z');
    // Back to back with the first visit is fine.
    expect((await reschedule(second.body.id, '2027-02-03T10:45:00-05:00')).status).toBe(200);
  });

  it('lets only one of a reschedule and a booking racing for the same moment of the patient win', async () => {
    for (const day of ['2027-02-04', '2027-02-05', '2027-02-08']) {
      const existing = await book(tokens.admin!, 0, `${day}T13:00:00-05:00`, PATIENT_ID);
      expect(existing.status).toBe(201);
      const target = `${day}T10:00:00-05:00`;
      const [moved, booked] = await Promise.all([
        reschedule(existing.body.id, target),
        book(tokens.admin!, 1, target, PATIENT_ID),
      ]);
      const won = [moved.status === 200, booked.status === 201];
      expect(won.filter(Boolean)).toHaveLength(1);
      const loser = moved.status === 200 ? booked : moved;
      expect(loser.status).toBe(409);
      expect(loser.body.error).toMatchObject(ALREADY_BOOKED);
    }
    expect(await patientOverlaps()).toBe(0);
  });

  it('holds a double booking kept by migration 0012 to the rule once it is moved', async () => {
    const booked = await book(tokens.admin!, 0, '2027-02-09T10:00:00-05:00', PATIENT_ID);
    expect(booked.status).toBe(201);
    // As the migration leaves a double booking it found: the later one marked, outside the constraint.
    const [kept] = await database.db
      .insert(appointments)
      .values({
        patientId: PATIENT_ID,
        practitionerId: practitionerIds[1]!,
        locationId: DEMO_LOCATION_ID,
        appointmentTypeId: stableUuid('appointment-type:follow-up'),
        ...appointmentTimes(new Date('2027-02-09T15:00:00Z'), new Date('2027-02-09T15:45:00Z')),
        patientOverlapExempt: true,
      })
      .returning();

    expect((await reschedule(kept!.id, '2027-02-09T14:00:00-05:00')).status).toBe(200);
    const [moved] = await database.db.select().from(appointments).where(eq(appointments.id, kept!.id));
    expect(moved!.patientOverlapExempt).toBe(false);
    const back = await reschedule(kept!.id, '2027-02-09T10:00:00-05:00');
    expect(back.status).toBe(409);
    expect(back.body.error).toMatchObject(ALREADY_BOOKED);
  });
});
