import { verifyEmailAddress } from '#services/auth/accounts.ts';
import type { Route } from './+types/verify-email';

export function meta() {
  return [
    { title: 'Confirm your email · Backpoint' },
    { name: 'robots', content: 'noindex' },
    // The link carries a token: never pass it on to another site.
    { name: 'referrer', content: 'no-referrer' },
  ];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const outcome = token ? await verifyEmailAddress(context.services, token) : 'invalid';
  return { outcome, signedIn: context.viewer !== null };
}

export default function VerifyEmail({ loaderData }: Route.ComponentProps) {
  const next = loaderData.signedIn
    ? { href: '/my-care', label: 'Go to My care' }
    : { href: '/sign-in', label: 'Sign in' };
  return (
    <div className="page narrow">
      {loaderData.outcome === 'invalid' ? (
        <>
          <h1>This link does not work any more</h1>
          <p>
            Links to confirm an email address work for 48 hours. Sign in and ask for a new one from My care,
            or call us and we will help.
          </p>
        </>
      ) : (
        <>
          <h1>Thank you, your email address is confirmed</h1>
          <p>We will send your booking details and reminders to it.</p>
        </>
      )}
      <p>
        <a className="button" href={next.href}>
          {next.label}
        </a>
      </p>
    </div>
  );
}
