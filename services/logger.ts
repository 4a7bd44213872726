import type { Logger, LogLevel } from './context.ts';

const ORDER: Record<LogLevel | 'silent', number> = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 };

/**
 * One JSON line per event on stderr/stdout. Callers pass ids and codes, never names, notes or
 * other health data (ENGINEERING.md §4).
 */
export function createLogger(level: LogLevel | 'silent'): Logger {
  const emit = (at: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (ORDER[at] > ORDER[level]) return;
    const line = JSON.stringify({ level: at, time: new Date().toISOString(), message, ...fields });
    if (at === 'error' || at === 'warn') process.stderr.write(`${line}\n`);
    else process.stdout.write(`${line}\n`);
  };
  return { error: emit('error'), warn: emit('warn'), info: emit('info'), debug: emit('debug') };
}
