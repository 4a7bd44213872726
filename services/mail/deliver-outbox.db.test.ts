import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appointments, outboxMessages, patients } from '#db/schema/index.ts';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import { listPractitioners } from '#services/clinic/list-practitioners.ts';
import type { ServiceContext } from '#services/context.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { startSmtpTestServer } from '#tests/setup/smtp-test-server.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { CLAIM_LEASE_MS, claimDueMessages, deliverDueMessages, retryDelayMs } from './deliver-outbox.ts';
import { createMailTransport } from './mail-transport.ts';

// Issue 5 "reminder test": the outbox row commits or rolls back with the booking; a crashed worker's
// claim is retried and the message sent once; a failing SMTP server leaves `failed` with the reason
// and a retry. Against a real SMTP server on loopback.

let database: TestDatabase;
let ctx: ServiceContext;
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
const clock = createTestClock('2026-11-25T12:00:00Z');
let practitionerId: string;
let patientUserId: string;
let slotHour = 9;

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
  await loadDemoData(ctx);
  smtp = await startSmtpTestServer();
  practitionerId = (await listPractitioners(ctx))[0]!.id;
  const [patient] = await database.db.select().from(patients).where(eq(patients.email, 'patient1@demo.test'));
  patientUserId = patient!.userId!;
});
afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

beforeEach(async () => {
  // Each test sees only its own messages.
  await database.db.update(outboxMessages).set({ status: 'superseded', nextAttemptAt: null });
  smtp.received.length = 0;
  smtp.refuse(false);
  clock.set('2026-11-25T12:00:00Z');
});

async function bookNextSlot() {
  const start = `2026-12-0${7 + Math.floor((slotHour - 9) / 8)}T${String(9 + ((slotHour - 9) % 8)).padStart(2, '0')}:00:00-05:00`;
  slotHour += 1;
  const result = await bookAppointment(
    ctx,
    { userId: patientUserId, role: 'patient' },
    { practitionerId, appointmentType: 'maintenance', start },
  );
  return result.body;
}

async function confirmationOf(appointmentId: string) {
  const rows = await database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.appointmentId, appointmentId));
  return rows.find((r) => r.kind === 'confirmation')!;
}

describe('the outbox commits with the booking', () => {
  it('leaves neither appointment nor message when the booking transaction fails after queuing', async () => {
    // A trigger that fails the booking's last step (its audit row), after the outbox insert.
    await database.db.execute(sql`
      create or replace function fail_booking_audit() returns trigger language plpgsql as $$
      begin
        if new.action = 'appointment.book' then raise exception 'audit store unavailable'; end if;
        return new;
      end $$`);
    await database.db.execute(
      sql`create trigger fail_booking_audit before insert on audit_events for each row execute function fail_booking_audit()`,
    );
    const before = await database.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages);
    await expect(bookNextSlot()).rejects.toThrow();
    await database.db.execute(sql`drop trigger fail_booking_audit on audit_events`);
    const after = await database.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages);
    expect(after[0]!.n).toBe(before[0]!.n);
    const booked = await database.db
      .select()
      .from(appointments)
      .where(eq(appointments.startAt, new Date('2026-12-07T14:00:00Z')));
    expect(booked).toHaveLength(0);
  });

  it('queues the confirmation in the same commit as the appointment', async () => {
    const appointment = await bookNextSlot();
    const message = await confirmationOf(appointment.id);
    expect(message).toMatchObject({ status: 'queued', recipient: 'patient1@demo.test', attempts: 0 });
    expect(message.nextAttemptAt?.toISOString()).toBe('2026-11-25T12:00:00.000Z');
  });
});

describe('sending over SMTP', () => {
  it('sends a due message once with its calendar file, and leaves the reminder for later', async () => {
    const appointment = await bookNextSlot();
    const transport = createMailTransport(smtp.url);
    const totals = await deliverDueMessages(ctx, transport, 'worker-a');
    transport.close();
    expect(totals).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['patient1@demo.test']);
    expect(smtp.received[0]!.raw).toContain('text/calendar');
    expect(smtp.received[0]!.raw).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/);
    const message = await confirmationOf(appointment.id);
    expect(message).toMatchObject({ status: 'sent', transport: 'smtp', attempts: 1, lastError: null });
  });

  it("retries a crashed worker's claim after the lease and sends it exactly once", async () => {
    const appointment = await bookNextSlot();
    const claimed = await claimDueMessages(ctx, 'worker-that-crashes', 10);
    expect(claimed.map((m) => m.id)).toContain((await confirmationOf(appointment.id)).id);
    // The crashed worker never sends. Another worker finds nothing while the lease holds…
    const transport = createMailTransport(smtp.url);
    expect(await deliverDueMessages(ctx, transport, 'worker-b')).toEqual({ sent: 0, failed: 0 });
    // …and takes the message over once it has run out.
    clock.advance(CLAIM_LEASE_MS + 1000);
    expect(await deliverDueMessages(ctx, transport, 'worker-b')).toEqual({ sent: 1, failed: 0 });
    expect(await deliverDueMessages(ctx, transport, 'worker-c')).toEqual({ sent: 0, failed: 0 });
    transport.close();
    expect(smtp.received).toHaveLength(1);
    expect(await confirmationOf(appointment.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      lockedBy: null,
    });
  });

  it('marks a refused message failed with the reason and a retry, then sends it on the retry', async () => {
    const appointment = await bookNextSlot();
    smtp.refuse(true);
    const transport = createMailTransport(smtp.url);
    expect(await deliverDueMessages(ctx, transport, 'worker-a')).toEqual({ sent: 0, failed: 1 });
    const failed = await confirmationOf(appointment.id);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toMatch(/550/);
    expect(failed.nextAttemptAt?.getTime()).toBe(clock.now().getTime() + retryDelayMs(1));

    smtp.refuse(false);
    expect(await deliverDueMessages(ctx, transport, 'worker-a')).toEqual({ sent: 0, failed: 0 }); // not due yet
    clock.advance(retryDelayMs(1));
    expect(await deliverDueMessages(ctx, transport, 'worker-a')).toEqual({ sent: 1, failed: 0 });
    transport.close();
    expect(smtp.received).toHaveLength(1);
    expect(await confirmationOf(appointment.id)).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
    });
  });

  it('gives up after the last attempt and says why', async () => {
    const appointment = await bookNextSlot();
    smtp.refuse(true);
    const transport = createMailTransport(smtp.url);
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect(await deliverDueMessages(ctx, transport, 'worker-a')).toEqual({ sent: 0, failed: 1 });
      clock.advance(retryDelayMs(attempt));
    }
    expect(await deliverDueMessages(ctx, transport, 'worker-a')).toEqual({ sent: 0, failed: 0 });
    transport.close();
    const message = await confirmationOf(appointment.id);
    expect(message).toMatchObject({ status: 'failed', attempts: 6, nextAttemptAt: null });
    expect(message.lastError).toMatch(/550/);
  });

  it('lets two workers drain the outbox together without sending anything twice', async () => {
    for (let i = 0; i < 6; i += 1) await bookNextSlot();
    const a = createMailTransport(smtp.url);
    const b = createMailTransport(smtp.url);
    const [ta, tb] = await Promise.all([
      deliverDueMessages(ctx, a, 'worker-a', 2),
      deliverDueMessages(ctx, b, 'worker-b', 2),
    ]);
    a.close();
    b.close();
    expect(ta.sent + tb.sent).toBe(6);
    expect(smtp.received).toHaveLength(6);
    const ids = smtp.received.map((m) => /Message-ID: (<[^>]+>)/i.exec(m.raw)?.[1]);
    expect(new Set(ids).size).toBe(6);
  });
});

describe('without SMTP', () => {
  it('keeps the whole message as sent mail to read in the app', async () => {
    const appointment = await bookNextSlot();
    const transport = createMailTransport(null);
    expect(await deliverDueMessages(ctx, transport, 'worker-a')).toEqual({ sent: 1, failed: 0 });
    transport.close();
    const message = await confirmationOf(appointment.id);
    expect(message).toMatchObject({ status: 'sent', transport: 'stored' });
    expect(message.rawMessage).toContain(`Subject: ${message.subject.slice(0, 20)}`);
    expect(message.rawMessage).toContain('BEGIN:VCALENDAR');
    expect(smtp.received).toHaveLength(0);
  });
});
