import type { Config } from '#config/index.ts';
import type { Database } from '#db/client.server.ts';

export type Clock = { now(): Date };

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type Logger = {
  [K in LogLevel]: (message: string, fields?: Record<string, unknown>) => void;
};

/** What every use case receives: no service reaches for a global (ENGINEERING.md §2). */
export type ServiceContext = {
  db: Database;
  clock: Clock;
  config: Config;
  log: Logger;
};

export const systemClock: Clock = { now: () => new Date() };
