import { data, Form, redirect, useNavigation } from 'react-router';
import {
  collectFieldErrors,
  PASSWORD_MIN_LENGTH,
  RegisterFormSchema,
  readFormStrings,
} from '#contracts/account.ts';
import { registerPatient } from '#services/auth/accounts.ts';
import { registerLimiter } from '../account-limits.server';
import { CsrfField } from '../components/csrf-field';
import { ErrorSummary, FormField } from '../components/form-field';
import { describeRefusal } from '../patient-access.server';
import patientPagesHref from '../patient-pages.css?url';
import { safeRedirectPath } from '../safe-redirect';
import type { Route } from './+types/register';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: patientPagesHref }];

export function meta() {
  return [
    { title: 'Create an account · Backpoint' },
    { name: 'description', content: 'Create an account to book and manage your visits.' },
  ];
}

const LABELS: Record<string, string> = {
  givenName: 'First name',
  familyName: 'Last name',
  email: 'Email address',
  password: 'Password',
  dateOfBirth: 'Date of birth',
  phone: 'Phone number',
};

export function loader({ request, context }: Route.LoaderArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'), '');
  if (context.viewer) throw redirect(redirectTo || '/my-care');
  return {
    redirectTo,
    signInHref: `/sign-in${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ''}`,
  };
}

type ActionResult = { fields: Record<string, string>; values: Record<string, string>; formError?: string };

export async function action({ request, context }: Route.ActionArgs) {
  const raw = readFormStrings(await request.formData());
  const { password: _password, ...values } = raw;
  const limit = registerLimiter.hit(
    `register:${context.clientAddress}`,
    context.services.clock.now().getTime(),
  );
  if (!limit.allowed) {
    return data<ActionResult>(
      {
        fields: {},
        values,
        formError: 'Too many new accounts from here. Please try again later, or call us.',
      },
      429,
    );
  }
  const parsed = RegisterFormSchema.safeParse(raw);
  if (!parsed.success) return data<ActionResult>({ fields: collectFieldErrors(parsed.error), values }, 400);
  const { redirectTo, ...form } = parsed.data;
  try {
    await registerPatient(context.services, form, { clientAddress: context.clientAddress });
  } catch (error) {
    const refusal = describeRefusal(error);
    if (refusal.code === 'email_taken') {
      return data<ActionResult>(
        {
          fields: {
            email: 'There is already an account with this email. Sign in instead, or reset your password.',
          },
          values,
        },
        409,
      );
    }
    return data<ActionResult>({ fields: {}, values, formError: refusal.message }, refusal.status);
  }
  const signedIn = await context.auth.signIn({ email: form.email, password: form.password });
  const target = safeRedirectPath(redirectTo, '/my-care');
  if (!signedIn.ok) throw redirect(`/sign-in?redirectTo=${encodeURIComponent(target)}`);
  const separator = target.includes('?') ? '&' : '?';
  return redirect(target === '/my-care' ? `/my-care${separator}welcome=1` : target, {
    headers: { 'Set-Cookie': signedIn.setCookie },
  });
}

export default function Register({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const fields = actionData?.fields ?? {};
  const values = actionData?.values ?? {};
  return (
    <div className="page narrow">
      <h1>Create an account</h1>
      <p>
        With an account you can book and change visits, fill in your forms before you come, and see how you
        are getting on.
      </p>
      <p>
        Already have one? <a href={loaderData.signInHref}>Sign in</a>.
      </p>
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          <p>{actionData.formError}</p>
        </div>
      ) : null}
      <ErrorSummary fields={fields} labels={LABELS} />
      <Form method="post" className="form" noValidate>
        <CsrfField />
        {loaderData.redirectTo ? (
          <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        ) : null}
        <FormField
          name="givenName"
          label="First name"
          autoComplete="given-name"
          required
          defaultValue={values.givenName}
          error={fields.givenName}
        />
        <FormField
          name="familyName"
          label="Last name"
          autoComplete="family-name"
          required
          defaultValue={values.familyName}
          error={fields.familyName}
        />
        <FormField
          name="email"
          label="Email address"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          hint="We send your booking details and a link to confirm this address here."
          defaultValue={values.email}
          error={fields.email}
        />
        <FormField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence is easy to remember and hard to guess.`}
          error={fields.password}
        />
        <FormField
          name="dateOfBirth"
          label="Date of birth"
          type="date"
          autoComplete="bday"
          defaultValue={values.dateOfBirth}
          error={fields.dateOfBirth}
        />
        <FormField
          name="phone"
          label="Phone number"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          hint="So we can reach you if a visit has to move."
          defaultValue={values.phone}
          error={fields.phone}
        />
        <p className="muted">
          We use your details only to run your care at the clinic. You can download everything we keep about
          you from My care at any time.
        </p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create account'}
        </button>
      </Form>
    </div>
  );
}
