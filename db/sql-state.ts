// PostgreSQL error codes the services act on (https://www.postgresql.org/docs/current/errcodes-appendix.html).
export const SQL_STATE = {
  uniqueViolation: '23505',
  exclusionViolation: '23P01',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

/** The SQLSTATE of a failed query, wherever the driver put it (drizzle wraps it in `cause`). */
export function sqlStateOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('code' in error && typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code))
    return error.code;
  return 'cause' in error ? sqlStateOf(error.cause) : undefined;
}

/**
 * The constraint a failed query violated, wherever the driver put it: both pg and PGlite give the
 * server's constraint name as `constraint` (also for a RAISE … USING CONSTRAINT in PL/pgSQL).
 */
export function constraintOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('constraint' in error && typeof error.constraint === 'string') return error.constraint;
  return 'cause' in error ? constraintOf(error.cause) : undefined;
}
