// `npm start` (CONTRACT.md §1) as a newcomer runs it: server/start.mjs builds what is missing
// (the site, the server bundle; docs/decisions/008), then serves from the bundle.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort } from '#tests/setup/server-process.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'backpoint-npm-start-'));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves the site and the API from the server bundle, and stops cleanly', async () => {
    const port = await findFreePort();
    child = spawn(process.execPath, ['server/start.mjs'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        PORT: String(port),
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
    });
    child.stderr?.on('data', (d) => {
      err += String(d);
    });
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    const started = Date.now();
    while (!out.includes(`http://127.0.0.1:${port}`)) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}): ${err}`);
      if (Date.now() - started > 50_000) throw new Error(`no start-up line: ${out} ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(out).toContain('patient1@demo.test');
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok' });
    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect([home.status, home.headers.get('content-type')]).toEqual([200, 'text/html']);
    const conditions = await fetch(`http://127.0.0.1:${port}/api/v1/conditions`);
    expect(conditions.status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // A build, when one was due, may print tool warnings; no start-up error or stack trace.
    expect(err).not.toMatch(/backpoint:|Error|\n\s+at /);
  });
});
