import { z } from 'zod';

// The account forms of the site: register, ask for a password reset, set a new password.
// Form values arrive as strings; empty optional fields are left out before parsing.

export const PASSWORD_MIN_LENGTH = 10;

const EmailSchema = z
  .string()
  .trim()
  .min(1, 'Enter your email address')
  .max(254, 'Use an email address of at most 254 characters')
  .pipe(z.email('Enter a valid email address, like name@example.com'));

export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1024, 'Use at most 1024 characters');

const NameSchema = (what: string) =>
  z.string().trim().min(1, `Enter your ${what}`).max(100, `Use at most 100 characters for your ${what}`);

export const RegisterFormSchema = z
  .object({
    givenName: NameSchema('first name'),
    familyName: NameSchema('last name'),
    email: EmailSchema,
    password: NewPasswordSchema,
    dateOfBirth: z.iso
      .date('Enter your date of birth as year, month and day')
      .refine((d) => d >= '1900-01-01', 'Check the year of your date of birth')
      .optional(),
    phone: z
      .string()
      .trim()
      .max(40, 'Use at most 40 characters')
      .regex(/^[+\d][\d\s().-]*$/, 'Use digits, spaces and + ( ) - only')
      .optional(),
    redirectTo: z.string().max(2000).optional(),
  })
  .superRefine((form, ctx) => {
    if (form.password.trim().toLowerCase() === form.email.toLowerCase()) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Do not use your email address' });
    }
  });
export type RegisterForm = z.infer<typeof RegisterFormSchema>;

export const PasswordResetRequestSchema = z.object({ email: EmailSchema });

export const PasswordResetFormSchema = z
  .object({
    token: z.string().min(1).max(1000),
    password: NewPasswordSchema,
    confirmPassword: z.string().max(1024),
  })
  .superRefine((form, ctx) => {
    if (form.password !== form.confirmPassword) {
      ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The two passwords do not match' });
    }
  });

/** Field → first message, for showing beside each form field. */
export function collectFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  return fields;
}

/** Form data as a plain record of trimmed-empty → absent strings (files and repeats ignored). */
export function readFormStrings(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && value.trim() !== '' && !(key in out)) out[key] = value;
  }
  return out;
}
