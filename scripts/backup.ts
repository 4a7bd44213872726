// `npm run backup [-- --out FILE]`: a consistent logical backup of the configured database (PGlite
// or PostgreSQL) as gzipped JSON. Default file: DATA_DIR/backups/backpoint-<time>.json.gz.
// With the embedded database, stop the server first (it holds DATA_DIR).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { loadConfig } from '#config/index.ts';
import { createBackup } from '#db/backup.server.ts';
import { openDatabase } from '#db/client.server.ts';
import { runMigrations } from '#db/migrate.server.ts';
import { acquireDataDirLock } from '#server/data-dir-lock.ts';
import { describeStartupError } from '#server/index.ts';

try {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const config = loadConfig();
  const lock = config.database.kind === 'pglite' ? acquireDataDirLock(config.dataDir) : null;
  try {
    const handle = await openDatabase(
      config.database.kind === 'pglite'
        ? { kind: 'pglite', dataDir: config.database.dataDir }
        : { kind: 'postgres', url: config.database.url },
    );
    await runMigrations(handle);
    const now = new Date();
    const backup = await createBackup(handle.db, now);
    await handle.close();
    const file = path.resolve(
      values.out ??
        path.join(config.dataDir, 'backups', `backpoint-${now.toISOString().replace(/[:.]/g, '-')}.json.gz`),
    );
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, gzipSync(JSON.stringify(backup)), { mode: 0o600 });
    const rows = Object.values(backup.tables).reduce((n, r) => n + r.length, 0);
    console.log(`backup written: ${file} (${Object.keys(backup.tables).length} tables, ${rows} rows)`);
  } finally {
    lock?.release();
  }
} catch (error) {
  console.error(
    `backpoint backup: ${error instanceof Error && error.name === 'BackupError' ? error.message : describeStartupError(error)}`,
  );
  process.exit(1);
}
