// One closed list of error codes for use cases; only the edges map them to transports
// (ENGINEERING.md §4).
export type AppErrorKind =
  | 'not_found'
  | 'conflict'
  | 'invalid'
  | 'forbidden'
  | 'unauthenticated'
  | 'business_rule';

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    /** A stable snake_case code clients can rely on, e.g. `slot_taken`. */
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

// Connection-level failures: the database is down or unreachable, not the query at fault.
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNREACHABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Connection refused/i,
];

/** Whether a failure means the database cannot be reached (answer 503 and retry), at any depth. */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if ('code' in error && typeof error.code === 'string' && UNREACHABLE_CODES.has(error.code)) return true;
  if ('message' in error && typeof error.message === 'string') {
    if (UNREACHABLE_MESSAGES.some((pattern) => pattern.test(error.message as string))) return true;
  }
  if ('errors' in error && Array.isArray(error.errors)) {
    if (error.errors.some((inner: unknown) => isDatabaseUnreachable(inner, depth + 1))) return true;
  }
  return 'cause' in error ? isDatabaseUnreachable(error.cause, depth + 1) : false;
}
