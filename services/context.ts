import type { Config } from '#config/index.ts';
import type { Database } from '#db/client.server.ts';

export type Clock = { now(): Date };

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type Logger = {
  [K in LogLevel]: (message: string, fields?: Record<string, unknown>) => void;
};

/**
 * A signal that public content changed (an article, a moderated comment, opening hours), for
 * whoever keeps copies of public pages (server/http/page-cache.ts). It travels in the context,
 * not as a module global: the site's bundle has its own copy of every service module (ADR 002).
 */
export type ChangeSignal = {
  changed(): void;
  /** Calls `listener` on every change; returns a function that stops it. */
  subscribe(listener: () => void): () => void;
};

/** What every use case receives: no service reaches for a global (ENGINEERING.md §2). */
export type ServiceContext = {
  db: Database;
  clock: Clock;
  config: Config;
  log: Logger;
  /** Absent where nothing keeps copies (tests, jobs, scripts): then a change tells no one. */
  contentChanges?: ChangeSignal;
};

export function createChangeSignal(): ChangeSignal {
  const listeners = new Set<() => void>();
  return {
    changed() {
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const systemClock: Clock = { now: () => new Date() };
