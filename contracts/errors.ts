import { z } from 'zod';

// CONTRACT.md §4: every error of the JSON API has this shape.
export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('snake_case, stable: clients may branch on it'),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe('field path → what is wrong with it'),
    }),
  })
  .meta({ id: 'ApiError' });
export type ApiError = z.infer<typeof ApiErrorSchema>;
