import { data, Form, redirect, useNavigation } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import { isRecordId } from '#contracts/ids.ts';
import { cancelAppointment } from '#services/booking/change-appointment.ts';
import { listMyAppointments } from '#services/booking/list-appointments.ts';
import { CsrfField } from '../components/csrf-field';
import { describeRefusal, requirePatient } from '../patient-access.server';
import patientPagesHref from '../patient-pages.css?url';
import { describeWhen } from '../time-words.server';
import type { Route } from './+types/my-care-cancel';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: patientPagesHref }];

export function meta() {
  return [{ title: 'Cancel your visit · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

const REASON_MAX = 500;

async function loadOwnAppointment(
  context: Route.LoaderArgs['context'],
  request: Request,
  id: string | undefined,
) {
  const actor = requirePatient(context, request);
  if (!isRecordId(id)) throw data('Not found', { status: 404 });
  const appointment = (await listMyAppointments(context.services, actor)).find((a) => a.id === id);
  if (!appointment) throw data('Not found', { status: 404 });
  return { actor, appointment };
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { appointment } = await loadOwnAppointment(context, request, params.id);
  const now = Temporal.Instant.fromEpochMilliseconds(context.services.clock.now().getTime());
  return {
    title: `${appointment.appointmentTypeName} with ${appointment.practitionerName}`,
    when: describeWhen(appointment.start, appointment.timeZone),
    canCancel:
      appointment.status === 'booked' &&
      Temporal.Instant.compare(now, Temporal.Instant.from(appointment.changeDeadline)) < 0,
    status: appointment.status,
    rescheduleHref: `/my-care/appointments/${appointment.id}/reschedule`,
    phone: context.clinic.phone,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, appointment } = await loadOwnAppointment(context, request, params.id);
  const reason = (await request.formData()).get('reason');
  try {
    await cancelAppointment(
      context.services,
      actor,
      appointment.id,
      typeof reason === 'string' ? reason.slice(0, REASON_MAX) : undefined,
    );
  } catch (error) {
    return data({ error: describeRefusal(error).message }, describeRefusal(error).status);
  }
  return redirect('/my-care?changed=cancelled');
}

export default function CancelVisit({ loaderData, actionData }: Route.ComponentProps) {
  const navigation = useNavigation();
  const d = loaderData;
  return (
    <div className="page narrow">
      <p>
        <a href="/my-care">← Back to My care</a>
      </p>
      <h1>Cancel your visit</h1>
      <p className="current-visit">
        {d.title}
        <br />
        <time dateTime={d.when.iso}>
          {d.when.day} at {d.when.time}
        </time>{' '}
        <span className="muted">({d.when.zone})</span>
      </p>
      {actionData?.error ? (
        <div className="alert alert--info" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {d.canCancel ? (
        <>
          <p>
            If another time would suit you better, you can <a href={d.rescheduleHref}>change the time</a>{' '}
            instead.
          </p>
          <Form method="post" className="form">
            <CsrfField />
            <div className="field">
              <label htmlFor="reason">
                Would you like to tell us why? <span className="field__optional">(optional)</span>
              </label>
              <textarea id="reason" name="reason" rows={3} maxLength={REASON_MAX} />
            </div>
            <div className="actions">
              <button
                type="submit"
                className="button button--danger"
                disabled={navigation.state === 'submitting'}
              >
                Yes, cancel this visit
              </button>
              <a className="button button--quiet" href="/my-care">
                No, keep it
              </a>
            </div>
          </Form>
        </>
      ) : (
        <div className="alert alert--info">
          <p>
            {d.status === 'booked'
              ? 'This visit is less than a day away, so it cannot be cancelled online.'
              : 'This visit cannot be cancelled.'}{' '}
            To talk to us, please call <a href={`tel:${d.phone.replace(/[^+\d]/g, '')}`}>{d.phone}</a>.
          </p>
        </div>
      )}
    </div>
  );
}
