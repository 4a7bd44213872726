import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '#core/shared/stable-id.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createTestApp, jsonRequest } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// GET /api/v1/appointments/{id}/calendar.ics for appointments in the weeks New York changes its
// clocks (2026-03-08 and 2026-11-01), read back by an independent parser (ical.js) that knows no
// time zones but the VTIMEZONE in the file: the right instant proves the zone rules and local times.

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;
const clock = createTestClock('2026-03-02T15:00:00Z');
const practitionerId = stableUuid('practitioner:3');

beforeAll(async () => {
  database = await openTestDatabase();
  const services = createTestServices(database, clock);
  await loadDemoData(services);
  app = createTestApp(services);
});
afterAll(() => database?.close());

async function signIn(email: string): Promise<string> {
  const res = await app.request(
    '/api/v1/auth/token',
    jsonRequest({ email, password: 'backpoint-demo-2026' }),
  );
  return ((await res.json()) as { token: string }).token;
}

async function bookAndFetchCalendar(token: string, start: string) {
  const booked = await app.request(
    '/api/v1/appointments',
    jsonRequest({ practitionerId, appointmentType: 'follow-up', start }, { token }),
  );
  expect(booked.status).toBe(201);
  const { id } = (await booked.json()) as { id: string };
  const res = await app.request(`/api/v1/appointments/${id}/calendar.ics`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
  return res.text();
}

/** Parses with ical.js, registering only the time zones the file itself defines. */
function readEvent(text: string) {
  ICAL.TimezoneService.reset();
  const first = new ICAL.Component(ICAL.parse(text));
  for (const zone of first.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  const event = new ICAL.Event(vevent);
  return {
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    localStart: event.startDate.toString(),
    zone: event.startDate.zone?.tzid,
  };
}

describe('calendar files across a clock change', () => {
  it('gives 10:00 local on both sides of the March change (15:00 then 14:00 UTC)', async () => {
    clock.set('2026-03-02T15:00:00Z');
    const token = await signIn('patient18@demo.test');
    const before = readEvent(await bookAndFetchCalendar(token, '2026-03-06T10:00:00-05:00'));
    const after = readEvent(await bookAndFetchCalendar(token, '2026-03-09T10:00:00-04:00'));
    expect(before).toMatchObject({ start: '2026-03-06T15:00:00.000Z', end: '2026-03-06T15:45:00.000Z' });
    expect(after).toMatchObject({ start: '2026-03-09T14:00:00.000Z', end: '2026-03-09T14:45:00.000Z' });
    expect(after.localStart).toBe('2026-03-09T10:00:00');
    expect(after.zone).toBe('America/New_York');
  });

  it('gives 10:00 local on both sides of the November change (14:00 then 15:00 UTC)', async () => {
    clock.set('2026-10-20T15:00:00Z');
    const token = await signIn('patient19@demo.test');
    const before = readEvent(await bookAndFetchCalendar(token, '2026-10-30T10:00:00-04:00'));
    const after = readEvent(await bookAndFetchCalendar(token, '2026-11-02T10:00:00-05:00'));
    expect(before.start).toBe('2026-10-30T14:00:00.000Z');
    expect(after).toMatchObject({ start: '2026-11-02T15:00:00.000Z', end: '2026-11-02T15:45:00.000Z' });
    expect(after.localStart).toBe('2026-11-02T10:00:00');
  });
});
