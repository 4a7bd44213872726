import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `npm start`: build the site when there is no build (or the sources are newer), then serve (main.ts).
const root = fileURLToPath(new URL('../', import.meta.url));
const buildEntry = `${root}build/server/index.js`;

if (!existsSync(buildEntry) || newestSourceTime() > statSync(buildEntry).mtimeMs) {
  console.log('Building the site (first start, or the sources changed)…');
  const built = spawnSync(`${root}node_modules/.bin/react-router`, ['build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) {
    console.error('backpoint: the build failed; see the messages above');
    process.exit(1);
  }
}

await import('./main.ts');

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
