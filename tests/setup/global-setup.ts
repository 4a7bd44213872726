import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '#db/client.server.ts';
import { MIGRATIONS_FOLDER, runMigrations } from '#db/migrate.server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: { url: string; template: string } | null;
  }
}

/**
 * Migrates once per run (ENGINEERING.md §7): a PGlite data-directory snapshot that every test
 * file loads, and, when TEST_DATABASE_URL is set, a PostgreSQL template database every test
 * file copies. Both are keyed by a hash of the migrations, so a changed migration rebuilds them.
 */
export default async function setup(project: TestProject) {
  const hash = hashMigrations();
  const snapshot = path.join(os.tmpdir(), `backpoint-pglite-${hash}.tar`);
  if (!existsSync(snapshot)) {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null });
    await runMigrations(handle);
    const dump = await handle.dump?.();
    await handle.close();
    if (!dump) throw new Error('PGlite did not produce a dump');
    writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  }
  project.provide('pgliteSnapshot', snapshot);

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide('postgresTemplate', null);
    return;
  }
  const template = `bp_tpl_${hash}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Templates of older migration sets are of no further use.
    const stale = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like 'bp_tpl_%' and datname <> $1",
      [template],
    );
    for (const row of stale.rows) await admin.query(`drop database if exists "${row.datname}" with (force)`);
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      await admin.query(`create database "${template}"`);
      const handle = await openDatabase({
        kind: 'postgres',
        url: withDatabase(url, template),
        maxConnections: 2,
      });
      await runMigrations(handle);
      await handle.close();
    }
  } finally {
    await admin.end();
  }
  project.provide('postgresTemplate', { url, template });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function hashMigrations(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else h.update(entry.name).update(readFileSync(full));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return h.digest('hex').slice(0, 12);
}
