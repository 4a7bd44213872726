// The patient pages' gate (CONTRACT.md §3): a visitor is sent to sign in and brought back; a
// signed-in person without the patient role gets a 403.
import { data, redirect } from 'react-router';
import type { Actor } from '#services/auth/actor.ts';
import { AppError } from '#services/errors.ts';

type Context = { viewer: { userId: string; role: Actor['role'] } | null };

export function signInHref(request: Request): string {
  const url = new URL(request.url);
  return `/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

export function requirePatient(context: Context, request: Request): Actor {
  if (!context.viewer) throw redirect(signInHref(request));
  if (context.viewer.role !== 'patient') throw data('Patients only', { status: 403 });
  return { userId: context.viewer.userId, role: context.viewer.role };
}

/**
 * The message to show for a use-case refusal, with the page's HTTP status; anything that is not an
 * AppError is a bug and is rethrown for the error boundary.
 */
export function describeRefusal(error: unknown): { status: number; message: string; code: string } {
  if (!(error instanceof AppError)) throw error;
  const status = {
    not_found: 404,
    conflict: 409,
    invalid: 422,
    forbidden: 403,
    unauthenticated: 401,
    business_rule: 422,
  }[error.kind];
  return { status, message: error.message, code: error.code };
}
