// `npm run restore -- FILE`: restores a backup made by `npm run backup` into the configured
// database, which must be empty (it is migrated first). All or nothing.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from '#config/index.ts';
import { BackupError, parseBackup, restoreBackup } from '#db/backup.server.ts';
import { openDatabase } from '#db/client.server.ts';
import { runMigrations } from '#db/migrate.server.ts';
import { acquireDataDirLock } from '#server/data-dir-lock.ts';
import { describeStartupError } from '#server/index.ts';

try {
  const { positionals } = parseArgs({ allowPositionals: true });
  const file = positionals[0];
  if (!file) throw new BackupError('name the backup file: npm run restore -- FILE');
  let backup: ReturnType<typeof parseBackup>;
  try {
    const bytes = readFileSync(file);
    const text =
      bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    backup = parseBackup(JSON.parse(text));
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const config = loadConfig();
  const lock = config.database.kind === 'pglite' ? acquireDataDirLock(config.dataDir) : null;
  try {
    const handle = await openDatabase(
      config.database.kind === 'pglite'
        ? { kind: 'pglite', dataDir: config.database.dataDir }
        : { kind: 'postgres', url: config.database.url },
    );
    try {
      await runMigrations(handle);
      const result = await restoreBackup(handle.db, backup);
      console.log(`restored ${result.rows} rows into ${result.tables} tables from ${file}`);
    } finally {
      await handle.close();
    }
  } finally {
    lock?.release();
  }
} catch (error) {
  console.error(
    `backpoint restore: ${error instanceof BackupError ? error.message : describeStartupError(error)}`,
  );
  process.exit(1);
}
