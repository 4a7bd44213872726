// A fresh, migrated demo clinic for one benchmark: PGlite in memory, or a throwaway PostgreSQL
// database `bench_<random>` that is dropped afterwards. Services get a fixed clock, so every run
// books and searches the same days.
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import pg from 'pg';
import { loadConfig } from '#config/index.ts';
import { type DatabaseHandle, openDatabase } from '#db/client.server.ts';
import { runMigrations } from '#db/migrate.server.ts';
import type { ServiceContext } from '#services/context.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createLogger } from '#services/logger.ts';

export const POSTGRES_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Monday 2 March 2026, 09:00 in New York: "now" for every benchmark that uses the services. */
export const BENCH_NOW = new Date('2026-03-02T14:00:00Z');

/** Plain SQL through the same driver the services use (PGlite's or pg's own `query`). */
export type RawQuery = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export type BenchDatabase = {
  engine: 'pglite' | 'postgres';
  /** The PostgreSQL database's address, for a server process of its own (none for PGlite). */
  url?: string;
  ctx: ServiceContext;
  raw: RawQuery;
  close(): Promise<void>;
};

type QueryClient = { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

function rawQueryOf(handle: DatabaseHandle): RawQuery {
  // Drizzle keeps the driver it was given as `$client`: the PGlite instance or the pg Pool. Both
  // answer `query(text, params)` with `{ rows }`.
  const client = (handle.db as unknown as { $client: QueryClient }).$client;
  return async (text, params) => (await client.query(text, params)).rows as Record<string, unknown>[];
}

function benchContext(handle: DatabaseHandle): ServiceContext {
  const config = loadConfig({
    APP_SECRET: 'bench-secret-bench-secret-bench-secret-01',
    DEMO_DATA: '1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent-bench-data-dir',
  });
  return { db: handle.db, clock: { now: () => new Date(BENCH_NOW) }, config, log: createLogger('silent') };
}

async function prepare(
  handle: DatabaseHandle,
  close: () => Promise<void>,
  url?: string,
): Promise<BenchDatabase> {
  try {
    await runMigrations(handle);
    const ctx = benchContext(handle);
    await loadDemoData(ctx);
    return { engine: handle.kind, ctx, raw: rawQueryOf(handle), close, ...(url ? { url } : {}) };
  } catch (error) {
    await close();
    throw error;
  }
}

export async function openPgliteBenchDatabase(): Promise<BenchDatabase> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: null });
  return prepare(handle, () => handle.close());
}

/** True when something accepts connections on PostgreSQL's port on this machine. */
export function isPostgresListening(timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: 5432 });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresVersion(): Promise<string> {
  return withAdmin(async (admin) => {
    const { rows } = await admin.query<{ server_version: string }>('show server_version');
    return `PostgreSQL ${rows[0]?.server_version ?? '?'}`;
  });
}

export async function openPostgresBenchDatabase(maxConnections = 10): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create database "${name}"`));
  const drop = () => withAdmin((admin) => admin.query(`drop database if exists "${name}" with (force)`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections });
  } catch (error) {
    await drop();
    throw error;
  }
  return prepare(
    handle,
    async () => {
      await handle.close();
      await drop();
    },
    url.toString(),
  );
}
