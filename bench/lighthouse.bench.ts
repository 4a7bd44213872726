// Lighthouse (issue 10): performance and accessibility scores of the home page, a condition page and
// the checker, served by the real server the bench starts, in Debian's Chromium. The scores are
// absolute (0–100, Lighthouse's default mobile profile with simulated throttling), so there is no
// same-run baseline to divide by.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { findFreePort } from '#tests/setup/server-process.ts';
import { type BenchResult, figure } from './measure.ts';
import { startBenchServer } from './web-server.ts';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
// Flags that work in this sandbox (shared/STACK.md): headless, no sandbox as root, no network chatter.
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const LIGHTHOUSE_PAGES: ReadonlyArray<[label: string, path: string]> = [
  ['home page', '/'],
  ['condition page', '/conditions/sciatica-radiculopathy'],
  ['checker', '/checker'],
];

const NO_BASELINE = 'none: Lighthouse scores are absolute (0–100), not a ratio to a baseline';

type Chrome = { port: number; stop(): Promise<void> };

/** Debian's Chromium with a DevTools port and a fresh profile, for Lighthouse to drive. */
async function launchChrome(): Promise<Chrome> {
  const port = await findFreePort();
  const profile = mkdtempSync(path.join(tmpdir(), 'backpoint-lighthouse-'));
  const child: ChildProcess = spawn(
    CHROME_PATH,
    [...CHROME_FLAGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
    // Chromium's helper processes may still be writing into the profile just after the main
    // process has gone (ENOTEMPTY): retry rather than fail the run over a temporary folder.
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  const started = Date.now();
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (res.ok) return { port, stop };
    } catch {
      // DevTools is not listening yet
    }
    if (child.exitCode !== null || Date.now() - started > 30_000) {
      await stop();
      throw new Error(`Chromium (${CHROME_PATH}) did not open its DevTools port`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function benchLighthouse(log: (line: string) => void): Promise<BenchResult[]> {
  const app = await startBenchServer();
  let chrome: Chrome | null = null;
  try {
    chrome = await launchChrome();
    const results: BenchResult[] = [];
    for (const [label, pagePath] of LIGHTHOUSE_PAGES) {
      const url = `${app.url}${pagePath}`;
      const status = (await fetch(url)).status;
      if (status !== 200) throw new Error(`${pagePath} answered ${status}`);
      const run = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const categories = run?.lhr.categories;
      const performance = categories?.performance?.score;
      const accessibility = categories?.accessibility?.score;
      if (typeof performance !== 'number' || typeof accessibility !== 'number') {
        const problem = run?.lhr.runtimeError?.message ?? 'no score';
        throw new Error(`Lighthouse could not score ${pagePath}: ${problem}`);
      }
      const failing = Object.values(run?.lhr.audits ?? {})
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      log(
        `  ${pagePath}: performance ${Math.round(performance * 100)}, accessibility ${Math.round(accessibility * 100)}` +
          (failing.length ? `; audits not passed: ${failing.join(', ')}` : ''),
      );
      results.push(
        figure(`Lighthouse performance, ${label} (${pagePath})`, 'score', performance * 100, {
          text: '≥ 95',
          meets: ({ value }) => value >= 95,
        }),
        figure(`Lighthouse accessibility, ${label} (${pagePath})`, 'score', accessibility * 100, {
          text: '= 100',
          meets: ({ value }) => value >= 100,
        }),
      );
    }
    for (const row of results) row.note = NO_BASELINE;
    return results;
  } finally {
    await chrome?.stop();
    await app.stop();
  }
}
