import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, spawnServer, waitForOutput } from '#tests/setup/server-process.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'backpoint-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function expectOneClearLine(stderr: string, pattern: RegExp) {
  const lines = stderr.split('\n').filter((l) => l.trim() && !l.includes('npm warn'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('start-up failures print one clear line and exit non-zero', () => {
  it('refuses a PORT that is not a port number', async () => {
    const server = spawnServer({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(await server.exited).not.toBe(0);
    expectOneClearLine(server.stderr(), /^backpoint: configuration error: PORT: PORT must be a whole number/);
  });

  it('lists every bad variable at once', async () => {
    const server = spawnServer({ PORT: '70000', CLINIC_TIME_ZONE: 'Mars/Olympus', DATA_DIR: dataDir });
    expect(await server.exited).not.toBe(0);
    expectOneClearLine(server.stderr(), /PORT.*; CLINIC_TIME_ZONE/);
  });

  it('refuses a DATABASE_URL nobody answers on', async () => {
    const port = await findFreePort();
    const server = spawnServer({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/nothing`,
      APP_SECRET: 'a-secret-that-is-long-enough-for-the-check',
      PORT: String(await findFreePort()),
    });
    expect(await server.exited).not.toBe(0);
    expectOneClearLine(
      server.stderr(),
      /^backpoint: database error: cannot reach DATABASE_URL \(ECONNREFUSED/,
    );
  });

  it('requires APP_SECRET when the demo data set is not in use', async () => {
    const server = spawnServer({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/x', DEMO_DATA: '0' });
    expect(await server.exited).not.toBe(0);
    expectOneClearLine(server.stderr(), /APP_SECRET: required/);
  });
});

describe('a persisted embedded database and graceful shutdown', () => {
  it('finishes a request in flight when stopped with SIGTERM, then restarts on the same data without re-seeding', async () => {
    const port = await findFreePort();
    const env = { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const first = spawnServer(env);
    await waitForOutput(first, /running at/, 90_000);
    expect(first.stdout()).toContain('demo data loaded');

    // A request whose body is still arriving when SIGTERM lands: it must still get its answer.
    const body = JSON.stringify({ email: 'patient1@demo.test', password: 'backpoint-demo-2026' });
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (d) => {
      response += String(d);
    });
    const closed = new Promise((r) => socket.once('close', r));
    await new Promise((r) => socket.once('connect', r));
    socket.write(
      `POST /api/v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    first.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    socket.write(body.slice(10));
    await closed;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('"token"');
    expect(await first.exited).toBe(0);

    // New connections are refused once stopped; the next start reuses the data.
    const second = spawnServer(env);
    await waitForOutput(second, /running at/, 60_000);
    expect(second.stdout()).not.toContain('demo data loaded');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const token = await fetch(`http://127.0.0.1:${port}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(token.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 180_000);

  it('refuses a second server on the same DATA_DIR while the first runs', async () => {
    const env = { PORT: String(await findFreePort()), DATA_DIR: dataDir };
    const first = spawnServer(env);
    await waitForOutput(first, /running at/, 60_000);
    const second = spawnServer({ ...env, PORT: String(await findFreePort()) });
    expect(await second.exited).not.toBe(0);
    expectOneClearLine(second.stderr(), /another Backpoint server \(pid \d+\) is using/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, 120_000);
});
