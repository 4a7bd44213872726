import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { fileURLToPath } from 'node:url';

// `npm test`: unit and integration suites (PGlite), then the browser journeys in Debian's
// Chromium, installing it first when it is missing. `--postgres` runs only the database suites
// against TEST_DATABASE_URL (default: the local server), which `.ci/run` adds when it answers.
// Ends with one line "Tests: N passed, N failed" over everything it ran.

const root = fileURLToPath(new URL('../', import.meta.url));
const mode = process.argv.includes('--postgres') ? 'postgres' : 'main';
const resultsDir = `${root}tmp/test-results/${mode}`;
rmSync(resultsDir, { recursive: true, force: true });
rmSync(`${root}tmp/test-results/${mode}-totals.json`, { force: true });
mkdirSync(resultsDir, { recursive: true });
const vitest = `${root}node_modules/.bin/vitest`;
const totals = { passed: 0, failed: 0 };
let failedSteps = 0;

function run(label: string, command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failedSteps += 1;
  return result.status === 0;
}

function runVitest(label: string, config: string, env: Record<string, string> = {}) {
  const out = `${resultsDir}/${label.replace(/\W+/g, '-')}.json`;
  run(
    label,
    vitest,
    ['run', '-c', config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  if (existsSync(out)) {
    const json = JSON.parse(readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
  }
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  console.log('Debian chromium is missing: installing it (apt-get install chromium)…');
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? [] : ['sudo', '-n'];
  const apt = (args: string[]) => {
    const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
    return spawnSync(cmd ?? 'apt-get', rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status;
  };
  if (apt(['update']) !== 0 || apt(['install', '-y', '--no-install-recommends', 'chromium']) !== 0) {
    console.error(
      'Could not install chromium; install the Debian package "chromium" and run npm test again.',
    );
    process.exit(1);
  }
}

function postgresAnswers(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: u.hostname, port: Number(u.port || 5432) });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

if (process.argv.includes('--postgres')) {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (!(await postgresAnswers(url))) {
    console.error(`PostgreSQL does not answer at ${url}`);
    process.exit(1);
  }
  runVitest('database suites on PostgreSQL', 'vitest.postgres.config.ts', { TEST_DATABASE_URL: url });
} else {
  runVitest('unit and integration (PGlite)', 'vitest.config.ts');
  ensureChromium();
  if (run('build', `${root}node_modules/.bin/react-router`, ['build'])) {
    runVitest('browser journeys (Chromium)', 'vitest.e2e.config.ts');
  }
}

writeFileSync(`${root}tmp/test-results/${mode}-totals.json`, JSON.stringify(totals));
console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedSteps > 0 || totals.failed > 0 ? 1 : 0);
