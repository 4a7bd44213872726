import { data, Form, redirect, useNavigation } from 'react-router';
import {
  CONTACT_SUBJECTS,
  ContactFormSchema,
  type ContactSource,
  ContactSourceSchema,
} from '#contracts/content.ts';
import { decodeVisitSource, findVisitSourceCookie } from '#contracts/visit-source.ts';
import { submitContactMessage } from '#services/content/contact-messages.ts';
import { CsrfField } from '../components/csrf-field';
import { HoneypotField, isHoneypotFilled } from '../components/honeypot-field';
import { contactFormLimiter } from '../form-limits.server';
import { telHref } from '../format';
import publicPagesHref from '../public-pages.css?url';
import { useRootData } from '../root';
import { describePage } from '../seo';
import type { Route } from './+types/contact';

// Complete as server-rendered HTML (its forms post): no client JavaScript (see root.tsx).
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: publicPagesHref }];

// The per-address limit's Retry-After reaches the browser only through this export.
export function headers({ actionHeaders, loaderHeaders }: Route.HeadersArgs) {
  return actionHeaders.has('Retry-After') ? actionHeaders : loaderHeaders;
}

export function meta({ data: page }: Route.MetaArgs) {
  if (!page) return [];
  return describePage({
    title: 'Contact us',
    description: 'Send the clinic a message, call us, or find our address and opening hours.',
    siteUrl: page.siteUrl,
    siteName: page.siteName,
    path: '/contact',
  });
}

const SUBJECT_LABELS: Record<(typeof CONTACT_SUBJECTS)[number], string> = {
  booking: 'Booking or changing a visit',
  treatment: 'A question about treatment',
  billing: 'Payment or insurance',
  other: 'Something else',
};

// Hidden fields that carry the visit's source (contracts/visit-source.ts) with the form.
const SOURCE_FIELDS = [
  'landingPage',
  'referrer',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'utmTerm',
  'utmContent',
] as const satisfies ReadonlyArray<keyof ContactSource>;

export function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const source = decodeVisitSource(findVisitSourceCookie(request.headers.get('Cookie')));
  return {
    siteUrl: context.services.config.publicUrl,
    siteName: context.clinic.name,
    sent: url.searchParams.get('sent') === '1',
    // Without a recorded source (cookies off), this page itself is where the visit landed.
    source:
      Object.keys(source).length > 0 ? source : { landingPage: `${url.pathname}${url.search}`.slice(0, 500) },
  };
}

type ActionResult = {
  fields?: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
};

export async function action({ request, context }: Route.ActionArgs) {
  const form = Object.fromEntries(await request.formData());
  const text = (key: string) => (typeof form[key] === 'string' ? form[key] : '');
  const values = {
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    subject: text('subject'),
    message: text('message'),
  };

  const limit = contactFormLimiter.hit(context.clientAddress, context.services.clock.now().getTime());
  if (!limit.allowed) {
    return data<ActionResult>(
      {
        values,
        formError: `You have sent several messages in a short time. Please wait ${Math.ceil(limit.retryAfterSeconds / 60)} minute(s), or call us.`,
      },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    );
  }
  // A filled-in honeypot is a bot: it gets the same "sent" page as a person, and nothing is kept.
  if (isHoneypotFilled(form.website)) return redirect('/contact?sent=1');

  const parsed = ContactFormSchema.safeParse({ ...form, phone: text('phone') || undefined });
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return data<ActionResult>({ fields, values }, 400);
  }
  const sourceInput = Object.fromEntries(
    SOURCE_FIELDS.flatMap((key) => (text(key) ? [[key, text(key)]] : [])),
  );
  const source = ContactSourceSchema.safeParse(sourceInput);
  const { website: _honeypot, ...message } = parsed.data;
  await submitContactMessage(context.services, { ...message, source: source.success ? source.data : {} });
  return redirect('/contact?sent=1');
}

export default function Contact({ loaderData, actionData }: Route.ComponentProps) {
  const root = useRootData();
  const clinic = root?.clinic;
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const fields = actionData?.fields ?? {};
  const values = actionData?.values ?? {};
  const errorCount = Object.keys(fields).length;

  return (
    <div className="page contact">
      <div className="page-intro">
        <h1>Contact us</h1>
        <p className="lead">
          Ask us anything about your visits or treatment. You can also call us during opening hours.
        </p>
      </div>

      <div className="contact__layout">
        <div className="contact__main">
          {loaderData.sent ? (
            <div className="alert alert--success" role="status">
              <h2>Thank you, your message has been sent</h2>
              <p>We will reply by email or phone as soon as we can during opening hours.</p>
              <p>
                <a href="/contact">Send another message</a>
              </p>
            </div>
          ) : null}

          <div className="care-note care-note--compact">
            <p>
              <strong>Do not use this form for urgent health problems.</strong> If you have numbness between
              your legs, new trouble controlling your bladder or bowels, or a leg that is getting weaker, call{' '}
              <a href={telHref(clinic?.emergencyNumber ?? '911')}>{clinic?.emergencyNumber ?? '911'}</a> or go
              to an emergency department now.
            </p>
          </div>

          {actionData?.formError ? (
            <div className="alert alert--error" role="alert">
              <p>{actionData.formError}</p>
            </div>
          ) : null}
          {errorCount > 0 ? (
            <div className="alert alert--error" role="alert">
              <p>
                <strong>
                  Please check {errorCount === 1 ? 'one answer' : `${errorCount} answers`} below.
                </strong>
              </p>
            </div>
          ) : null}

          <Form method="post" className="form" noValidate>
            <CsrfField />
            <HoneypotField />
            {SOURCE_FIELDS.map((key) => {
              const value = loaderData.source[key];
              return value ? <input key={key} type="hidden" name={key} value={value} /> : null;
            })}
            <TextField
              name="name"
              label="Your name"
              autoComplete="name"
              value={values.name}
              error={fields.name}
            />
            <TextField
              name="email"
              label="Email address"
              type="email"
              autoComplete="email"
              value={values.email}
              error={fields.email}
            />
            <TextField
              name="phone"
              label="Phone number (optional)"
              type="tel"
              autoComplete="tel"
              value={values.phone}
              error={fields.phone}
              hint="Only if you would like us to call you back."
            />
            <fieldset
              className="contact__subject"
              aria-describedby={fields.subject ? 'subject-error' : undefined}
            >
              <legend>What is your message about?</legend>
              {fields.subject ? (
                <p id="subject-error" className="field__error">
                  {fields.subject}
                </p>
              ) : null}
              <div className="choices">
                {CONTACT_SUBJECTS.map((s) => (
                  <div key={s} className="choice">
                    <input
                      id={`subject-${s}`}
                      type="radio"
                      name="subject"
                      value={s}
                      defaultChecked={values.subject === s}
                    />
                    <label htmlFor={`subject-${s}`}>{SUBJECT_LABELS[s]}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor="message">Your message</label>
              <p id="message-hint" className="field__hint">
                Please do not include detailed medical history. We will ask for what we need.
              </p>
              <textarea
                id="message"
                name="message"
                rows={6}
                maxLength={5000}
                defaultValue={values.message ?? ''}
                aria-invalid={fields.message ? true : undefined}
                aria-describedby={fields.message ? 'message-hint message-error' : 'message-hint'}
              />
              {fields.message ? (
                <p id="message-error" className="field__error">
                  {fields.message}
                </p>
              ) : null}
            </div>
            <p className="muted">We use your details only to answer your message.</p>
            <div>
              <button type="submit" className="button button--large" disabled={busy}>
                {busy ? 'Sending…' : 'Send message'}
              </button>
            </div>
          </Form>
        </div>

        <aside className="contact__aside" aria-labelledby="visit-us">
          <h2 id="visit-us">Call or visit</h2>
          {clinic ? (
            <>
              <p>
                <a className="contact__phone" href={telHref(clinic.phone)}>
                  {clinic.phone}
                </a>
              </p>
              <p>
                <a href={`mailto:${clinic.email}`}>{clinic.email}</a>
              </p>
              <address>{clinic.address}</address>
            </>
          ) : null}
          {root?.openingHours.length ? (
            <>
              <h3>Opening hours</h3>
              <ul className="plain-list">
                {root.openingHours.map((line) => (
                  <li key={line.days}>
                    {line.days}: {line.hours}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </aside>
      </div>
    </div>
  );
}

function TextField(props: {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'tel';
  autoComplete: string;
  value?: string;
  error?: string;
  hint?: string;
}) {
  const describedBy = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      {props.hint ? (
        <p id={`${props.name}-hint`} className="field__hint">
          {props.hint}
        </p>
      ) : null}
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete}
        defaultValue={props.value ?? ''}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.error ? (
        <p id={`${props.name}-error`} className="field__error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
