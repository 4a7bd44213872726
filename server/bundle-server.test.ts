import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '#db/migrate.server.ts';
import { bundleServer, isServerBundleStale } from './bundle-server.mjs';

// Inside the project, so that the bundle's imports of packages resolve from node_modules.
const outDir = fileURLToPath(
  new URL(`../tmp/bundle-test-${randomBytes(4).toString('hex')}`, import.meta.url),
);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('server bundle', () => {
  it('keeps each module finding its files beside its source (import.meta.url)', async () => {
    const file = await bundleServer({ entry: 'db/migrate.server.ts', outDir });
    const bundled = (await import(file)) as { MIGRATIONS_FOLDER: string };
    expect(bundled.MIGRATIONS_FOLDER).toBe(MIGRATIONS_FOLDER);
    expect(existsSync(`${bundled.MIGRATIONS_FOLDER}/meta/_journal.json`)).toBe(true);
  });

  it('counts a folder without a bundle of server/main.ts as stale, and a fresh bundle as not', async () => {
    expect(isServerBundleStale(outDir)).toBe(true);
    await bundleServer({ outDir });
    expect(isServerBundleStale(outDir)).toBe(false);
  });
});
