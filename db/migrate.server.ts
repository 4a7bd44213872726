import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle, Schema } from './client.server.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

// Any number for pg_advisory_lock, fixed so that every Backpoint process agrees on it.
const MIGRATION_LOCK_KEY = 7_311_204;

/**
 * Applies the committed migrations (one history for both databases, docs/decisions/003).
 * On PostgreSQL several app processes may start at once; an advisory lock makes them take turns.
 * Tests of a migration pass a folder holding only the migrations before it.
 */
export async function runMigrations(
  handle: DatabaseHandle,
  migrationsFolder: string = MIGRATIONS_FOLDER,
): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, { migrationsFolder });
    return;
  }
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    // The migrator opens its own transaction on another pooled connection; the lock above is
    // held by this transaction until the migrator has finished.
    await migrateNodePostgres(handle.db as unknown as NodePgDatabase<Schema>, { migrationsFolder });
  });
}
