// Database statements per page request (issue 10): the main pages stay within a small, fixed number
// of statements, and a longer list on a page (more appointments that day) never means more
// statements (no N+1). Counted by wrapping the driver (tests/setup/query-counter.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '#db/client.server.ts';
import { runMigrations } from '#db/migrate.server.ts';
import { appointments, patients, users } from '#db/schema/index.ts';
import { appointmentTimes } from '#services/booking/appointment-times.ts';
import { seedArticlesOnce } from '#services/content/seed-articles.ts';
import type { ServiceContext } from '#services/context.ts';
import { loadDemoContent } from '#services/demo/demo-content.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createClinicFixture } from '#tests/factories/clinic.ts';
import {
  countPageQueries,
  demoSessionCookies,
  mainPages,
  type PageViewer,
  statementsOfRequest,
} from '#tests/setup/page-queries.ts';
import { countQueries, type QueryCounter } from '#tests/setup/query-counter.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { createWebTestApp, sessionCookieFor } from '#tests/setup/web-test-app.ts';

// Most statements any main page may send: a budget, with room for pages to grow, that catches a page
// that starts loading per row of demo data. Today's counts are printed by `npm run bench -- queries`
// (the busiest, /my-care, sends 16: its services each look the patient up again, four in all).
const MOST_STATEMENTS_PER_PAGE = 20;

let close: () => Promise<void>;
let services: ServiceContext;
let app: Awaited<ReturnType<typeof createWebTestApp>>;
let counter: QueryCounter;
let cookies: Record<PageViewer, string>;

beforeAll(async () => {
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  close = () => handle.close();
  await runMigrations(handle);
  const db = Object.assign(handle, { label: 'pglite' as const });
  // Monday 2 March 2026, 09:00 in New York: the demo clinic's diary is laid around it.
  services = createTestServices(db, createTestClock('2026-03-02T14:00:00Z'));
  await loadDemoData(services);
  await loadDemoContent(services);
  await seedArticlesOnce(services);
  app = await createWebTestApp(services);
  counter = countQueries(services.db);
  cookies = await demoSessionCookies(services);
});
afterAll(() => close?.());

describe('database statements per page', () => {
  it('counts the statements of a transaction and of plain reads alike', async () => {
    const statements = await counter.during(() =>
      services.db.transaction(async (tx) => {
        await tx.select({ id: users.id }).from(users).limit(1);
        await tx.select({ id: patients.id }).from(patients).limit(1);
      }),
    );
    expect(statements).toHaveLength(2);
    expect(statements.every((s) => s.startsWith('select'))).toBe(true);
  });

  it(`keeps every main page within ${MOST_STATEMENTS_PER_PAGE} statements`, async () => {
    const found = await countPageQueries(app, counter, cookies, mainPages('your-first-session'));
    for (const page of found) {
      expect({ path: page.path, status: page.status }).toEqual({ path: page.path, status: 200 });
      expect(page.queries, `${page.path}: ${page.statements.join('\n')}`).toBeLessThanOrEqual(
        MOST_STATEMENTS_PER_PAGE,
      );
      expect(page.queries).toBeGreaterThan(0);
    }
  });

  it("sends as many statements for a practitioner's day of 10 appointments as for a day of 1", async () => {
    const clinic = await createClinicFixture(services.db);
    const extra = await services.db
      .insert(patients)
      .values(Array.from({ length: 9 }, (_, i) => ({ givenName: 'Test', familyName: `Day ${i}` })))
      .returning({ id: patients.id });
    const patientIds = [...clinic.patientIds, ...extra.map((p) => p.id)];
    const book = (patientId: string, start: string) =>
      services.db.insert(appointments).values({
        patientId,
        practitionerId: clinic.practitionerId,
        locationId: clinic.locationId,
        appointmentTypeId: clinic.appointmentTypeId,
        ...appointmentTimes(new Date(start), new Date(new Date(start).getTime() + 45 * 60_000)),
        status: 'booked',
        createdBy: clinic.practitionerUserId,
      });
    // Tuesday 10 March: one visit. Wednesday 11 March: ten visits, ten different patients.
    await book(patientIds[0]!, '2026-03-10T14:00:00Z');
    for (let i = 0; i < 10; i += 1) {
      await book(patientIds[i]!, new Date(Date.UTC(2026, 2, 11, 13, 0) + i * 60 * 60_000).toISOString());
    }
    const cookie = await sessionCookieFor(services, clinic.practitionerUserId);
    // The first request may refresh the session's last-seen time; count from the second on.
    await statementsOfRequest(app, counter, '/workspace?date=2026-03-09', cookie);

    const one = await statementsOfRequest(app, counter, '/workspace?date=2026-03-10', cookie);
    const ten = await statementsOfRequest(app, counter, '/workspace?date=2026-03-11', cookie);
    expect([one.status, ten.status]).toEqual([200, 200]);
    const html = await (await app.request('/workspace?date=2026-03-11', { headers: { cookie } })).text();
    expect(html.match(/href="\/workspace\/visits\//g)?.length ?? 0).toBeGreaterThanOrEqual(10);
    expect(ten.statements.length, ten.statements.join('\n')).toBe(one.statements.length);
  });

  it('sends as many statements for a patient with 10 upcoming appointments as with 1', async () => {
    const clinic = await createClinicFixture(services.db);
    const tag = randomUUID().slice(0, 8);
    const [user] = await services.db
      .insert(users)
      .values({ email: `p-${tag}@test.test`, passwordHash: 'x', role: 'patient', displayName: 'Test' })
      .returning({ id: users.id });
    const [patient] = await services.db
      .insert(patients)
      .values({ givenName: 'Test', familyName: `Care ${tag}`, userId: user!.id })
      .returning({ id: patients.id });
    const cookie = await sessionCookieFor(services, user!.id);
    const book = (day: number) =>
      services.db.insert(appointments).values({
        patientId: patient!.id,
        practitionerId: clinic.practitionerId,
        locationId: clinic.locationId,
        appointmentTypeId: clinic.appointmentTypeId,
        ...appointmentTimes(
          new Date(Date.UTC(2026, 2, day, 15, 0)),
          new Date(Date.UTC(2026, 2, day, 15, 45)),
        ),
        status: 'booked',
        createdBy: user!.id,
      });
    await book(16);
    await statementsOfRequest(app, counter, '/my-care', cookie);
    const one = await statementsOfRequest(app, counter, '/my-care', cookie);
    for (let day = 17; day < 26; day += 1) await book(day);
    const ten = await statementsOfRequest(app, counter, '/my-care', cookie);
    expect([one.status, ten.status]).toEqual([200, 200]);
    expect(ten.statements.length, ten.statements.join('\n')).toBe(one.statements.length);
  });
});
