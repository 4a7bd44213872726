import { data, Form } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import type { AppointmentDto } from '#contracts/booking.ts';
import { INSTRUMENT_IDS } from '#core/clinical/instruments/catalogue.ts';
import { resendVerificationEmail } from '#services/auth/accounts.ts';
import { listMyAppointments } from '#services/booking/list-appointments.ts';
import { loadMyCareOverview } from '#services/records/my-care-overview.ts';
import { verificationResendLimiter } from '../account-limits.server';
import { CsrfField } from '../components/csrf-field';
import { ProgressChart } from '../components/progress-chart';
import { requirePatient } from '../patient-access.server';
import patientPagesHref from '../patient-pages.css?url';
import { buildProgressChart, formatScore } from '../progress-chart.server';
import { describeInstrumentForPatient } from '../questionnaire-text.server';
import { describeWhen } from '../time-words.server';
import type { Route } from './+types/my-care';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: patientPagesHref }];

export function meta() {
  return [{ title: 'My care · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

const STATUS_WORDS = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  completed: 'Attended',
  'no-show': 'Missed',
} as const;

function toCard(appointment: AppointmentDto, now: Temporal.Instant) {
  const when = describeWhen(appointment.start, appointment.timeZone);
  const canChange =
    appointment.status === 'booked' &&
    Temporal.Instant.compare(now, Temporal.Instant.from(appointment.changeDeadline)) < 0;
  return {
    id: appointment.id,
    status: appointment.status,
    statusWords: STATUS_WORDS[appointment.status],
    title: `${appointment.appointmentTypeName} with ${appointment.practitionerName}`,
    when,
    until: describeWhen(appointment.end, appointment.timeZone).time,
    canChange,
    calendarHref: `/my-care/appointments/${appointment.id}/calendar.ics`,
  };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requirePatient(context, request);
  const services = context.services;
  const [appointments, overview] = await Promise.all([
    listMyAppointments(services, actor),
    loadMyCareOverview(services, actor),
  ]);
  const { intake, due, results, aftercare, emailVerified: verified } = overview;
  const now = Temporal.Instant.fromEpochMilliseconds(services.clock.now().getTime());
  const isUpcoming = (a: AppointmentDto) =>
    a.status === 'booked' && Temporal.Instant.compare(Temporal.Instant.from(a.end), now) > 0;
  const upcoming = appointments.filter(isUpcoming).map((a) => toCard(a, now));
  const past = appointments
    .filter((a) => !isUpcoming(a))
    .reverse()
    .map((a) => ({ ...toCard(a, now), aftercare: aftercare.get(a.id) ?? null }));
  const charts = INSTRUMENT_IDS.filter((id) => id !== 'start-back')
    .map((id) =>
      buildProgressChart(
        id,
        results
          .filter((r) => r.instrument === id)
          .map((r) => ({ score: r.score!, completedAt: r.completedAt! })),
        context.clinic.timeZone,
      ),
    )
    .filter((chart) => chart !== null);
  const latestRisk = results.filter((r) => r.instrument === 'start-back').at(-1);
  const url = new URL(request.url);
  return {
    name: context.viewer?.displayName ?? '',
    email: context.viewer?.email ?? '',
    welcome: url.searchParams.get('welcome') === '1',
    changed: url.searchParams.get('changed'),
    done: url.searchParams.get('done'),
    verified,
    next: upcoming[0] ?? null,
    laterUpcoming: upcoming.slice(1),
    past,
    intake: { status: intake.status, stepsLeft: intake.incompleteSteps.length },
    due: due.map((d) => ({
      instrument: d.instrument,
      title: describeInstrumentForPatient(d.instrument).title,
      blurb: describeInstrumentForPatient(d.instrument).blurb,
      reason: d.reason,
      inProgress: d.inProgress,
      alternatives: d.alternatives.map((alt) => ({
        instrument: alt,
        title: describeInstrumentForPatient(alt).title,
      })),
    })),
    charts,
    risk: latestRisk
      ? {
          band: latestRisk.band,
          score: formatScore(latestRisk.score!),
          date: describeWhen(latestRisk.completedAt!, context.clinic.timeZone).day,
        }
      : null,
    phone: context.clinic.phone,
    emergencyNumber: context.clinic.emergencyNumber,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requirePatient(context, request);
  const form = await request.formData();
  if (form.get('intent') !== 'resend-verification') return data({ sent: false }, 400);
  const allowed = verificationResendLimiter.hit(
    `verify:${actor.userId}`,
    context.services.clock.now().getTime(),
  );
  if (!allowed.allowed) return data({ sent: false, limited: true }, 429);
  const sent = await resendVerificationEmail(context.services, actor.userId);
  return { sent };
}

const CHANGED_WORDS: Record<string, string> = {
  cancelled: 'Your visit is cancelled. We have sent you an email to say so.',
  rescheduled: 'Your visit has moved. We have sent you an email with the new time.',
};

const RISK_WORDS: Record<string, string> = {
  low: 'Low risk of long-lasting problems',
  medium: 'Medium risk of long-lasting problems',
  high: 'Higher risk of long-lasting problems: your practitioner will plan a bit more support',
};

type Card = ReturnType<typeof toCard>;

function AppointmentActions({ card }: { card: Card }) {
  return (
    <div className="actions actions--tight">
      {card.canChange ? (
        <>
          <a className="button button--small" href={`/my-care/appointments/${card.id}/reschedule`}>
            Change time<span className="visually-hidden"> of {card.title}</span>
          </a>
          <a className="button button--quiet button--small" href={`/my-care/appointments/${card.id}/cancel`}>
            Cancel<span className="visually-hidden"> {card.title}</span>
          </a>
        </>
      ) : null}
      <a className="button button--quiet button--small" href={card.calendarHref} download>
        Add to calendar<span className="visually-hidden"> ({card.title})</span>
      </a>
    </div>
  );
}

export default function MyCare({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const todo = (d.intake.status !== 'submitted' ? 1 : 0) + d.due.length;
  return (
    <div className="page my-care">
      <h1>My care</h1>
      <p className="lead">Hello, {d.name}.</p>
      {d.changed && CHANGED_WORDS[d.changed] ? (
        <div className="alert alert--info" role="status">
          <p>{CHANGED_WORDS[d.changed]}</p>
        </div>
      ) : null}
      {d.done ? (
        <div className="alert alert--info" role="status">
          <p>
            Thank you, your answers are saved.
            {d.done === 'start-back' ? '' : ' Your score is in the chart under “Your progress”.'}
          </p>
        </div>
      ) : null}
      {d.welcome ? (
        <div className="alert alert--info" role="status">
          <p>Your account is ready. We have sent a link to {d.email} to confirm your email address.</p>
        </div>
      ) : null}
      {!d.verified && !d.welcome ? (
        <div className="alert alert--info verify-note">
          <p>
            Please confirm your email address with the link we sent to {d.email}, so our emails reach you.
          </p>
          {actionData?.sent ? (
            <p role="status">We have sent a new link.</p>
          ) : (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="resend-verification" />
              <button type="submit" className="button button--quiet button--small">
                Send the link again
              </button>
            </Form>
          )}
        </div>
      ) : null}

      <div className="my-care__grid">
        <section aria-labelledby="next-heading" className="my-care__next">
          <h2 id="next-heading">Your next visit</h2>
          {d.next ? (
            <article className="card appointment-card appointment-card--next">
              <h3 className="appointment-card__title">{d.next.title}</h3>
              <p className="appointment-card__when">
                <time dateTime={d.next.when.iso}>
                  {d.next.when.day}
                  <br />
                  {d.next.when.time} to {d.next.until}
                </time>{' '}
                <span className="muted">({d.next.when.zone})</span>
              </p>
              <AppointmentActions card={d.next} />
              {!d.next.canChange ? (
                <p className="muted">
                  It is less than a day away, so it cannot be changed online. To change it, please call us on{' '}
                  <a href={`tel:${d.phone.replace(/[^+\d]/g, '')}`}>{d.phone}</a>.
                </p>
              ) : null}
            </article>
          ) : (
            <div className="card">
              <p>You have no visits booked.</p>
              <a className="button" href="/book">
                Book a visit
              </a>
            </div>
          )}
        </section>

        <section aria-labelledby="todo-heading" className="my-care__todo">
          <h2 id="todo-heading">Forms to fill in</h2>
          {todo === 0 ? (
            <p className="card">Nothing to do right now. Thank you.</p>
          ) : (
            <ul className="todo-cards">
              {d.intake.status !== 'submitted' ? (
                <li className="card todo-card">
                  <h3 className="todo-card__title">
                    <a href="/my-care/intake">Your health form</a>
                  </h3>
                  <p>
                    {d.intake.status === 'not-started'
                      ? 'About your back, your health and a few safety questions. About 10 minutes.'
                      : `Started. ${d.intake.stepsLeft} ${d.intake.stepsLeft === 1 ? 'part' : 'parts'} left; your answers so far are saved.`}
                  </p>
                </li>
              ) : null}
              {d.due.map((q) => (
                <li key={q.instrument} className="card todo-card">
                  <h3 className="todo-card__title">
                    <a href={`/my-care/questionnaires/${q.instrument}`}>{q.title}</a>
                  </h3>
                  <p>
                    {q.inProgress ? 'Started; your answers so far are saved. ' : ''}
                    {q.blurb}
                  </p>
                  {q.alternatives.length > 0 ? (
                    <p className="muted">
                      Or, if your practitioner asked:{' '}
                      {q.alternatives.map((alt) => (
                        <a key={alt.instrument} href={`/my-care/questionnaires/${alt.instrument}`}>
                          {alt.title}
                        </a>
                      ))}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {d.intake.status === 'submitted' ? (
            <p>
              <a href="/my-care/intake">See or update your health form</a>
            </p>
          ) : null}
        </section>
      </div>

      {d.laterUpcoming.length > 0 ? (
        <section aria-labelledby="upcoming-heading">
          <h2 id="upcoming-heading">Other booked visits</h2>
          <ul className="appointment-list">
            {d.laterUpcoming.map((card) => (
              <li key={card.id} className="card appointment-card">
                <h3 className="appointment-card__title">{card.title}</h3>
                <p>
                  <time dateTime={card.when.iso}>
                    {card.when.day}, {card.when.time} to {card.until}
                  </time>{' '}
                  <span className="muted">({card.when.zone})</span>
                </p>
                <AppointmentActions card={card} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="progress-heading" className="progress">
        <h2 id="progress-heading">Your progress</h2>
        {d.charts.length === 0 ? (
          <p>Your scores will show here as a chart once you have filled in a questionnaire.</p>
        ) : (
          <div className="progress__charts">
            {d.charts.map((chart) => (
              <ProgressChart key={chart.instrument} chart={chart} />
            ))}
          </div>
        )}
        {d.risk ? (
          <p className="card">
            <strong>Back pain outlook</strong> ({d.risk.date}): {RISK_WORDS[d.risk.band ?? ''] ?? d.risk.band}
            . Score {d.risk.score} of 9.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="past-heading">
        <h2 id="past-heading">Past and cancelled visits</h2>
        {d.past.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul className="appointment-list appointment-list--past">
            {d.past.map((card) => (
              <li key={card.id} className="appointment-row">
                <span className={`status status--${card.status}`}>{card.statusWords}</span>
                <span>
                  {card.title},{' '}
                  <time dateTime={card.when.iso}>
                    {card.when.day}, {card.when.time}
                  </time>
                </span>
                {card.aftercare ? (
                  <details className="aftercare">
                    <summary>
                      Aftercare advice<span className="visually-hidden"> from {card.when.day}</span>
                    </summary>
                    <p>{card.aftercare}</p>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="data-heading" className="my-data">
        <h2 id="data-heading">Your information</h2>
        <p>
          You can download everything we keep about you: your details, visits, forms and scores, in one file.
        </p>
        <a className="button button--secondary" href="/my-care/my-data.json" download>
          Download all my data
        </a>
      </section>

      <aside className="emergency-note" aria-label="If things get worse">
        <p>
          If your back pain comes with new numbness between your legs, trouble passing urine or new weakness
          in your legs, do not wait for your visit: call{' '}
          <a href={`tel:${d.emergencyNumber}`}>{d.emergencyNumber}</a> or go to an emergency department now.
        </p>
      </aside>
    </div>
  );
}
