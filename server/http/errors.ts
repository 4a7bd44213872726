import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type AppErrorKind } from '#services/errors.ts';

export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/** The error shape of CONTRACT.md §4. */
export function apiError<S extends ContentfulStatusCode>(
  c: Context,
  status: S,
  code: string,
  message: string,
  fields?: Record<string, string>,
) {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return c.json(body, status);
}

const STATUS_OF: Record<AppErrorKind, ContentfulStatusCode> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  business_rule: 422,
  forbidden: 403,
  unauthenticated: 401,
};

/** The JSON API's one mapping from use-case errors to HTTP (ENGINEERING.md §4). */
export function respondWithAppError(c: Context, error: AppError): Response {
  return apiError(c, STATUS_OF[error.kind], error.code, error.message, error.fields);
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Turns zod issues into `{ "path.to.field": "message" }`. */
export function fieldsFromIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>) {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}
