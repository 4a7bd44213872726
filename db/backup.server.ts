// Logical backups that work the same on PGlite and PostgreSQL, with no external tools: every table
// of the public schema as JSON rows, restored with jsonb_populate_recordset so each value goes back
// through its column's own type. Rows are restored parents first (foreign-key order).
import { sql } from 'drizzle-orm';
import type { Database } from './client.server.ts';

export const BACKUP_FORMAT = 'backpoint-backup';
export const BACKUP_VERSION = 1;

export type Backup = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** The migrations applied to the source; a backup restores only into the same schema. */
  migrations: string[];
  tables: Record<string, unknown[]>;
};

export class BackupError extends Error {}

type Rows<T> = { rows: T[] };

async function rowsOf<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  // Both drivers answer `execute` with `{ rows }`.
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

/** Public tables, parents before children, so inserting in this order satisfies foreign keys. */
export async function listTablesInDependencyOrder(db: Database): Promise<string[]> {
  const tables = (
    await rowsOf<{ name: string }>(
      db,
      sql`select table_name as name from information_schema.tables
           where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  ).map((t) => t.name);
  const edges = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`select distinct c.relname as child, p.relname as parent
          from pg_constraint k
          join pg_class c on c.oid = k.conrelid
          join pg_class p on p.oid = k.confrelid
          join pg_namespace n on n.oid = c.relnamespace
         where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const remaining = new Set(tables);
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) => edges.every((e) => e.child !== t || !remaining.has(e.parent)));
    if (ready.length === 0) throw new BackupError(`circular foreign keys among ${[...remaining].join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      remaining.delete(t);
    }
  }
  return ordered;
}

async function listAppliedMigrations(db: Database): Promise<string[]> {
  const rows = await rowsOf<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((r) => r.hash);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Reads every table in one repeatable-read snapshot, so the backup is consistent. */
export async function createBackup(db: Database, now: Date): Promise<Backup> {
  return db.transaction(
    async (tx) => {
      const tables: Record<string, unknown[]> = {};
      for (const table of await listTablesInDependencyOrder(tx)) {
        const [row] = await rowsOf<{ rows: unknown[] }>(
          tx,
          sql.raw(`select coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) as rows from ${quoteIdent(table)} t`),
        );
        tables[table] = row?.rows ?? [];
      }
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now.toISOString(),
        migrations: await listAppliedMigrations(tx),
        tables,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** Checks a parsed file is a backup this version can restore. */
export function parseBackup(value: unknown): Backup {
  const candidate = value as Partial<Backup> | null;
  if (!candidate || candidate.format !== BACKUP_FORMAT)
    throw new BackupError('this is not a Backpoint backup');
  if (candidate.version !== BACKUP_VERSION) {
    throw new BackupError(`backup format version ${String(candidate.version)} is not supported`);
  }
  if (!Array.isArray(candidate.migrations) || !candidate.tables || typeof candidate.tables !== 'object') {
    throw new BackupError('the backup is incomplete');
  }
  return candidate as Backup;
}

/**
 * Restores into a migrated, empty database with the same migrations, in one transaction: either
 * everything is restored or nothing is.
 */
export async function restoreBackup(db: Database, backup: Backup): Promise<{ tables: number; rows: number }> {
  const applied = await listAppliedMigrations(db);
  if (applied.join(',') !== backup.migrations.join(',')) {
    throw new BackupError(
      `the backup was taken at migration ${backup.migrations.length} and this database is at ${applied.length}; restore into a database migrated to the same version`,
    );
  }
  const order = await listTablesInDependencyOrder(db);
  const unknown = Object.keys(backup.tables).filter((t) => !order.includes(t));
  if (unknown.length > 0)
    throw new BackupError(`the backup has tables this database does not: ${unknown.join(', ')}`);
  return db.transaction(async (tx) => {
    for (const table of order) {
      const [row] = await rowsOf<{ n: number }>(
        tx,
        sql.raw(`select count(*)::int as n from ${quoteIdent(table)}`),
      );
      if ((row?.n ?? 0) > 0) throw new BackupError(`restore needs an empty database, but ${table} has rows`);
    }
    let rows = 0;
    for (const table of order) {
      const data = backup.tables[table] ?? [];
      if (data.length === 0) continue;
      await tx.execute(
        sql`insert into ${sql.raw(quoteIdent(table))} select * from jsonb_populate_recordset(null::${sql.raw(quoteIdent(table))}, ${JSON.stringify(data)}::jsonb)`,
      );
      rows += data.length;
    }
    return { tables: order.length, rows };
  });
}
