// `npm run db:migrate`: apply pending migrations to the configured database and stop. `npm start`
// does this by itself; this is for deployments that migrate as a separate step.
import { loadConfig } from '#config/index.ts';
import { openDatabase } from '#db/client.server.ts';
import { runMigrations } from '#db/migrate.server.ts';
import { acquireDataDirLock } from '#server/data-dir-lock.ts';
import { describeStartupError } from '#server/index.ts';

try {
  const config = loadConfig();
  const lock = config.database.kind === 'pglite' ? acquireDataDirLock(config.dataDir) : null;
  try {
    const handle = await openDatabase(
      config.database.kind === 'pglite'
        ? { kind: 'pglite', dataDir: config.database.dataDir }
        : { kind: 'postgres', url: config.database.url },
    );
    await runMigrations(handle);
    await handle.close();
    console.log(`migrations applied (${config.database.kind})`);
  } finally {
    lock?.release();
  }
} catch (error) {
  console.error(`backpoint: ${describeStartupError(error)}`);
  process.exit(1);
}
