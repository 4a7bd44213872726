import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '#config/index.ts';
import { type DatabaseHandle, openDatabase } from '#db/client.server.ts';
import { runMigrations } from '#db/migrate.server.ts';
import { loadDemoData } from '#services/demo/load-demo-data.ts';
import { createLogger } from '#services/logger.ts';
import { startTcpProxy } from '#tests/setup/tcp-proxy.ts';
import { createTestApp } from '#tests/setup/test-app.ts';

// Issue 8: when PostgreSQL goes away the server answers 503 at once (never hangs), and recovers by
// itself when the database is back. The outage is a proxy between the app and PostgreSQL.
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `bp_outage_${randomBytes(5).toString('hex')}`;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let handle: DatabaseHandle;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  await admin(`create database "${name}"`);
  const direct = new URL(adminUrl);
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const viaProxy = new URL(adminUrl);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);
  viaProxy.pathname = `/${name}`;
  handle = await openDatabase({ kind: 'postgres', url: viaProxy.toString(), maxConnections: 4 });
  await runMigrations(handle);
  const config = loadConfig({
    DATABASE_URL: viaProxy.toString(),
    DEMO_DATA: '1',
    APP_SECRET: 'outage-test-secret-0123456789-abcdefghij',
    LOG_LEVEL: 'silent',
    MAIL_WORKER: '0',
  });
  const services = { db: handle.db, clock: { now: () => new Date() }, config, log: createLogger('silent') };
  await loadDemoData(services);
  app = createTestApp(services, {
    databaseReady: () =>
      handle.ping().then(
        () => true,
        () => false,
      ),
  });
});
afterAll(async () => {
  await proxy?.close();
  await handle?.close().catch(() => {});
  await admin(`drop database if exists "${name}" with (force)`);
});

describe('a database outage', () => {
  it('answers 503 with Retry-After while PostgreSQL is unreachable, then recovers', async () => {
    expect((await app.request('/api/v1/practitioners')).status).toBe(200);

    await proxy.cut();
    const during = await app.request('/api/v1/practitioners');
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('5');
    expect(await during.json()).toEqual({
      error: { code: 'database_unavailable', message: expect.any(String) },
    });
    expect((await app.request('/healthz')).status).toBe(503);
    // Pure endpoints do not need the database and keep working.
    expect((await app.request('/api/v1/acupoints/BL23')).status).toBe(200);

    await proxy.restore();
    expect((await app.request('/api/v1/practitioners')).status).toBe(200);
    expect((await app.request('/healthz')).status).toBe(200);
  }, 60_000);
});
