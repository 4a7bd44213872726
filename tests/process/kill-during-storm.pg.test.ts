import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fetcher, pickSeparateSlots, signInPatients } from '#tests/setup/booking-storm.ts';
import { findFreePort, type ServerProcess, spawnServer, waitForOutput } from '#tests/setup/server-process.ts';

// Issue 8: kill -9 during a booking storm on PostgreSQL loses no acknowledged booking and leaves no
// half-written one (every appointment has its history, its audit row and its confirmation email);
// retrying the unanswered requests with their Idempotency-Keys afterwards never double-books.
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `bp_kill_${randomBytes(5).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

async function query<T>(text: string, connection = url.toString()): Promise<T[]> {
  const client = new pg.Client({ connectionString: connection });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const servers: ServerProcess[] = [];
beforeAll(() => query(`create database "${name}"`, adminUrl));
afterAll(async () => {
  for (const s of servers) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill('SIGKILL');
      await s.exited;
    }
  }
  await query(`drop database if exists "${name}" with (force)`, adminUrl);
});

async function startServer(port: number) {
  const server = spawnServer({
    DATABASE_URL: url.toString(),
    DEMO_DATA: '1',
    APP_SECRET: 'kill-test-secret-0123456789-abcdefghijk',
    PORT: String(port),
    MAIL_WORKER: '0',
  });
  servers.push(server);
  await waitForOutput(server, /running at/);
  return server;
}

function localDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

type Attempt = { key: string; token: string; body: string; status: number | 'no-answer'; id?: string };

describe('kill -9 during a booking storm', () => {
  it('keeps every acknowledged booking and no half-written one', async () => {
    const port = await findFreePort();
    const first = await startServer(port);
    const fetcher: Fetcher = (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init);
    const tokens = await signInPatients(fetcher, 20);
    // The demo clinic already holds appointments (loaded directly, without emails): judge only the storm's.
    const demoIds = (await query<{ id: string }>('select id from appointments')).map((r) => r.id);
    const stormOnly = `not (a.id = any('{${demoIds.join(',')}}'::uuid[]))`;
    // Enough attempts that the storm is still running when the kill comes, however fast booking gets.
    const slots = await pickSeparateSlots(fetcher, localDate(3), localDate(40), 200);

    const attempts: Attempt[] = slots.flatMap((slot, s) =>
      [0, 1, 2].map((j) => ({
        key: randomUUID(),
        token: tokens[(s + j) % tokens.length]!,
        body: JSON.stringify({
          practitionerId: slot.practitionerId,
          appointmentType: 'follow-up',
          start: slot.start,
        }),
        status: 'no-answer' as const,
      })),
    );
    const send = (attempt: Attempt, via: Fetcher) =>
      via('/api/v1/appointments', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${attempt.token}`,
          'idempotency-key': attempt.key,
        },
        body: attempt.body,
      }).then(async (res) => {
        // An answer counts once its body has arrived: the kill can cut a response after its headers.
        const body = (await res.json()) as { id?: string };
        attempt.status = res.status;
        if (res.status === 201 || res.status === 200) attempt.id = body.id!;
      });

    // Fire everything, and kill the server as soon as some bookings have been acknowledged.
    const inFlight = attempts.map((a) => send(a, fetcher).catch(() => {}));
    while (attempts.filter((a) => a.status === 201).length < 10) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    await first.exited;
    await Promise.all(inFlight);

    const acknowledged = attempts.filter((a) => a.status === 201);
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    expect(attempts.some((a) => a.status === 'no-answer')).toBe(true);

    // Every acknowledged booking survived.
    const rows = await query<{ id: string; status: string }>(`select id, status from appointments`);
    const stored = new Map(rows.map((r) => [r.id, r.status]));
    for (const a of acknowledged) expect(stored.get(a.id!)).toBe('booked');

    // Nothing is half-written: each appointment has its history row, audit row and confirmation.
    const [orphans] = await query<{ n: number }>(`
      select count(*)::int as n from appointments a
       where ${stormOnly} and (
             not exists (select 1 from appointment_changes c where c.appointment_id = a.id and c.change = 'booked')
          or not exists (select 1 from audit_events e where e.entity_id = a.id::text and e.action = 'appointment.book')
          or not exists (select 1 from outbox_messages m where m.appointment_id = a.id and m.kind = 'confirmation'))`);
    expect(orphans!.n).toBe(0);
    const [pendingKeys] = await query<{ n: number }>(
      `select count(*)::int as n from idempotency_keys where status_code = 0`,
    );
    expect(pendingKeys!.n).toBe(0);

    // A fresh start, then the clients retry what went unanswered with the same keys.
    const second = await startServer(port);
    const retried = attempts.filter((a) => a.status === 'no-answer');
    await Promise.all(retried.map((a) => send(a, fetcher)));
    expect(retried.every((a) => [200, 201, 409].includes(a.status as number))).toBe(true);
    const [overlaps] = await query<{ n: number }>(`
      select count(*)::int as n from appointments a join appointments b
        on a.practitioner_id = b.practitioner_id and a.id < b.id
       and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
     where a.status <> 'cancelled' and b.status <> 'cancelled'`);
    expect(overlaps!.n).toBe(0);
    const [live] = await query<{ n: number }>(
      `select count(*)::int as n from appointments a where status = 'booked' and ${stormOnly}`,
    );
    expect(live!.n).toBe(slots.length);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);
});
