import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '#db/client.server.ts';
import { withDatabase } from './global-setup.ts';

export type TestDatabase = DatabaseHandle & { label: 'pglite' | 'postgres' };

/**
 * A migrated database of its own for one test file: PGlite loaded from the run's snapshot, or,
 * when the run targets PostgreSQL, a fresh database copied from the migrated template. Closing
 * it drops the copy, so no test file sees another's rows.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const postgres = inject('postgresTemplate');
  if (!postgres) {
    const snapshot = readFileSync(inject('pgliteSnapshot'));
    const handle = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([snapshot]) });
    return { ...handle, label: 'pglite' };
  }
  const name = `bp_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(postgres.url, async (admin) => {
    // Two files copying the template at the same moment may collide ("being accessed by other
    // users"); wait and retry rather than fail the run.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database "${name}" template "${postgres.template}"`);
        return;
      } catch (error) {
        if (
          attempt >= 20 ||
          !(error && typeof error === 'object' && 'code' in error && error.code === '55006')
        )
          throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  return openDroppedOnClose(postgres.url, name, 10);
}

/**
 * An empty database of its own, not migrated, for tests of a migration on data written under the
 * migrations before it: PGlite in memory, or a new PostgreSQL database dropped on close.
 */
export async function openEmptyTestDatabase(): Promise<TestDatabase> {
  const postgres = inject('postgresTemplate');
  if (!postgres) {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    return { ...handle, label: 'pglite' };
  }
  const name = `bp_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(postgres.url, (admin) => admin.query(`create database "${name}"`));
  return openDroppedOnClose(postgres.url, name, 4);
}

/** Opens the database `name` that the caller created; closing it drops the database. */
async function openDroppedOnClose(
  serverUrl: string,
  name: string,
  maxConnections: number,
): Promise<TestDatabase> {
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, name), maxConnections });
  return {
    ...handle,
    label: 'postgres',
    close: async () => {
      await handle.close();
      await withAdmin(serverUrl, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
