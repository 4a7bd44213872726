import { OpenAPIHono } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import { ApiErrorSchema } from '#contracts/errors.ts';
import { apiError, fieldsFromIssues } from '../errors.ts';
import type { AppEnv } from '../types.ts';

/** An OpenAPIHono whose failed request validation answers 400 in the contract's error shape. */
export function createOpenApiApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return apiError(
          c,
          400,
          'invalid_request',
          'The request does not have the expected shape.',
          fieldsFromIssues(result.error.issues),
        );
      }
    },
  });
}

/** A required JSON request body; without `required`, a body of another type would skip validation. */
export function jsonBody<T extends ZodType>(schema: T) {
  return { content: { 'application/json': { schema } }, required: true } as const;
}

export function jsonResponse<T extends ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description } as const;
}

export function errorResponse(description: string) {
  return jsonResponse(ApiErrorSchema, description);
}
