import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentChanges, appointments, outboxMessages } from '#db/schema/index.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// CONTRACT.md §4 "Booking" through the real HTTP app on the demo clinic (America/New_York,
// Mon–Fri 09:00–17:00, 24 h notice, 180 days ahead, 24 h change window, 15-minute grid).
// "Now" is Wednesday 2026-11-25 12:00 UTC (07:00 in New York).

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
const clock = createTestClock('2026-11-25T12:00:00Z');
const tokens: Record<string, string> = {};
let practitionerIds: string[] = [];

async function signIn(email: string) {
  const res = await app.request(
    '/api/v1/auth/token',
    jsonRequest({ email, password: 'backpoint-demo-2026' }),
  );
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const services = createTestServices(database, clock);
  await loadDemoData(services);
  app = createTestApp(services);
  for (const who of [
    'patient1',
    'patient2',
    'patient3',
    'patient4',
    'patient12',
    'practitioner1',
    'practitioner2',
    'admin',
  ]) {
    tokens[who] = await signIn(`${who}@demo.test`);
  }
  const res = await app.request('/api/v1/practitioners');
  practitionerIds = ((await res.json()) as { id: string }[]).map((p) => p.id);
});
afterAll(() => database?.close());

type Json = any;
async function call(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const init =
    opts.body === undefined
      ? {
          method,
          headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
        }
      : jsonRequest(opts.body, {
          method,
          ...(opts.token ? { token: opts.token } : {}),
          ...(opts.headers ? { headers: opts.headers } : {}),
        });
  const res = await app.request(path, init);
  const text = await res.text();
  let body: Json = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, headers: res.headers };
}

/** Moves the clock and signs people in again: tokens live 12 hours, and expired ones are revoked. */
async function moveClock(to: string, who: string[]) {
  clock.set(to);
  for (const name of who) tokens[name] = await signIn(`${name}@demo.test`);
}

const book = (token: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  call('POST', '/api/v1/appointments', { token, body, ...(headers ? { headers } : {}) });

describe('reading the clinic', () => {
  it('lists three practitioners and the appointment types with slug and duration', async () => {
    expect(practitionerIds).toHaveLength(3);
    const types = await call('GET', '/api/v1/appointment-types');
    expect(types.status).toBe(200);
    expect(types.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slug: 'follow-up', durationMinutes: 45 }),
        expect.objectContaining({ slug: 'initial-consultation', durationMinutes: 60 }),
        expect.objectContaining({ slug: 'maintenance', durationMinutes: 30 }),
      ]),
    );
  });
});

describe('GET /api/v1/availability', () => {
  it('lists follow-up slots from 09:00 New York time with the offset, none ending after 17:00', async () => {
    const { status, body } = await call(
      'GET',
      `/api/v1/availability?appointmentType=follow-up&practitioner=${practitionerIds[0]}&from=2026-12-07&to=2026-12-07&tz=America/New_York`,
    );
    expect(status).toBe(200);
    expect(body.timeZone).toBe('America/New_York');
    expect(body.slots[0]).toMatchObject({
      practitionerId: practitionerIds[0],
      start: '2026-12-07T09:00:00-05:00',
      end: '2026-12-07T09:45:00-05:00',
    });
    expect(body.slots.at(-1).end).toBe('2026-12-07T17:00:00-05:00');
    // 09:00 … 16:15 on a 15-minute grid
    expect(body.slots).toHaveLength(30);
  });

  it.each([
    ['the last days of year 9999', '9999-12-01', '9999-12-31'],
    ['the first days of year 1', '0001-01-01', '0001-01-31'],
  ])('answers a search over %s with no slots', async (_label, from, to) => {
    const { status, body } = await call(
      'GET',
      `/api/v1/availability?appointmentType=follow-up&practitioner=${practitionerIds[0]}&from=${from}&to=${to}&tz=America/New_York`,
    );
    expect([status, body.slots]).toEqual([200, []]);
  });

  it("shows the same slots in the visitor's time zone", async () => {
    const { body } = await call(
      'GET',
      `/api/v1/availability?appointmentType=follow-up&practitioner=${practitionerIds[0]}&from=2026-12-07&to=2026-12-07&tz=Europe/London`,
    );
    expect(body.timeZone).toBe('Europe/London');
    expect(body.slots[0].start).toBe('2026-12-07T14:00:00+00:00');
  });

  it('uses the clinic time zone by default and offers every practitioner for "any"', async () => {
    const { body } = await call(
      'GET',
      '/api/v1/availability?appointmentType=maintenance&from=2026-12-08&to=2026-12-08',
    );
    expect(body.timeZone).toBe('America/New_York');
    expect(new Set(body.slots.map((s: { practitionerId: string }) => s.practitionerId)).size).toBe(3);
  });

  it('offers nothing inside the 24-hour notice or at weekends', async () => {
    const { body } = await call(
      'GET',
      '/api/v1/availability?appointmentType=follow-up&from=2026-11-25&to=2026-11-29',
    );
    const starts: string[] = body.slots.map((s: { start: string }) => s.start);
    expect(starts.every((s) => s >= '2026-11-26T07:00')).toBe(true);
    expect(starts.some((s) => s.startsWith('2026-11-28') || s.startsWith('2026-11-29'))).toBe(false);
  });

  it.each([
    ['more than 62 days', 'appointmentType=follow-up&from=2026-12-01&to=2027-02-01'],
    ['to before from', 'appointmentType=follow-up&from=2026-12-10&to=2026-12-01'],
    ['a date that does not exist', 'appointmentType=follow-up&from=2026-02-30&to=2026-03-01'],
    ['an unknown time zone', 'appointmentType=follow-up&from=2026-12-01&to=2026-12-02&tz=Mars/Olympus'],
    ['a missing appointment type', 'from=2026-12-01&to=2026-12-02'],
  ])('refuses %s with 400', async (_label, query) => {
    const { status, body } = await call('GET', `/api/v1/availability?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_request');
  });

  it('accepts exactly 62 days', async () => {
    const { status } = await call(
      'GET',
      '/api/v1/availability?appointmentType=follow-up&from=2026-12-01&to=2027-01-31',
    );
    expect(status).toBe(200);
  });

  it('answers 422 for an unknown appointment type', async () => {
    const { status, body } = await call(
      'GET',
      '/api/v1/availability?appointmentType=massage&from=2026-12-01&to=2026-12-02',
    );
    expect(status).toBe(422);
    expect(body.error.fields).toHaveProperty('appointmentType');
  });
});

describe('POST /api/v1/appointments', () => {
  it('books a free slot (201), queues the confirmation and the reminder, and keeps the history', async () => {
    const res = await book(tokens.patient1!, {
      practitionerId: practitionerIds[0],
      appointmentType: 'follow-up',
      start: '2026-12-07T10:00:00-05:00',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'booked',
      practitionerId: practitionerIds[0],
      appointmentType: 'follow-up',
      start: '2026-12-07T10:00:00-05:00',
      end: '2026-12-07T10:45:00-05:00',
      timeZone: 'America/New_York',
      sequence: 0,
    });
    const messages = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.appointmentId, res.body.id));
    expect(messages.map((m) => m.kind).sort()).toEqual(['confirmation', 'reminder']);
    const reminder = messages.find((m) => m.kind === 'reminder')!;
    expect(reminder.nextAttemptAt?.toISOString()).toBe('2026-12-06T15:00:00.000Z');
    expect(messages.every((m) => m.status === 'queued' && m.calendarFile?.includes('BEGIN:VCALENDAR'))).toBe(
      true,
    );
    const history = await database.db
      .select()
      .from(appointmentChanges)
      .where(eq(appointmentChanges.appointmentId, res.body.id));
    expect(history.map((h) => h.change)).toEqual(['booked']);
  });

  it('answers 409 slot_taken to a second patient for the same or an overlapping time', async () => {
    const same = await book(tokens.patient2!, {
      practitionerId: practitionerIds[0],
      appointmentType: 'follow-up',
      start: '2026-12-07T10:00:00-05:00',
    });
    expect(same.status).toBe(409);
    expect(same.body.error.code).toBe('slot_taken');
    const overlapping = await book(tokens.patient2!, {
      practitionerId: practitionerIds[0],
      appointmentType: 'maintenance',
      start: '2026-12-07T10:30:00-05:00',
    });
    expect(overlapping.status).toBe(409);
    // …and the freed-up availability shows the slot as gone.
    const { body } = await call(
      'GET',
      `/api/v1/availability?appointmentType=follow-up&practitioner=${practitionerIds[0]}&from=2026-12-07&to=2026-12-07`,
    );
    expect(body.slots.map((s: { start: string }) => s.start)).not.toContain('2026-12-07T10:00:00-05:00');
    expect(body.slots.map((s: { start: string }) => s.start)).not.toContain('2026-12-07T09:30:00-05:00');
  });

  it('accepts the same instant written in UTC', async () => {
    const res = await book(tokens.patient2!, {
      practitionerId: practitionerIds[1],
      appointmentType: 'follow-up',
      start: '2026-12-07T15:00:00Z',
    });
    expect(res.status).toBe(201);
    expect(res.body.start).toBe('2026-12-07T10:00:00-05:00');
  });

  it.each([
    ['in the past', '2026-11-20T10:00:00-05:00', 'in_the_past'],
    ['inside the minimum notice', '2026-11-25T15:00:00-05:00', 'inside_minimum_notice'],
    ['outside working hours', '2026-12-08T08:00:00-05:00', 'outside_working_hours'],
    ['at a weekend', '2026-12-05T10:00:00-05:00', 'outside_working_hours'],
    ['off the slot grid', '2026-12-08T10:05:00-05:00', 'off_grid'],
    ['beyond 180 days', '2027-06-01T10:00:00-04:00', 'beyond_booking_window'],
    // The ends of the four-digit calendar: the searched days spill into year 10000 and year 0.
    ['at the end of year 9999', '9999-12-31T23:30:00-05:00', 'beyond_booking_window'],
    ['in year 1', '0001-01-01T10:00:00-05:00', 'in_the_past'],
  ])('refuses a start %s with 422', async (_label, start, code) => {
    const res = await book(tokens.patient3!, {
      practitionerId: practitionerIds[2],
      appointmentType: 'follow-up',
      start,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.fields).toHaveProperty('start');
  });

  it.each([
    ['no start', { practitionerId: 'x', appointmentType: 'follow-up' }],
    ['a start without an offset', { appointmentType: 'follow-up', start: '2026-12-08T10:00:00' }],
    [
      'a practitioner id that is not a uuid',
      { practitionerId: 'dr-chen', appointmentType: 'follow-up', start: '2026-12-08T10:00:00Z' },
    ],
  ])('refuses a body with %s with 400', async (_label, body) => {
    const res = await book(tokens.patient3!, { practitionerId: practitionerIds[2], ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_request');
  });

  it('requires a token (401) and refuses a patient booking for someone else (403)', async () => {
    const anonymous = await call('POST', '/api/v1/appointments', {
      body: {
        practitionerId: practitionerIds[0],
        appointmentType: 'follow-up',
        start: '2026-12-09T10:00:00-05:00',
      },
    });
    expect(anonymous.status).toBe(401);
    const me = await call('GET', '/api/v1/appointments', { token: tokens.patient1! });
    const someoneElse = me.body[0].patientId;
    const res = await book(tokens.patient3!, {
      practitionerId: practitionerIds[0],
      appointmentType: 'follow-up',
      start: '2026-12-09T10:00:00-05:00',
      patientId: someoneElse,
    });
    expect(res.status).toBe(403);
  });

  it('keeps a patient from being booked twice at once, even with two practitioners', async () => {
    const res = await book(tokens.patient1!, {
      practitionerId: practitionerIds[2],
      appointmentType: 'follow-up',
      start: '2026-12-07T10:15:00-05:00',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('patient_already_booked');
  });

  it('keeps the initial consultation for new patients', async () => {
    const res = await book(tokens.patient1!, {
      practitionerId: practitionerIds[1],
      appointmentType: 'initial-consultation',
      start: '2026-12-10T09:00:00-05:00',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('new_patients_only');
    // patient12 has never been seen (the demo records give patients 1–5, 7–10, 13 and 14 visits).
    const newcomer = await book(tokens.patient12!, {
      practitionerId: practitionerIds[1],
      appointmentType: 'initial-consultation',
      start: '2026-12-10T09:00:00-05:00',
    });
    expect(newcomer.status).toBe(201);
  });
});

describe('Idempotency-Key', () => {
  const body = () => ({
    practitionerId: practitionerIds[2],
    appointmentType: 'maintenance',
    start: '2026-12-11T11:00:00-05:00',
  });

  it('gives the same appointment back for the same key and body, never two', async () => {
    const first = await book(tokens.patient3!, body(), { 'idempotency-key': 'key-A' });
    const again = await book(tokens.patient3!, body(), { 'idempotency-key': 'key-A' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const rows = await database.db
      .select()
      .from(appointments)
      .where(eq(appointments.startAt, new Date('2026-12-11T16:00:00Z')));
    expect(rows.filter((r) => r.practitionerId === practitionerIds[2])).toHaveLength(1);
  });

  it('refuses the same key with a different body', async () => {
    const res = await book(
      tokens.patient3!,
      { ...body(), start: '2026-12-11T12:00:00-05:00' },
      { 'idempotency-key': 'key-A' },
    );
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('idempotency_key_reused');
  });

  it('makes one appointment from concurrent retries with one key', async () => {
    const b = {
      practitionerId: practitionerIds[2],
      appointmentType: 'maintenance',
      start: '2026-12-14T11:00:00-05:00',
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => book(tokens.patient2!, b, { 'idempotency-key': 'key-B' })),
    );
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
  });
});

describe('reading, moving and cancelling', () => {
  let id: string;
  beforeAll(async () => {
    const res = await book(tokens.patient4!, {
      practitionerId: practitionerIds[0],
      appointmentType: 'follow-up',
      start: '2026-12-15T13:00:00-05:00',
    });
    id = res.body.id;
  });

  it("lists the caller's own appointments and hides other people's with 404", async () => {
    const mine = await call('GET', '/api/v1/appointments', { token: tokens.patient4! });
    expect(mine.body.map((a: { id: string }) => a.id)).toContain(id);
    const theirs = await call('GET', `/api/v1/appointments/${id}`, { token: tokens.patient1! });
    expect(theirs.status).toBe(404);
    // The appointment's own practitioner (Daniel Okafor, practitioner2) may read it (issue 8 policy).
    expect((await call('GET', `/api/v1/appointments/${id}`, { token: tokens.practitioner2! })).status).toBe(
      200,
    );
  });

  it('serves a calendar file with a stable UID', async () => {
    const res = await call('GET', `/api/v1/appointments/${id}/calendar.ics`, { token: tokens.patient4! });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.body).toContain(`UID:appointment-${id}@`);
    expect(res.body).toContain('SEQUENCE:0');
  });

  it('moves the appointment atomically: a taken time leaves it where it was', async () => {
    await book(tokens.patient1!, {
      practitionerId: practitionerIds[0],
      appointmentType: 'follow-up',
      start: '2026-12-16T13:00:00-05:00',
    });
    const refused = await call('POST', `/api/v1/appointments/${id}/reschedule`, {
      token: tokens.patient4!,
      body: { start: '2026-12-16T13:00:00-05:00' },
    });
    expect(refused.status).toBe(409);
    const unchanged = await call('GET', `/api/v1/appointments/${id}`, { token: tokens.patient4! });
    expect(unchanged.body.start).toBe('2026-12-15T13:00:00-05:00');

    for (const [start, code] of [
      ['9999-12-31T23:30:00-05:00', 'beyond_booking_window'],
      ['0001-01-01T10:00:00-05:00', 'in_the_past'],
    ]) {
      const far = await call('POST', `/api/v1/appointments/${id}/reschedule`, {
        token: tokens.patient4!,
        body: { start },
      });
      expect([far.status, far.body.error?.code]).toEqual([422, code]);
    }

    const moved = await call('POST', `/api/v1/appointments/${id}/reschedule`, {
      token: tokens.patient4!,
      body: { start: '2026-12-15T13:30:00-05:00' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ start: '2026-12-15T13:30:00-05:00', sequence: 1, status: 'booked' });
    const ics = await call('GET', `/api/v1/appointments/${id}/calendar.ics`, { token: tokens.patient4! });
    expect(ics.body).toContain('SEQUENCE:1');
    const reminders = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.appointmentId, id));
    expect(
      reminders
        .filter((m) => m.kind === 'reminder')
        .map((m) => m.status)
        .sort(),
    ).toEqual(['queued', 'superseded']);
    expect(reminders.some((m) => m.kind === 'change')).toBe(true);
  });

  it('lets the patient cancel outside the window but not inside it', async () => {
    await moveClock('2026-12-14T19:00:00Z', ['patient4']); // 23.5 hours before 13:30 New York time
    const late = await call('POST', `/api/v1/appointments/${id}/cancel`, {
      token: tokens.patient4!,
      body: {},
    });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe('inside_cancellation_window');
    await moveClock('2026-11-25T12:00:00Z', ['patient4']);
    const cancelled = await call('POST', `/api/v1/appointments/${id}/cancel`, {
      token: tokens.patient4!,
      body: { reason: 'Feeling better' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Feeling better',
      sequence: 2,
    });
    const again = await call('POST', `/api/v1/appointments/${id}/cancel`, {
      token: tokens.patient4!,
      body: {},
    });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('appointment_closed');
    const messages = await database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.appointmentId, id));
    const cancellation = messages.find((m) => m.kind === 'cancellation')!;
    expect(cancellation.calendarFile).toContain('METHOD:CANCEL');
    expect(messages.filter((m) => m.kind === 'reminder').every((m) => m.status === 'superseded')).toBe(true);
    const history = await database.db
      .select()
      .from(appointmentChanges)
      .where(eq(appointmentChanges.appointmentId, id));
    expect(history.map((h) => h.change)).toEqual(['booked', 'rescheduled', 'cancelled']);
  });

  it('frees the time of a cancelled appointment', async () => {
    const res = await book(tokens.patient2!, {
      practitionerId: practitionerIds[0],
      appointmentType: 'follow-up',
      start: '2026-12-15T13:30:00-05:00',
    });
    expect(res.status).toBe(201);
  });

  it('lets staff cancel inside the window only with a reason', async () => {
    const res = await book(tokens.patient3!, {
      practitionerId: practitionerIds[1],
      appointmentType: 'follow-up',
      start: '2026-12-17T09:00:00-05:00',
    });
    await moveClock('2026-12-17T13:00:00Z', ['practitioner1']);
    const noReason = await call('POST', `/api/v1/appointments/${res.body.id}/cancel`, {
      token: tokens.practitioner1!,
      body: {},
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('reason_required');
    const withReason = await call('POST', `/api/v1/appointments/${res.body.id}/cancel`, {
      token: tokens.practitioner1!,
      body: { reason: 'Practitioner unwell' },
    });
    expect(withReason.status).toBe(200);
    expect(withReason.body.cancellationReason).toBe('Practitioner unwell');
  });
});
