// Role checks for the staff pages (CONTRACT.md §3): a visitor is sent to sign in and brought back;
// a signed-in person without the role gets a 403, never the page's data. Service errors become the
// matching HTTP status for the root error boundary.
import { type AppLoadContext, data, redirect } from 'react-router';
import { isRecordId, type RecordId } from '#contracts/ids.ts';
import type { Actor } from '#services/auth/actor.ts';
import { AppError } from '#services/errors.ts';

export function requireStaffRole(
  context: AppLoadContext,
  request: Request,
  role: 'practitioner' | 'admin',
): Actor {
  const { viewer } = context;
  if (!viewer) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (viewer.role !== role) throw data(null, { status: 403 });
  return { userId: viewer.userId, role: viewer.role };
}

/**
 * The record a page's route parameter names. Anything but a well-formed id is the page's normal 404,
 * decided here before any query (a uuid column refuses other text with an error, not "no rows").
 */
export function requireRecordIdParam(value: string | undefined): RecordId {
  if (!isRecordId(value)) throw data(null, { status: 404 });
  return value;
}

/** not_found → 404 and forbidden → 403 for the error boundary; anything else is rethrown as is. */
export function toRouteError(error: unknown): unknown {
  if (error instanceof AppError) {
    if (error.kind === 'not_found') return data(null, { status: 404 });
    if (error.kind === 'forbidden') return data(null, { status: 403 });
  }
  return error;
}

/** What a failed form action tells the page: the message, field errors and the HTTP status. */
export function describeActionError(error: unknown): {
  status: number;
  body: { error: string; code: string; fields: Record<string, string> };
} {
  if (!(error instanceof AppError)) throw error;
  const status =
    error.kind === 'invalid'
      ? 422
      : error.kind === 'conflict'
        ? 409
        : error.kind === 'business_rule'
          ? 422
          : error.kind === 'not_found'
            ? 404
            : error.kind === 'forbidden'
              ? 403
              : 400;
  return { status, body: { error: error.message, code: error.code, fields: error.fields ?? {} } };
}
