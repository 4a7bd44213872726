import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, spawnServer, waitForOutput } from '#tests/setup/server-process.ts';

// Issue 3: with DATABASE_URL set, the same start works against PostgreSQL — migrations from an
// empty database, demo data when asked for, and a second start that reuses it.
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const name = `bp_start_${randomBytes(5).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(() => admin(`create database "${name}"`));
afterAll(() => admin(`drop database if exists "${name}" with (force)`));

describe('npm start against PostgreSQL', () => {
  it('migrates an empty database, loads demo data, serves, and restarts without re-seeding', async () => {
    const port = await findFreePort();
    const env = {
      DATABASE_URL: url.toString(),
      DEMO_DATA: '1',
      APP_SECRET: 'postgres-start-test-secret-0123456789',
      PORT: String(port),
    };
    const first = spawnServer(env);
    await waitForOutput(first, /running at/);
    expect(first.stdout()).toContain('demo data loaded');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = spawnServer(env);
    await waitForOutput(second, /running at/);
    expect(second.stdout()).not.toContain('demo data loaded');
    const token = await fetch(`http://127.0.0.1:${port}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'patient1@demo.test', password: 'backpoint-demo-2026' }),
    });
    expect(token.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
