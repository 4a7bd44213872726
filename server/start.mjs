// `npm start` (CONTRACT.md §1): build the site and the server bundle when either is missing or its
// sources are newer, then serve from the bundle. Plain JavaScript, run by plain Node: a TypeScript
// loader at start cost most of the cold start (docs/decisions/008).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleServer, isServerBundleStale, newestSourceTime, SERVER_BUNDLE_DIR } from './bundle-server.mjs';

// As config/runtime-env.ts does for server/main.ts: before anything can load React.
process.env.NODE_ENV ||= 'production';

const root = fileURLToPath(new URL('../', import.meta.url));
const siteEntry = `${root}build/server/index.js`;
const SITE_SOURCES = ['app', 'contracts', 'core', 'services', 'config', 'content'];

if (!existsSync(siteEntry) || newestSourceTime(SITE_SOURCES) > statSync(siteEntry).mtimeMs) {
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
if (isServerBundleStale()) {
  try {
    await bundleServer();
  } catch (error) {
    console.error(`backpoint: bundling the server failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}

// `node server/start.mjs --build-only`: build what is missing or stale and stop, so that several
// processes started together (docs/DEPLOY.md) never build in the same folder at once.
if (process.argv.includes('--build-only')) process.exit(0);

// Stack traces name the TypeScript sources, not the bundle.
process.setSourceMapsEnabled(true);
await import(`${SERVER_BUNDLE_DIR}/main.js`);
