import { z } from 'zod';

export const RoleSchema = z.enum(['patient', 'practitioner', 'admin']).meta({ id: 'Role' });
export type Role = z.infer<typeof RoleSchema>;

export const TokenRequestSchema = z
  .object({
    email: z.string().trim().min(3).max(254),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: 'TokenRequest' });
export type TokenRequest = z.infer<typeof TokenRequestSchema>;

export const TokenResponseSchema = z
  .object({
    token: z.string().describe('send as `Authorization: Bearer <token>`'),
    expiresAt: z.iso.datetime(),
    user: z.object({ id: z.uuid(), role: RoleSchema }),
  })
  .meta({ id: 'TokenResponse' });
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

/** The browser sign-in form: same rules as the token request, plus where to go afterwards. */
export const SignInFormSchema = TokenRequestSchema.extend({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(254)
    .pipe(z.email('Enter a valid email address')),
  password: z.string().min(1, 'Enter your password').max(1024),
  redirectTo: z.string().optional(),
});
