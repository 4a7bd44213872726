import { data, Form, redirect, useNavigation } from 'react-router';
import {
  collectFieldErrors,
  PASSWORD_MIN_LENGTH,
  PasswordResetFormSchema,
  PasswordResetRequestSchema,
  readFormStrings,
} from '#contracts/account.ts';
import { isPasswordResetTokenUsable, requestPasswordReset, resetPassword } from '#services/auth/accounts.ts';
import { normaliseEmail } from '#services/auth/sign-in.ts';
import { resetRequestPerAddress, resetRequestPerEmail } from '../account-limits.server';
import { CsrfField } from '../components/csrf-field';
import { FormField } from '../components/form-field';
import { describeRefusal } from '../patient-access.server';
import patientPagesHref from '../patient-pages.css?url';
import type { Route } from './+types/reset-password';

const HOME_FOR_ROLE = { patient: '/my-care', practitioner: '/workspace', admin: '/admin' } as const;

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: patientPagesHref }];

export function meta() {
  return [
    { title: 'Reset your password · Backpoint' },
    { name: 'robots', content: 'noindex' },
    { name: 'referrer', content: 'no-referrer' },
  ];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token');
  if (!token) return { mode: 'request' as const };
  const usable = await isPasswordResetTokenUsable(context.services, token);
  return usable ? { mode: 'set' as const, token } : { mode: 'expired' as const };
}

type ActionResult = { sent?: boolean; fields?: Record<string, string>; formError?: string; email?: string };

export async function action({ request, context }: Route.ActionArgs) {
  const raw = readFormStrings(await request.formData());
  if (raw.intent === 'set') {
    const parsed = PasswordResetFormSchema.safeParse(raw);
    if (!parsed.success) return data<ActionResult>({ fields: collectFieldErrors(parsed.error) }, 400);
    try {
      const { email } = await resetPassword(context.services, parsed.data.token, parsed.data.password);
      const signedIn = await context.auth.signIn({ email, password: parsed.data.password });
      if (!signedIn.ok) throw redirect('/sign-in');
      return redirect(HOME_FOR_ROLE[signedIn.viewer.role], { headers: { 'Set-Cookie': signedIn.setCookie } });
    } catch (error) {
      if (error instanceof Response) throw error;
      return data<ActionResult>({ formError: describeRefusal(error).message }, 422);
    }
  }
  const parsed = PasswordResetRequestSchema.safeParse(raw);
  if (!parsed.success)
    return data<ActionResult>({ fields: collectFieldErrors(parsed.error), email: raw.email }, 400);
  const now = context.services.clock.now().getTime();
  const allowed =
    resetRequestPerAddress.hit(`reset:${context.clientAddress}`, now).allowed &&
    resetRequestPerEmail.hit(`reset:${normaliseEmail(parsed.data.email)}`, now).allowed;
  // Over the limit, nothing is sent, but the answer stays the same: it must not tell who has an account.
  if (allowed)
    await requestPasswordReset(context.services, parsed.data.email, { clientAddress: context.clientAddress });
  return data<ActionResult>({ sent: true, email: parsed.data.email });
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const fields = actionData?.fields ?? {};
  if (loaderData.mode === 'expired') {
    return (
      <div className="page narrow">
        <h1>This reset link does not work any more</h1>
        <p>Reset links work once, for one hour. You can ask for a new one.</p>
        <p>
          <a className="button" href="/reset-password">
            Ask for a new link
          </a>
        </p>
      </div>
    );
  }
  if (loaderData.mode === 'set') {
    return (
      <div className="page narrow">
        <h1>Choose a new password</h1>
        {actionData?.formError ? (
          <div className="alert alert--error" role="alert">
            <p>{actionData.formError}</p>
            <p>
              <a href="/reset-password">Ask for a new link</a>
            </p>
          </div>
        ) : null}
        <Form method="post" className="form" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="set" />
          <input type="hidden" name="token" value={loaderData.token} />
          <FormField
            name="password"
            label="New password"
            type="password"
            autoComplete="new-password"
            required
            hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
            error={fields.password}
          />
          <FormField
            name="confirmPassword"
            label="Type it again"
            type="password"
            autoComplete="new-password"
            required
            error={fields.confirmPassword}
          />
          <p className="muted">Saving it signs you out on every other device.</p>
          <button type="submit" className="button" disabled={busy}>
            Save new password
          </button>
        </Form>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Reset your password</h1>
      {actionData?.sent ? (
        <div className="alert alert--info" role="status">
          <p>
            If there is an account for <strong>{actionData.email}</strong>, we have sent it a link to choose a
            new password. The link works for one hour. Check your spam folder if it has not arrived in a few
            minutes.
          </p>
        </div>
      ) : (
        <>
          <p>Type the email address of your account. We will send you a link to choose a new password.</p>
          <Form method="post" className="form" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="request" />
            <FormField
              name="email"
              label="Email address"
              type="email"
              inputMode="email"
              autoComplete="email"
              required
              defaultValue={actionData?.email}
              error={fields.email}
            />
            <button type="submit" className="button" disabled={busy}>
              Send me a link
            </button>
          </Form>
        </>
      )}
      <p>
        <a href="/sign-in">Back to sign in</a>
      </p>
    </div>
  );
}
