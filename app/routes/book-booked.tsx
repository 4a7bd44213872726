import { data } from 'react-router';
import { TimeZoneSchema } from '#contracts/booking.ts';
import { isRecordId } from '#contracts/ids.ts';
import { listMyAppointments } from '#services/booking/list-appointments.ts';
import { loadBookingPolicy } from '#services/booking/scheduling-data.ts';
import { getMyIntakeForm } from '#services/records/intake.ts';
import { listMyDueQuestionnaires } from '#services/records/questionnaires.ts';
import { requirePatient } from '../patient-access.server';
import patientPagesHref from '../patient-pages.css?url';
import { describeInstrumentForPatient } from '../questionnaire-text.server';
import { describeWhen } from '../time-words.server';
import type { Route } from './+types/book-booked';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: patientPagesHref }];

export function meta() {
  return [{ title: 'You are booked · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const actor = requirePatient(context, request);
  if (!isRecordId(params.id)) throw data('Not found', { status: 404 });
  const appointment = (await listMyAppointments(context.services, actor)).find((a) => a.id === params.id);
  if (!appointment) throw data('Not found', { status: 404 });
  const tz = TimeZoneSchema.safeParse(new URL(request.url).searchParams.get('tz'));
  const zone = tz.success ? tz.data : appointment.timeZone;
  const [intake, due, policy] = await Promise.all([
    getMyIntakeForm(context.services, actor),
    listMyDueQuestionnaires(context.services, actor),
    loadBookingPolicy(context.services.db),
  ]);
  return {
    appointment: {
      id: appointment.id,
      status: appointment.status,
      typeName: appointment.appointmentTypeName,
      practitionerName: appointment.practitionerName,
      when: describeWhen(appointment.start, zone, appointment.timeZone),
      until: describeWhen(appointment.end, zone).time,
    },
    address: `${context.clinic.name}, ${context.clinic.address}`,
    phone: context.clinic.phone,
    windowHours: policy.cancellationWindowHours,
    email: context.viewer?.email ?? '',
    intakeStatus: intake.status,
    due: due.map((d) => ({
      instrument: d.instrument,
      title: describeInstrumentForPatient(d.instrument).title,
    })),
  };
}

export default function Booked({ loaderData }: Route.ComponentProps) {
  const { appointment: a } = loaderData;
  return (
    <div className="page narrow booking">
      <div className="booked" role="status">
        <p className="booked__mark" aria-hidden="true">
          ✓
        </p>
        <h1>You are booked</h1>
        <p className="lead">
          {a.typeName} with {a.practitionerName}
        </p>
        <p className="booked__when">
          <time dateTime={a.when.iso}>
            {a.when.day}, {a.when.time} to {a.until}
          </time>{' '}
          <span className="muted">({a.when.zone})</span>
        </p>
        {a.when.elsewhere ? <p className="muted">That is {a.when.elsewhere}.</p> : null}
        <p>{loaderData.address}</p>
        {loaderData.email ? (
          <p className="muted">We have sent a confirmation to {loaderData.email}.</p>
        ) : null}
        <div className="actions">
          <a className="button" href={`/my-care/appointments/${a.id}/calendar.ics`} download>
            Add to my calendar
          </a>
          <a className="button button--secondary" href="/my-care">
            Go to My care
          </a>
        </div>
      </div>

      <section aria-labelledby="next-heading" className="next-steps">
        <h2 id="next-heading">Before your visit</h2>
        <ol className="todo-list">
          {loaderData.intakeStatus !== 'submitted' ? (
            <li>
              <a href="/my-care/intake">Fill in your health form</a>
              <span className="muted"> (about 10 minutes; you can stop and come back)</span>
            </li>
          ) : null}
          {loaderData.due.map((q) => (
            <li key={q.instrument}>
              <a href={`/my-care/questionnaires/${q.instrument}`}>{q.title}</a>
              <span className="muted"> (a few minutes)</span>
            </li>
          ))}
          <li>Wear loose, comfortable clothes, and eat a light meal an hour or two before.</li>
          <li>
            To change or cancel, use My care up to {loaderData.windowHours} hours before, or call us on{' '}
            <a href={`tel:${loaderData.phone.replace(/[^+\d]/g, '')}`}>{loaderData.phone}</a>.
          </li>
        </ol>
      </section>
    </div>
  );
}
