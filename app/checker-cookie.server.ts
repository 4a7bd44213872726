import { createCookie } from 'react-router';
import { type CheckerAnswers, parseCheckerAnswers } from '#contracts/checker-form.ts';

// The finished checker's answers travel to /checker/result in a signed, short-lived cookie
// (never in the address: they are health details), so the result page survives a reload
// and the back button without posting the form again.
const MAX_AGE_SECONDS = 60 * 60;

function checkerCookie(secret: string, secure: boolean) {
  return createCookie('bp_checker', {
    secrets: [secret],
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/checker',
    maxAge: MAX_AGE_SECONDS,
  });
}

type CookieConfig = { appSecret: string; publicUrl: string };

export async function serializeCheckerAnswers(
  config: CookieConfig,
  answers: CheckerAnswers,
): Promise<string> {
  return checkerCookie(config.appSecret, config.publicUrl.startsWith('https://')).serialize(
    JSON.stringify(answers),
  );
}

/** The answers from a request's cookie, or null when there is none or its signature is wrong. */
export async function readCheckerAnswers(
  config: CookieConfig,
  request: Request,
): Promise<CheckerAnswers | null> {
  const value: unknown = await checkerCookie(config.appSecret, config.publicUrl.startsWith('https://')).parse(
    request.headers.get('Cookie'),
  );
  if (typeof value !== 'string') return null;
  const answers = parseCheckerAnswers(value);
  return Object.keys(answers).length > 0 ? answers : null;
}
