import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments, auditEvents, contactMessages, outboxMessages, sessions } from '#db/schema/index.ts';
import { signInWithPassword } from '#services/auth/sign-in.ts';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import { listPractitioners } from '#services/clinic/list-practitioners.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { purgeExpiredData } from './purge-expired-data.ts';

let database: TestDatabase;
const clock = createTestClock('2026-11-25T12:00:00Z');
const count = async (table: any) => {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row!.n;
};

beforeAll(async () => {
  database = await openTestDatabase();
  const ctx = createTestServices(database, clock);
  await loadDemoData(ctx);
  const signedIn = await signInWithPassword(
    ctx,
    { email: 'patient5@demo.test', password: 'backpoint-demo-2026' },
    'api',
  );
  if (!signedIn.ok) throw new Error('sign-in failed');
  const [practitioner] = await listPractitioners(ctx);
  await bookAppointment(
    ctx,
    { userId: signedIn.value.user.id, role: 'patient' },
    { practitionerId: practitioner!.id, appointmentType: 'maintenance', start: '2026-12-10T15:00:00-05:00' },
    'purge-test',
  );
});
afterAll(() => database?.close());

describe('purging expired data', () => {
  it('keeps everything that is still within its retention', async () => {
    const ctx = createTestServices(database, clock);
    const counts = await purgeExpiredData(ctx);
    expect(counts).toEqual({ sessions: 0, idempotencyKeys: 0, emails: 0, contactMessages: 0 });
  });

  it('drops old sessions, keys, delivered emails and contact messages, never appointments or audit rows', async () => {
    const appointmentsBefore = await count(appointments);
    const auditBefore = await count(auditEvents);
    const contactsBefore = await count(contactMessages);
    // Mark the emails as handled long ago: only finished messages may go.
    await database.db.update(outboxMessages).set({ status: 'sent' }).where(sql`kind = 'confirmation'`);
    clock.set('2027-12-31T12:00:00Z');
    const counts = await purgeExpiredData(createTestServices(database, clock));
    expect(counts.sessions).toBeGreaterThan(0);
    expect(counts.idempotencyKeys).toBe(1);
    expect(counts.emails).toBe(1); // the confirmation; the reminder was never sent and stays
    expect(counts.contactMessages).toBe(contactsBefore);
    expect(await count(sessions)).toBe(0);
    expect(await count(appointments)).toBe(appointmentsBefore);
    expect(await count(auditEvents)).toBeGreaterThanOrEqual(auditBefore);
    clock.set('2026-11-25T12:00:00Z');
  });
});
