import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { pickSeparateSlots, runBookingStorm, signInPatients } from '#tests/setup/booking-storm.ts';
import { createTestApp } from '#tests/setup/test-app.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';

// Issue 5: 200 concurrent booking requests for 20 slots end with exactly 20 appointments, no
// overlap, and a 409 slot_taken for every loser — in one process, on PGlite and on PostgreSQL.
// (tests/process/booking-storm.pg.test.ts runs the same storm over HTTP against two processes.)

let database: TestDatabase;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await openTestDatabase();
  const services = createTestServices(database, createTestClock('2026-11-25T12:00:00Z'));
  await loadDemoData(services);
  app = createTestApp(services);
});
afterAll(() => database?.close());

describe('a booking storm', () => {
  it('books each of 20 slots exactly once out of 200 concurrent requests', async () => {
    const fetcher = (path: string, init?: RequestInit) => Promise.resolve(app.request(path, init));
    const tokens = await signInPatients(fetcher, 20);
    const slots = await pickSeparateSlots(fetcher, '2026-12-07', '2026-12-11', 20);
    const outcome = await runBookingStorm([fetcher], tokens, slots, 10);

    expect(outcome.statuses).toHaveLength(200);
    expect(outcome.statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(outcome.statuses.filter((s) => s === 409)).toHaveLength(180);
    expect(new Set(outcome.errorCodes)).toEqual(new Set(['slot_taken']));
    expect(new Set(outcome.wonSlots).size).toBe(20);

    const live = await database.db.execute(
      // The storm's week only: the demo clinic has visits of its own before and after it.
      sql`select count(*)::int as n from appointments where status <> 'cancelled'
            and start_at >= '2026-12-07T05:00:00Z' and start_at < '2026-12-12T05:00:00Z'`,
    );
    expect((live as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(20);
    const overlaps = await database.db.execute(sql`
      select count(*)::int as n from appointments a join appointments b
        on a.practitioner_id = b.practitioner_id and a.id < b.id
       and tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
     where a.status <> 'cancelled' and b.status <> 'cancelled'`);
    expect((overlaps as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  }, 120_000);
});
