import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Fetcher,
  pickSeparateSlots,
  runBookingStorm,
  signInPatients,
} from '#tests/setup/booking-storm.ts';
import { findFreePort, type ServerProcess, spawnServer, waitForOutput } from '#tests/setup/server-process.ts';
import { startSmtpTestServer } from '#tests/setup/smtp-test-server.ts';

// Issues 5 and 10: two app processes on one PostgreSQL database under a booking storm — 200
// requests over HTTP for 20 slots end with exactly 20 appointments, no overlap, a 409 for every
// loser; and the two in-process mail workers send each confirmation exactly once.
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `bp_storm_${randomBytes(5).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

async function query<T>(connection: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: connection });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

const servers: ServerProcess[] = [];
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;

beforeAll(async () => {
  await query(adminUrl, `create database "${name}"`);
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  for (const server of servers) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  await smtp?.close();
  await query(adminUrl, `drop database if exists "${name}" with (force)`);
});

function localDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

describe('two processes on one PostgreSQL database', () => {
  it('never double-books under a storm and sends each confirmation once', async () => {
    const fetchers: Fetcher[] = [];
    for (let i = 0; i < 2; i += 1) {
      const port = await findFreePort();
      const server = spawnServer({
        DATABASE_URL: url.toString(),
        DEMO_DATA: '1',
        APP_SECRET: 'storm-test-secret-0123456789-abcdefghij',
        PORT: String(port),
        SMTP_URL: smtp.url,
        MAIL_POLL_SECONDS: '0.2',
      });
      servers.push(server);
      // One after the other: the second must find the migrated, seeded database.
      await waitForOutput(server, /running at/);
      fetchers.push((path, init) => fetch(`http://127.0.0.1:${port}${path}`, init));
    }

    const tokens = await signInPatients(fetchers[0]!, 20);
    const slots = await pickSeparateSlots(fetchers[1]!, localDate(3), localDate(12), 20);
    const outcome = await runBookingStorm(fetchers, tokens, slots, 10);

    expect(outcome.statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(outcome.statuses.filter((s) => s === 409)).toHaveLength(180);
    expect(new Set(outcome.errorCodes)).toEqual(new Set(['slot_taken']));
    const [live] = await query<{ n: number }>(
      url.toString(),
      // The storm's days only: the demo clinic has visits of its own before and after them.
      `select count(*)::int as n from appointments where status <> 'cancelled'
         and start_at >= '${localDate(3)}' and start_at < '${localDate(13)}'`,
    );
    expect(live!.n).toBe(20);
    const [overlaps] = await query<{ n: number }>(
      url.toString(),
      `select count(*)::int as n from appointments a join appointments b
         on a.practitioner_id = b.practitioner_id and a.id < b.id
        and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
      where a.status <> 'cancelled' and b.status <> 'cancelled'`,
    );
    expect(overlaps!.n).toBe(0);

    // Both workers poll every 0.2 s; wait for all 20 confirmations, then a little longer for any duplicate.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [sent] = await query<{ n: number }>(
        url.toString(),
        `select count(*)::int as n from outbox_messages where kind = 'confirmation' and status = 'sent'`,
      );
      if (sent!.n === 20 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.received).toHaveLength(20);
    const ids = smtp.received.map((m) => /Message-ID: (<[^>]+>)/i.exec(m.raw)?.[1]);
    expect(new Set(ids).size).toBe(20);
    const senders = await query<{ n: number }>(
      url.toString(),
      `select count(*)::int as n from outbox_messages where kind = 'confirmation' and attempts = 1 and status = 'sent'`,
    );
    expect(senders[0]!.n).toBe(20);
  }, 180_000);
});
