import { data, Form, redirect, useNavigation } from 'react-router';
import { Temporal } from 'temporal-polyfill';
import type { AppointmentDto } from '#contracts/booking.ts';
import { readBookingChoice, readChosenSlot } from '#contracts/booking-form.ts';
import { isRecordId } from '#contracts/ids.ts';
import { rescheduleAppointment } from '#services/booking/change-appointment.ts';
import { listMyAppointments } from '#services/booking/list-appointments.ts';
import { describeDayAndTimes } from '../booking-flow.server';
import { DayAndTimePicker, useVisitorTimeZone } from '../components/booking-parts';
import { CsrfField } from '../components/csrf-field';
import { describeRefusal, requirePatient } from '../patient-access.server';
import patientPagesHref from '../patient-pages.css?url';
import { describeWhen } from '../time-words.server';
import type { Route } from './+types/my-care-reschedule';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: patientPagesHref }];

export function meta() {
  return [{ title: 'Change the time of your visit · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

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

function canChange(appointment: AppointmentDto, now: Date): boolean {
  return (
    appointment.status === 'booked' &&
    Temporal.Instant.compare(
      Temporal.Instant.fromEpochMilliseconds(now.getTime()),
      Temporal.Instant.from(appointment.changeDeadline),
    ) < 0
  );
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { appointment } = await loadOwnAppointment(context, request, params.id);
  const url = new URL(request.url);
  const choice = readBookingChoice(url.searchParams);
  const clinicTimeZone = context.clinic.timeZone;
  const timeZone = choice.tz ?? clinicTimeZone;
  const path = `/my-care/appointments/${appointment.id}/reschedule`;
  const current = {
    title: `${appointment.appointmentTypeName} with ${appointment.practitionerName}`,
    when: describeWhen(appointment.start, timeZone, clinicTimeZone),
  };
  if (!canChange(appointment, context.services.clock.now())) {
    return { mode: 'closed' as const, current, clinicTimeZone, phone: context.clinic.phone };
  }
  const tzPairs: Array<[string, string]> = choice.tz ? [['tz', choice.tz]] : [];
  const slot = readChosenSlot({
    get: (name) =>
      name === 'type'
        ? appointment.appointmentType
        : name === 'practitioner'
          ? appointment.practitionerId
          : url.searchParams.get(name),
  });
  if (slot && slot.slotPractitioner === appointment.practitionerId) {
    const when = describeWhen(slot.start, timeZone, clinicTimeZone);
    return {
      mode: 'confirm' as const,
      current,
      clinicTimeZone,
      proposed: { start: slot.start, when },
      backHref: `${path}?${new URLSearchParams([...tzPairs, ['week', when.iso.slice(0, 10)], ['day', when.iso.slice(0, 10)]]).toString()}`,
      tz: choice.tz ?? null,
    };
  }
  const view = await describeDayAndTimes(context.services, {
    appointmentType: appointment.appointmentType,
    practitioner: appointment.practitionerId,
    timeZone,
    clinicTimeZone,
    week: choice.week,
    day: choice.day,
  });
  const dayPairs = tzPairs;
  const link = (week: string) => `${path}?${new URLSearchParams([...dayPairs, ['week', week]]).toString()}`;
  return {
    mode: 'choose' as const,
    current,
    clinicTimeZone,
    path,
    view,
    zoneHidden: [
      ...(choice.week ? [['week', choice.week]] : []),
      ...(choice.day ? [['day', choice.day]] : []),
    ] as Array<[string, string]>,
    dayHidden: [...dayPairs, ['week', view.weekStart]] as Array<[string, string]>,
    timeHidden: dayPairs,
    previousWeekHref: view.previousWeek ? link(view.previousWeek) : null,
    nextWeekHref: view.nextWeek ? link(view.nextWeek) : null,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const { actor, appointment } = await loadOwnAppointment(context, request, params.id);
  const form = await request.formData();
  const start = form.get('start');
  if (typeof start !== 'string') return data({ error: 'Please choose a new time.' }, 400);
  try {
    await rescheduleAppointment(context.services, actor, appointment.id, start);
  } catch (error) {
    const refusal = describeRefusal(error);
    const message =
      refusal.code === 'slot_taken'
        ? 'Someone else has just booked that time, so your visit has not moved. Please choose another time.'
        : refusal.message;
    return data({ error: message }, refusal.status);
  }
  return redirect('/my-care?changed=rescheduled');
}

export default function Reschedule({ loaderData, actionData }: Route.ComponentProps) {
  useVisitorTimeZone(loaderData.clinicTimeZone);
  const navigation = useNavigation();
  const d = loaderData;
  return (
    <div className="page booking">
      <p>
        <a href="/my-care">← Back to My care</a>
      </p>
      <h1>Change the time of your visit</h1>
      <p className="current-visit">
        <strong>Now:</strong> {d.current.title}, {d.current.when.day} at {d.current.when.time}{' '}
        <span className="muted">({d.current.when.zone})</span>
      </p>
      {actionData?.error ? (
        <div className="alert alert--info" role="alert">
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {d.mode === 'closed' ? (
        <div className="alert alert--info">
          <p>
            This visit can no longer be changed online. To change it, please call us on{' '}
            <a href={`tel:${d.phone.replace(/[^+\d]/g, '')}`}>{d.phone}</a>.
          </p>
        </div>
      ) : null}
      {d.mode === 'confirm' ? (
        <section aria-labelledby="confirm-heading" className="narrow-block">
          <h2 id="confirm-heading">Move it to this time?</h2>
          <p className="proposed">
            <time dateTime={d.proposed.when.iso}>
              {d.proposed.when.day} at {d.proposed.when.time}
            </time>{' '}
            <span className="muted">({d.proposed.when.zone})</span>
            {d.proposed.when.elsewhere ? <span className="muted"> — {d.proposed.when.elsewhere}</span> : null}
          </p>
          <p>Your old time is given up only once the new one is booked.</p>
          <Form method="post" className="actions">
            <CsrfField />
            <input type="hidden" name="start" value={d.proposed.start} />
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>
              Yes, move my visit
            </button>
            <a className="button button--quiet" href={d.backHref}>
              Choose another time
            </a>
          </Form>
        </section>
      ) : null}
      {d.mode === 'choose' ? (
        <DayAndTimePicker
          view={d.view}
          path={d.path}
          zoneHidden={d.zoneHidden}
          dayHidden={d.dayHidden}
          timeHidden={d.timeHidden}
          timeAction={d.path}
          previousWeekHref={d.previousWeekHref}
          nextWeekHref={d.nextWeekHref}
          afterTimes="Choosing a time does not move your visit yet: you will confirm first."
        />
      ) : null}
    </div>
  );
}
