import { data, Form, redirect, useNavigation } from 'react-router';
import { SignInFormSchema } from '#contracts/auth.ts';
import { CsrfField } from '../components/csrf-field';
import { safeRedirectPath } from '../safe-redirect';
import type { Route } from './+types/sign-in';

export const HOME_FOR_ROLE = { patient: '/my-care', practitioner: '/workspace', admin: '/admin' } as const;

export function meta() {
  return [{ title: 'Sign in · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export function loader({ request, context }: Route.LoaderArgs) {
  const redirectTo = new URL(request.url).searchParams.get('redirectTo');
  if (context.viewer) throw redirect(safeRedirectPath(redirectTo, HOME_FOR_ROLE[context.viewer.role]));
  return { redirectTo: safeRedirectPath(redirectTo, '') };
}

type ActionResult = { formError?: string; fields?: Record<string, string>; email?: string };

export async function action({ request, context }: Route.ActionArgs) {
  const form = Object.fromEntries(await request.formData());
  const parsed = SignInFormSchema.safeParse(form);
  const email = typeof form.email === 'string' ? form.email : '';
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return data<ActionResult>({ fields, email }, 400);
  }
  const result = await context.auth.signIn({ email: parsed.data.email, password: parsed.data.password });
  if (!result.ok) {
    const formError =
      result.code === 'too_many_attempts'
        ? `Too many attempts. Please wait ${Math.ceil(result.retryAfterSeconds / 60)} minute(s) and try again.`
        : 'That email and password do not match an account. Check them and try again.';
    return data<ActionResult>({ formError, email }, result.code === 'too_many_attempts' ? 429 : 401);
  }
  const target = safeRedirectPath(parsed.data.redirectTo, HOME_FOR_ROLE[result.viewer.role]);
  return redirect(target, { headers: { 'Set-Cookie': result.setCookie } });
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const fields = actionData?.fields ?? {};
  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      <p>Sign in to book and manage your visits, fill in your forms and see your progress.</p>
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          <p>{actionData.formError}</p>
        </div>
      ) : null}
      <Form method="post" className="form" noValidate>
        <CsrfField />
        {loaderData.redirectTo ? (
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        ) : null}
        <div className="field">
          <label htmlFor="email">Email address</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={actionData?.email ?? ''}
            aria-invalid={fields.email ? true : undefined}
            aria-describedby={fields.email ? 'email-error' : undefined}
          />
          {fields.email ? (
            <p id="email-error" className="field__error">
              {fields.email}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={fields.password ? true : undefined}
            aria-describedby={fields.password ? 'password-error' : undefined}
          />
          {fields.password ? (
            <p id="password-error" className="field__error">
              {fields.password}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </Form>
      <p>
        <a href="/reset-password">Forgotten your password?</a>
      </p>
      <p className="muted">
        New here?{' '}
        <a
          href={
            loaderData.redirectTo
              ? `/register?redirectTo=${encodeURIComponent(loaderData.redirectTo)}`
              : '/register'
          }
        >
          Create an account
        </a>
        .
      </p>
    </div>
  );
}
