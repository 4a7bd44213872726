// The real Backpoint server, in this process, on a fresh embedded database in a temporary DATA_DIR,
// with the site built first when build/ is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '#config/index.ts';
import { type RunningServer, startServer } from '#server/index.ts';
import { findFreePort } from '#tests/setup/server-process.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CLIENT_DIR = path.join(ROOT, 'build/client');

/** Runs `react-router build` unless a server build is already there. */
export function ensureSiteBuild(log: (line: string) => void): void {
  if (existsSync(path.join(ROOT, 'build/server/index.js'))) return;
  log('  build/ is missing: running react-router build');
  const built = spawnSync('npx', ['react-router', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('react-router build failed');
}

export type BenchServer = { url: string; dataDir: string; stop(): Promise<void> };

export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'backpoint-bench-'));
  const port = await findFreePort();
  let server: RunningServer;
  try {
    server = await startServer(
      loadConfig({ DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'production', LOG_LEVEL: 'warn' }),
    );
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: server.url,
    dataDir,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
