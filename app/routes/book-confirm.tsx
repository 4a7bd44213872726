import { randomBytes } from 'node:crypto';
import { data, Form, redirect, useNavigation } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import {
  type ChosenSlot,
  IdempotencyFieldSchema,
  readBookingChoice,
  readCheckerReferral,
  readChosenSlot,
  writeCheckerReferral,
} from '#contracts/booking-form.ts';
import { bookAppointment } from '#services/booking/book-appointment.ts';
import { findAvailability } from '#services/booking/find-availability.ts';
import { listAppointmentTypes } from '#services/booking/list-appointments.ts';
import { loadBookingPolicy } from '#services/booking/scheduling-data.ts';
import { listPractitioners } from '#services/clinic/list-practitioners.ts';
import { attachCheckerReferral } from '#services/records/intake.ts';
import { groupTimes } from '../booking-flow.server';
import { BookingProgress, ChoiceSummary, HiddenFields, TimeGroups } from '../components/booking-parts';
import { CsrfField } from '../components/csrf-field';
import { describeRefusal, requirePatient } from '../patient-access.server';
import patientPagesHref from '../patient-pages.css?url';
import { describeWhen, describeZone, formatDayLong, toZoned } from '../time-words.server';
import type { Route } from './+types/book-confirm';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: patientPagesHref }];

export function meta() {
  return [{ title: 'Check and confirm your visit · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

function bookHref(pairs: Array<[string, string]>): string {
  const query = new URLSearchParams(pairs).toString();
  return `/book${query ? `?${query}` : ''}`;
}

/** Whether the chosen time is still free, and the other free times that day if not. */
async function checkSlot(context: Route.LoaderArgs['context'], slot: ChosenSlot, timeZone: string) {
  const day = toZoned(slot.start, timeZone).toPlainDate();
  const query = { appointmentType: slot.type, from: day.toString(), to: day.toString(), tz: timeZone };
  const [own, sameChoice] = await Promise.all([
    findAvailability(context.services, { ...query, practitioner: slot.slotPractitioner }),
    findAvailability(context.services, { ...query, practitioner: slot.practitioner }),
  ]);
  const instant = Temporal.Instant.from(slot.start);
  const free = own.slots.some((s) => Temporal.Instant.from(s.start).equals(instant));
  return { free, day, others: sameChoice.slots };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const choice = readBookingChoice(url.searchParams);
  const referralPairs = writeCheckerReferral(readCheckerReferral(url.searchParams));
  const tzPairs: Array<[string, string]> = choice.tz ? [['tz', choice.tz]] : [];
  const slot = readChosenSlot(url.searchParams);
  if (!slot) throw redirect(bookHref([...tzPairs, ...referralPairs]));
  const clinicTimeZone = context.clinic.timeZone;
  const timeZone = choice.tz ?? clinicTimeZone;
  const [types, practitioners, policy] = await Promise.all([
    listAppointmentTypes(context.services),
    listPractitioners(context.services),
    loadBookingPolicy(context.services.db),
  ]);
  const type = types.find((t) => t.slug === slot.type);
  const practitioner = practitioners.find((p) => p.id === slot.slotPractitioner);
  if (!type || !practitioner?.appointmentTypes.includes(type.slug)) {
    throw redirect(bookHref([...tzPairs, ...referralPairs]));
  }
  const { free, day, others } = await checkSlot(context, slot, timeZone);
  const when = describeWhen(slot.start, timeZone, clinicTimeZone);
  const end = toZoned(slot.start, timeZone).add({ minutes: type.durationMinutes });
  const carried: Array<[string, string]> = [
    ['type', slot.type],
    ['practitioner', slot.practitioner],
    ...tzPairs,
    ...referralPairs,
  ];
  const here = url.pathname + url.search;
  const viewer = context.viewer;
  return {
    slotValue: url.searchParams.get('slot') ?? '',
    carried,
    summary: [
      {
        label: 'Visit',
        value: `${type.name}, ${type.durationMinutes} minutes`,
        href: bookHref([...tzPairs, ...referralPairs]),
      },
      {
        label: 'With',
        value: `${practitioner.displayName}, ${practitioner.credentials}`,
        href: bookHref([['type', slot.type], ...tzPairs, ...referralPairs]),
      },
      {
        label: 'When',
        value: `${when.day}, ${when.time} to ${describeWhen(end.toInstant().toString(), timeZone).time} (${when.zone})`,
        href: bookHref([...carried, ['week', day.toString()], ['day', day.toString()]]),
      },
    ],
    clinicTime: when.elsewhere,
    address: `${context.clinic.name}, ${context.clinic.address}`,
    free,
    dayLabel: formatDayLong(day),
    alternatives: free ? [] : groupTimes(others, timeZone, clinicTimeZone),
    zoneNote: `Times are in ${describeZone(timeZone)}.`,
    policy: {
      noticeHours: Math.round(policy.minimumNoticeMinutes / 60),
      windowHours: policy.cancellationWindowHours,
      phone: context.clinic.phone,
    },
    viewer: viewer ? { role: viewer.role } : null,
    signInHref: `/sign-in?redirectTo=${encodeURIComponent(here)}`,
    registerHref: `/register?redirectTo=${encodeURIComponent(here)}`,
    idempotencyKey: randomBytes(18).toString('base64url'),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const url = new URL(request.url);
  const form = await request.formData();
  const params = {
    get: (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : null),
  };
  const slot = readChosenSlot(params);
  const choice = readBookingChoice(params);
  const referral = readCheckerReferral(params);
  if (!context.viewer) {
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  const actor = requirePatient(context, request);
  if (!slot) return data({ error: 'Please choose a time again.', code: 'invalid' }, 400);
  const key = IdempotencyFieldSchema.safeParse(form.get('idempotencyKey'));
  try {
    const result = await bookAppointment(
      context.services,
      actor,
      { practitionerId: slot.slotPractitioner, appointmentType: slot.type, start: slot.start },
      key.success ? `web-book:${key.data}` : undefined,
    );
    if (referral && !result.replayed) {
      try {
        await attachCheckerReferral(context.services, actor, referral);
      } catch (error) {
        // The booking stands; the answers are a convenience for the intake form.
        context.services.log.warn('could not attach checker answers', { code: (error as Error).name });
      }
    }
    const tz = choice.tz ? `?tz=${encodeURIComponent(choice.tz)}` : '';
    return redirect(`/book/booked/${result.body.id}${tz}`);
  } catch (error) {
    const refusal = describeRefusal(error);
    return data({ error: refusal.message, code: refusal.code }, refusal.status);
  }
}

const CALM_MESSAGES: Record<string, string> = {
  slot_taken:
    'Someone else has just booked this time. Nothing has been booked for you. Please choose another time below.',
  patient_already_booked: 'You already have a visit at this time. Please choose another time.',
  new_patients_only:
    'The initial consultation is for your first visit to the clinic. As you have been here before, please choose a follow-up treatment instead.',
};

export default function BookConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const d = loaderData;
  const refusal = actionData ? (CALM_MESSAGES[actionData.code] ?? actionData.error) : null;
  const showAlternatives = !d.free;
  return (
    <div className="page narrow booking">
      <BookingProgress current={4} />
      <h1>Check and confirm your visit</h1>
      {refusal ? (
        <div className="alert alert--info" role="alert">
          <p>{refusal}</p>
        </div>
      ) : null}
      {!refusal && !d.free ? (
        <div className="alert alert--info" role="status">
          <p>
            This time is no longer free. Nothing has been booked for you. Please choose another time below.
          </p>
        </div>
      ) : null}
      <ChoiceSummary items={d.summary} />
      {d.clinicTime ? <p className="muted">That is {d.clinicTime}.</p> : null}
      <p>
        <strong>Where:</strong> {d.address}
      </p>

      {showAlternatives ? (
        <section aria-labelledby="alternatives-heading" className="times-section">
          <h2 id="alternatives-heading">Other free times on {d.dayLabel}</h2>
          {d.alternatives.length > 0 ? (
            <TimeGroups
              groups={d.alternatives}
              action="/book/confirm"
              method="get"
              hidden={d.carried}
              zoneNote={d.zoneNote}
            />
          ) : (
            <p>
              There are no other free times that day. <a href={d.summary[2]?.href}>Choose another day</a>.
            </p>
          )}
        </section>
      ) : (
        <>
          <section className="policy" aria-labelledby="policy-heading">
            <h2 id="policy-heading">Before you confirm</h2>
            <ul>
              <li>
                We book visits at least {d.policy.noticeHours} hours ahead, so your practitioner can prepare.
              </li>
              <li>
                You can change or cancel this visit here, on your <strong>My care</strong> page, until{' '}
                {d.policy.windowHours} hours before it starts.
              </li>
              <li>
                Closer to the time, please call us on{' '}
                <a href={`tel:${d.policy.phone.replace(/[^+\d]/g, '')}`}>{d.policy.phone}</a>. If you cannot
                come, tell us as early as you can so someone else can have the time.
              </li>
              <li>Wear loose clothes, and eat a light meal an hour or two before.</li>
            </ul>
          </section>
          {d.viewer?.role === 'patient' ? (
            <Form method="post" className="confirm-form">
              <CsrfField />
              <input type="hidden" name="slot" value={d.slotValue} />
              <input type="hidden" name="idempotencyKey" value={d.idempotencyKey} />
              <HiddenFields pairs={d.carried} />
              <button type="submit" className="button button--large" disabled={busy}>
                {busy ? 'Booking…' : 'Confirm and book'}
              </button>
            </Form>
          ) : d.viewer ? (
            <div className="alert alert--info">
              <p>You are signed in with a staff account. Book for patients from the workspace.</p>
            </div>
          ) : (
            <section className="signin-prompt" aria-labelledby="signin-heading">
              <h2 id="signin-heading">Sign in to book</h2>
              <p>We keep your choice while you sign in or create an account. It takes about a minute.</p>
              <div className="actions">
                <a className="button" href={d.signInHref}>
                  Sign in and book
                </a>
                <a className="button button--secondary" href={d.registerHref}>
                  Create an account
                </a>
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}
