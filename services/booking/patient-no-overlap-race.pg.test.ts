import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '#core/shared/stable-id.ts';
import { DEMO_LOCATION_ID, loadDemoData } from '#services/demo/load-demo-data.ts';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// The race the booking checks cannot see, played step by step on PostgreSQL (docs/decisions/011):
// another transaction has written an overlapping appointment but not yet committed it, so the
// request's check passes; its write then waits on that transaction, and once it commits, the
// database's refusal must come back as the right conflict: patient_already_booked when the patient
// is taken (booking: book_appointment tells the constraints apart; reschedule: the constraint's
// name on the UPDATE's error), slot_taken when the practitioner is. Never a 500.
// PostgreSQL only: PGlite runs one statement at a time, so the race cannot happen there.

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
let pool: pg.Pool;
let practitionerIds: string[] = [];
let adminToken: string;
const PATIENT_ID = stableUuid('patient:17');
const OTHER_PATIENT_ID = stableUuid('patient:18');
const FOLLOW_UP_TYPE_ID = stableUuid('appointment-type:follow-up');

beforeAll(async () => {
  database = await openTestDatabase();
  if (database.label !== 'postgres') throw new Error('this race is played on PostgreSQL only');
  // The pg Pool Drizzle was given (db/client.server.ts).
  pool = (database.db as unknown as { $client: pg.Pool }).$client;
  const services = createTestServices(database, createTestClock('2026-11-25T12:00:00Z'));
  await loadDemoData(services);
  app = createTestApp(services);
  const res = await app.request(
    '/api/v1/auth/token',
    jsonRequest({ email: 'admin@demo.test', password: 'backpoint-demo-2026' }),
  );
  adminToken = ((await res.json()) as { token: string }).token;
  practitionerIds = ((await (await app.request('/api/v1/practitioners')).json()) as { id: string }[]).map(
    (p) => p.id,
  );
});
afterAll(() => database?.close());

async function call(path: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await app.request(path, jsonRequest(body, { token: adminToken }));
  return { status: res.status, body: await res.json() };
}

/** Blocked backends of this database other than the asking one (the test's write, waiting). */
async function waitUntilAWriteIsBlocked() {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const { rows } = await pool.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the request never waited on the uncommitted appointment');
}

/**
 * Runs `request` while another transaction holds an uncommitted appointment (a visit with no
 * buffers, as follow-ups have), commits that appointment once the request's write waits on it, and
 * returns the request's answer.
 */
async function raceAgainstUncommitted(
  held: { patientId: string; practitionerId: string; start: string; end: string },
  request: () => Promise<{ status: number; body: any }>,
) {
  const holder = await pool.connect();
  try {
    await holder.query('begin');
    await holder.query(
      `insert into appointments (patient_id, practitioner_id, location_id, appointment_type_id,
                                 start_at, end_at, busy_from, busy_until)
       values ($1, $2, $3, $4, $5, $6, $5, $6)`,
      [held.patientId, held.practitionerId, DEMO_LOCATION_ID, FOLLOW_UP_TYPE_ID, held.start, held.end],
    );
    const answer = request();
    await waitUntilAWriteIsBlocked();
    await holder.query('commit');
    return await answer;
  } finally {
    holder.release();
  }
}

describe('a write that loses a race the checks could not see', () => {
  it('answers a booking beaten to the patient by another practitioner with 409 patient_already_booked', async () => {
    const answer = await raceAgainstUncommitted(
      {
        patientId: PATIENT_ID,
        practitionerId: practitionerIds[0]!,
        start: '2027-03-01T15:00:00Z',
        end: '2027-03-01T15:45:00Z',
      },
      () =>
        call('/api/v1/appointments', {
          practitionerId: practitionerIds[1],
          appointmentType: 'follow-up',
          start: '2027-03-01T10:00:00-05:00',
          patientId: PATIENT_ID,
        }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({
      code: 'patient_already_booked',
      message: 'You already have an appointment at this time.',
    });
  });

  it('still answers a booking beaten to the practitioner with 409 slot_taken', async () => {
    const answer = await raceAgainstUncommitted(
      {
        patientId: OTHER_PATIENT_ID,
        practitionerId: practitionerIds[1]!,
        start: '2027-03-02T15:00:00Z',
        end: '2027-03-02T15:45:00Z',
      },
      () =>
        call('/api/v1/appointments', {
          practitionerId: practitionerIds[1],
          appointmentType: 'follow-up',
          start: '2027-03-02T10:00:00-05:00',
          patientId: PATIENT_ID,
        }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('slot_taken');
  });

  it('answers a reschedule beaten to the patient by another practitioner with 409 patient_already_booked', async () => {
    const existing = await call('/api/v1/appointments', {
      practitionerId: practitionerIds[1],
      appointmentType: 'follow-up',
      start: '2027-03-03T13:00:00-05:00',
      patientId: PATIENT_ID,
    });
    expect(existing.status).toBe(201);
    const answer = await raceAgainstUncommitted(
      {
        patientId: PATIENT_ID,
        practitionerId: practitionerIds[0]!,
        start: '2027-03-03T15:00:00Z',
        end: '2027-03-03T15:45:00Z',
      },
      () =>
        call(`/api/v1/appointments/${existing.body.id}/reschedule`, { start: '2027-03-03T10:00:00-05:00' }),
    );
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({
      code: 'patient_already_booked',
      message: 'You already have an appointment at this time.',
    });
    const kept = await app.request(`/api/v1/appointments/${existing.body.id}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(((await kept.json()) as { start: string }).start).toBe('2027-03-03T13:00:00-05:00');
  });
});
