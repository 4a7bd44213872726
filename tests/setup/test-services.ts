import { loadConfig } from '#config/index.ts';
import type { Clock, ServiceContext } from '#services/context.ts';
import { createLogger } from '#services/logger.ts';
import type { TestDatabase } from './test-database.ts';

/** A clock tests can set and move; services read time only through it. */
export function createTestClock(
  start: string | Date,
): Clock & { set(to: string | Date): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (to) => {
      now = new Date(to);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

export function createTestServices(db: TestDatabase, clock: Clock): ServiceContext {
  const config = loadConfig({
    APP_SECRET: 'test-secret-test-secret-test-secret-0123',
    DEMO_DATA: '1',
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent-test-data-dir',
  });
  return { db: db.db, clock, config, log: createLogger('silent') };
}
