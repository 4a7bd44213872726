import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeStartupError, loadConfig, startServer } from './index.ts';

// `npm start`: build the site when there is no build (or the sources are newer), then serve.
const root = fileURLToPath(new URL('../', import.meta.url));
const buildEntry = `${root}build/server/index.js`;

if (!existsSync(buildEntry) || newestSourceTime() > statSync(buildEntry).mtimeMs) {
  console.log('Building the site (first start, or the sources changed)…');
  const built = spawnSync(`${root}node_modules/.bin/react-router`, ['build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error('backpoint: the build failed; see the messages above');
    process.exit(1);
  }
}

try {
  const config = loadConfig();
  const server = await startServer(config);
  console.log(`Backpoint is running at ${server.url}`);
  if (config.demoData) {
    console.log('Demo sign-ins (password backpoint-demo-2026):');
    console.log('  admin:         admin@demo.test');
    console.log('  practitioners: practitioner1@demo.test … practitioner3@demo.test');
    console.log('  patients:      patient1@demo.test … patient20@demo.test');
  }
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    console.log(`${signal} received: finishing requests in flight, then stopping`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  console.error(`backpoint: ${describeStartupError(error)}`);
  process.exit(1);
}

function newestSourceTime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(full);
      else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['app', 'contracts', 'core', 'services', 'config', 'content']) {
    if (existsSync(`${root}${dir}`)) walk(`${root}${dir}`);
  }
  return newest;
}
