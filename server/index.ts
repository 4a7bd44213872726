import { existsSync, readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import type { ServerBuild } from 'react-router';
import { type Config, ConfigError, loadConfig } from '#config/index.ts';
import { DatabaseUnavailableError, openDatabase } from '#db/client.server.ts';
import { runMigrations } from '#db/migrate.server.ts';
import { type MailWorker, startMailWorker } from '#jobs/mail-worker.ts';
import { startRetentionJob } from '#jobs/retention.ts';
import { seedArticlesOnce } from '#services/content/seed-articles.ts';
import { createChangeSignal, type ServiceContext, systemClock } from '#services/context.ts';
import { loadDemoContent } from '#services/demo/demo-content.ts';
import { isDatabaseEmpty, loadDemoData } from '#services/demo/load-demo-data.ts';
import { createLogger } from '#services/logger.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { createHttpSurface } from './http/app.ts';
import { createNodeListener } from './http/kept-page.ts';
import { installSharedRateLimitStore } from './http/rate-limit.ts';
import { createRedisRateLimitStore } from './http/redis-rate-limit-store.ts';

const ROOT = new URL('../', import.meta.url);
const SHUTDOWN_GRACE_MS = 10_000;

export type RunningServer = { url: string; stop(): Promise<void> };

/** Boot: config → database → migrations → demo data → HTTP → jobs (ENGINEERING.md §2). */
export async function startServer(config: Config): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const lock: DataDirLock | null =
    config.database.kind === 'pglite' ? acquireDataDirLock(config.dataDir) : null;
  // The site build is imported while PGlite compiles and opens (about 0.2 s of a cold start).
  const webBuild = loadWebBuild();
  webBuild.catch(() => {});
  try {
    const handle = await openDatabase(
      config.database.kind === 'pglite'
        ? { kind: 'pglite', dataDir: config.database.dataDir }
        : { kind: 'postgres', url: config.database.url },
    );
    await runMigrations(handle);
    const services: ServiceContext = {
      db: handle.db,
      clock: systemClock,
      config,
      log,
      // Public content changes clear the page cache of this process (server/http/page-cache.ts).
      contentChanges: createChangeSignal(),
    };
    if (config.demoData && (await isDatabaseEmpty(services))) {
      await loadDemoData(services);
      await loadDemoContent(services);
      log.info('demo data loaded');
    }
    // Patient articles ship with the product: seeded once into any new database, demo or not.
    await seedArticlesOnce(services);

    const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { version: string };
    const { app, serveKeptPage } = createHttpSurface(
      {
        services,
        isDatabaseReady: () =>
          handle.ping().then(
            () => true,
            () => false,
          ),
      },
      { web: await webBuild, software: { version: pkg.version, releaseDate: '2026-11-25' } },
    );
    // Several app processes share rate-limit counts through Redis when REDIS_URL is set (DEPLOY.md).
    const rateLimitStore = config.redisUrl ? createRedisRateLimitStore(config.redisUrl) : null;
    installSharedRateLimitStore(rateLimitStore);
    // Kept public pages are answered before Hono when possible (issue 10, http/kept-page.ts).
    const server = await listen(
      createNodeListener(app.fetch, serveKeptPage, config.host),
      config.port,
      config.host,
    );
    const mailWorker: MailWorker | null = config.mail.runWorker ? startMailWorker(services) : null;
    const retention = startRetentionJob(services);
    let stopping: Promise<void> | null = null;
    return {
      url: `http://${config.host}:${config.port}`,
      stop: () => {
        stopping ??= (async () => {
          await closeServer(server);
          await mailWorker?.stop();
          await retention.stop();
          installSharedRateLimitStore(null);
          await rateLimitStore?.close();
          await handle.close();
          lock?.release();
        })();
        return stopping;
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function loadWebBuild() {
  const serverEntry = new URL('build/server/index.js', ROOT);
  if (!existsSync(serverEntry)) return undefined;
  // The file is produced by `react-router build`; its shape is React Router's ServerBuild.
  const build = (await import(pathToFileURL(serverEntry.pathname).href)) as ServerBuild;
  return { build, clientDir: new URL('build/client', ROOT).pathname };
}

function listen(listener: RequestListener, port: number, hostname: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(listener);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
    server.listen(port, hostname);
  });
}

/** Stops accepting, lets in-flight requests finish (up to a grace period), then closes the rest. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Turns a start-up failure into the one clear line CONTRACT.md and issue 3 ask for. */
export function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError) return `configuration error: ${error.problems.join('; ')}`;
  if (error instanceof DatabaseUnavailableError) return `database error: ${error.message}`;
  if (error && typeof error === 'object' && 'code' in error) {
    if (error.code === 'EADDRINUSE') return 'the port is already in use: stop the other server or set PORT';
    if (error.code === 'EACCES') return 'not allowed to listen on that port: choose another PORT';
  }
  if (error instanceof Error && error.name === 'DataDirLockedError') return error.message;
  return `could not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}

export { loadConfig };
