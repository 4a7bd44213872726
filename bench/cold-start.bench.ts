// Cold start (issue 10): from spawning what `npm start` runs (`node server/start.mjs`, which serves
// from the server bundle, docs/decisions/008) to the first 200 from /healthz, on an existing build
// and an existing embedded database; beside spawning a bare node:http server to its first answer.
// For comparison, the same start from TypeScript source through tsx (as the process tests spawn
// it). Median of three each, taken in alternation.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findFreePort, type ServerProcess, spawnServer } from '#tests/setup/server-process.ts';
import { type BenchResult, compared, median } from './measure.ts';
import { ROOT } from './web-server.ts';

const STARTS = 3;
const POLL_MS = 5;
const GIVE_UP_MS = 60_000;

/** Milliseconds from `started` until GET `url` answers 200, polling every few milliseconds. */
async function untilOk(url: string, started: number, child: { exitCode: number | null }): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited (${child.exitCode}) before answering`);
    if (performance.now() - started > GIVE_UP_MS) throw new Error(`no answer from ${url} within a minute`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  const code = await server.exited;
  if (code !== 0) throw new Error(`the server stopped with code ${code}: ${server.stderr()}`);
}

type StartCommand = 'npm start' | 'tsx source';

/** What `npm start` spawns after its npm wrapper, or server/main.ts through tsx (tests/setup). */
function spawnApp(command: StartCommand, env: Record<string, string>): ServerProcess {
  if (command === 'tsx source') return spawnServer(env);
  const child = spawn(process.execPath, ['server/start.mjs'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => '', stderr: () => err, exited };
}

async function timeAppStart(dataDir: string, command: StartCommand): Promise<number> {
  const port = await findFreePort();
  const started = performance.now();
  const server = spawnApp(command, { PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  try {
    return await untilOk(`http://127.0.0.1:${port}/healthz`, started, server.child);
  } finally {
    await stop(server);
  }
}

const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.argv[1]), '127.0.0.1')`;

async function timeBareStart(): Promise<number> {
  const port = await findFreePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['-e', BARE_SERVER, String(port)], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    return await untilOk(`http://127.0.0.1:${port}/`, started, child);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function benchColdStart(log: (line: string) => void): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'backpoint-cold-'));
  try {
    // The first start creates the database, migrates it, loads the demo clinic and bundles the
    // server when its bundle is missing or stale; not counted.
    const first = await timeAppStart(dataDir, 'npm start');
    log(`  first start on an empty DATA_DIR (not counted): ${Math.round(first)} ms`);
    const app: number[] = [];
    const fromSource: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < STARTS; i += 1) {
      app.push(await timeAppStart(dataDir, 'npm start'));
      fromSource.push(await timeAppStart(dataDir, 'tsx source'));
      bare.push(await timeBareStart());
    }
    const ms = (list: number[]) => list.map(Math.round).join(', ');
    log(`  npm start: ${ms(app)} ms; tsx source: ${ms(fromSource)} ms; bare: ${ms(bare)} ms`);
    const bareBaseline = {
      name: `node -e bare http server to first answer (median of ${STARTS})`,
      value: median(bare),
    };
    return [
      compared(
        `cold start to first /healthz 200, npm start (server bundle), existing build and embedded database (median of ${STARTS})`,
        'ms',
        median(app),
        bareBaseline,
        { text: '< 2000 ms', meets: ({ value }) => value < 2000 },
      ),
      compared(
        `cold start from TypeScript source through tsx, as the process tests start it (median of ${STARTS})`,
        'ms',
        median(fromSource),
        bareBaseline,
      ),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
