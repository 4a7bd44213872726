import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import { listPractitioners } from '#services/clinic/list-practitioners.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { type Backup, BackupError, createBackup, parseBackup, restoreBackup } from './backup.server.ts';
import { users } from './schema/index.ts';

// Issue 8: a backup restores into an empty database and the result is the same data, on both
// databases (the restored copy, backed up again, equals the first backup table by table).
let source: TestDatabase;
let target: TestDatabase;
let backup: Backup;
const clock = createTestClock('2026-11-25T12:00:00Z');

function normalise(b: Backup) {
  return Object.fromEntries(
    Object.entries(b.tables).map(([table, rows]) => [table, rows.map((r) => JSON.stringify(r)).sort()]),
  );
}

beforeAll(async () => {
  source = await openTestDatabase();
  target = await openTestDatabase();
  const ctx = createTestServices(source, clock);
  await loadDemoData(ctx);
  const [practitioner] = await listPractitioners(ctx);
  const [patient] = await source.db.select().from(users).where(sql`email = 'patient1@demo.test'`);
  await bookAppointment(
    ctx,
    { userId: patient!.id, role: 'patient' },
    { practitionerId: practitioner!.id, appointmentType: 'follow-up', start: '2026-12-08T10:00:00-05:00' },
    'backup-test-key',
  );
  backup = await createBackup(source.db, clock.now());
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

describe('backup and restore', () => {
  it('captures every table with its rows, including bookings, emails and the audit trail', async () => {
    // The demo clinic has appointments of its own (services/demo/load-demo-records.ts): all of them.
    const counted = await source.db.execute(sql`select count(*)::int as n from appointments`);
    expect(backup.tables.appointments).toHaveLength(
      (counted as unknown as { rows: { n: number }[] }).rows[0]!.n,
    );
    expect(backup.tables.visit_notes!.length).toBeGreaterThan(0);
    expect(backup.tables.outbox_messages!.length).toBeGreaterThan(0);
    expect(backup.tables.idempotency_keys).toHaveLength(1);
    expect(backup.tables.audit_events!.length).toBeGreaterThan(0);
    expect(backup.tables.users!.length).toBe(24);
  });

  it('restores into an empty database and gives back exactly the same data', async () => {
    const round = parseBackup(JSON.parse(JSON.stringify(backup)));
    const result = await restoreBackup(target.db, round);
    expect(result.rows).toBe(Object.values(backup.tables).reduce((n, rows) => n + rows.length, 0));
    const again = await createBackup(target.db, clock.now());
    expect(normalise(again)).toEqual(normalise(backup));
  });

  it('refuses to restore over existing data, and changes nothing', async () => {
    await expect(restoreBackup(target.db, backup)).rejects.toThrow(/empty database/);
  });

  it('refuses a backup from another schema version or of another format', async () => {
    await expect(
      restoreBackup(target.db, { ...backup, migrations: backup.migrations.slice(0, -1) }),
    ).rejects.toThrow(BackupError);
    expect(() => parseBackup({ format: 'something-else' })).toThrow(BackupError);
    expect(() => parseBackup({ ...backup, version: 2 })).toThrow(/not supported/);
  });
});
