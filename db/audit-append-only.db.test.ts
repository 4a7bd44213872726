import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '#db/schema/index.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { sqlStateOf } from './sql-state.ts';

// Issue 8: the database itself refuses to change or remove audit rows, on both databases.
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.insert(auditEvents).values({
    actorUserId: null,
    actorRole: 'admin',
    action: 'test.event',
    entityType: 'test',
    outcome: 'success',
  });
});
afterAll(() => database?.close());

async function stateOf(work: Promise<unknown>) {
  return work.then(
    () => 'done',
    (error: unknown) => sqlStateOf(error),
  );
}

describe('the audit trail is append-only', () => {
  it('accepts new rows', async () => {
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(row!.n).toBeGreaterThan(0);
  });

  it.each([
    ['UPDATE', sql`update audit_events set outcome = 'failure'`],
    ['DELETE', sql`delete from audit_events`],
    ['TRUNCATE', sql`truncate audit_events`],
  ])('refuses %s with insufficient_privilege (42501)', async (_label, statement) => {
    expect(await stateOf(database.db.execute(statement))).toBe('42501');
    const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(row!.n).toBeGreaterThan(0);
  });
});
