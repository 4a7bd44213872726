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
