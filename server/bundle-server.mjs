// The server, bundled ahead of time into one JavaScript file for `npm start` (docs/decisions/008):
// starting from TypeScript through tsx spent most of a cold start transpiling about 170 modules.
// Plain JavaScript, so that using it needs no TypeScript loader.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Where the bundle goes; `build/` is generated output and not committed. */
export const SERVER_BUNDLE_DIR = `${ROOT}build/server-bundle`;
/** The folders whose sources end up in the server bundle (app/ is the site's own build). */
const SERVER_SOURCES = ['server', 'services', 'db', 'jobs', 'config', 'contracts', 'core'];

/**
 * Modules find files beside their source (migrations, article files, the site build) through
 * `import.meta.url`. In a bundle that would name the bundle, so each module's own source URL is
 * written in its place: the bundle belongs to this checkout (the stamp records which one).
 */
const keepSourceUrls = {
  name: 'keep-source-urls',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts',
      };
    });
  },
};

/**
 * Bundles `entry` (a path from the project root) with every project module inlined and every
 * package left to Node (`node_modules` needs no transpiling). Returns the output file.
 */
export async function bundleServer({ entry = 'server/main.ts', outDir = SERVER_BUNDLE_DIR } = {}) {
  mkdirSync(outDir, { recursive: true });
  const outfile = `${outDir}/${entry.replace(/^.*\//, '').replace(/\.tsx?$/, '.js')}`;
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [keepSourceUrls],
  });
  writeFileSync(`${outDir}/stamp.json`, JSON.stringify({ root: ROOT, entry }));
  return outfile;
}

/** True when there is no bundle of `server/main.ts` for this checkout, or a source is newer. */
export function isServerBundleStale(outDir = SERVER_BUNDLE_DIR) {
  const bundle = `${outDir}/main.js`;
  const stamp = `${outDir}/stamp.json`;
  if (!existsSync(bundle) || !existsSync(stamp)) return true;
  if (JSON.parse(readFileSync(stamp, 'utf8')).root !== ROOT) return true;
  const builtAt = statSync(bundle).mtimeMs;
  return newestSourceTime(SERVER_SOURCES, ['package.json']) > builtAt;
}

/** The newest modification time of the files under `dirs` (tests left out) and of `files`. */
export function newestSourceTime(dirs, files = []) {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(full);
      else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(`${ROOT}${dir}`)) walk(`${ROOT}${dir}`);
  for (const file of files)
    if (existsSync(`${ROOT}${file}`)) newest = Math.max(newest, statSync(`${ROOT}${file}`).mtimeMs);
  return newest;
}
