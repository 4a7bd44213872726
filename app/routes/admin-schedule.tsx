import type { ReactNode } from 'react';
import { data, Form, redirect, useActionData, useNavigation } from 'react-router';
import { TimeOffInputSchema, WorkingHoursInputSchema } from '#contracts/clinic-admin.ts';
import { RecordIdSchema } from '#contracts/ids.ts';
import { listFieldErrors } from '#contracts/visit-notes.ts';
import { listPractitioners } from '#services/clinic/list-practitioners.ts';
import { addTimeOff, listUpcomingTimeOff, removeTimeOff } from '#services/clinic/time-off.ts';
import { addWorkingHours, listWorkingHours, removeWorkingHours } from '#services/clinic/working-hours.ts';
import { formatDateTimeIn } from '../clinic-time.server';
import { CsrfField } from '../components/csrf-field';
import { WsInputField, WsSelectField } from '../components/ws-field';
import { formatClockTime } from '../format';
import { describeActionError, requireStaffRole } from '../staff-access.server';
import type { Route } from './+types/admin-schedule';

export function meta() {
  return [
    { title: 'Hours and time off · Administration · Backpoint' },
    { name: 'robots', content: 'noindex' },
  ];
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
// The form posts ISO weekday numbers (Monday = 1).
const WEEKDAY_OPTIONS = WEEKDAYS.map((name, i) => ({ value: String(i + 1), label: name }));

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const ctx = context.services;
  const tz = ctx.config.clinic.timeZone;
  const [team, hours, timeOff] = await Promise.all([
    listPractitioners(ctx),
    listWorkingHours(ctx, actor),
    listUpcomingTimeOff(ctx, actor),
  ]);
  return {
    timeZone: tz,
    practitioners: team.map((p) => ({
      id: p.id,
      name: p.displayName,
      days: WEEKDAYS.map((name, i) => ({
        name,
        weekday: i + 1,
        ranges: hours
          .filter((h) => h.practitionerId === p.id && h.weekday === i + 1)
          .map((h) => ({ id: h.id, label: `${formatClockTime(h.startsAt)}–${formatClockTime(h.endsAt)}` })),
      })),
    })),
    timeOff: timeOff.map((t) => ({
      id: t.id,
      practitioner: team.find((p) => p.id === t.practitionerId)?.displayName ?? 'Former practitioner',
      from: formatDateTimeIn(t.startAt, tz),
      to: formatDateTimeIn(t.endAt, tz),
      reason: t.reason,
    })),
  };
}

type Result = {
  ok: boolean;
  intent: string;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
  /** What a refused form sent, so each message sits next to the value it is about. */
  values?: Record<string, string>;
};

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const ctx = context.services;
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? '');
  const values = Object.fromEntries(
    Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'),
  );
  const fail = (status: number, error: string, fields: Record<string, string> = {}) =>
    data<Result>({ ok: false, intent, error, fields, values }, status);
  try {
    if (intent === 'add-hours') {
      const parsed = WorkingHoursInputSchema.safeParse(form);
      if (!parsed.success) return fail(422, 'Check the hours.', listFieldErrors(parsed.error));
      await addWorkingHours(ctx, actor, parsed.data);
      return redirect('/admin/schedule#hours');
    }
    if (intent === 'remove-hours') {
      const id = RecordIdSchema.safeParse(form.id);
      if (!id.success) {
        return fail(400, 'The form did not name valid hours to remove. Reload the page and try again.');
      }
      await removeWorkingHours(ctx, actor, id.data);
      return redirect('/admin/schedule#hours');
    }
    if (intent === 'add-time-off') {
      const parsed = TimeOffInputSchema.safeParse(form);
      if (!parsed.success) return fail(422, 'Check the time off.', listFieldErrors(parsed.error));
      const added = await addTimeOff(ctx, actor, parsed.data);
      return data<Result>({
        ok: true,
        intent,
        message:
          added.clashingAppointments > 0
            ? `Time off added. ${added.clashingAppointments} booked appointment(s) fall inside it: move or cancel them.`
            : 'Time off added. Those times are no longer offered to patients.',
      });
    }
    if (intent === 'remove-time-off') {
      const id = RecordIdSchema.safeParse(form.id);
      if (!id.success) {
        return fail(400, 'The form did not name valid time off to remove. Reload the page and try again.');
      }
      await removeTimeOff(ctx, actor, id.data);
      return redirect('/admin/schedule#time-off');
    }
    return fail(400, 'Unknown action.');
  } catch (error) {
    const { status, body } = describeActionError(error);
    return fail(status, body.error, body.fields);
  }
}

export default function AdminSchedule({ loaderData: d }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const errorFor = (intent: string) => (result && !result.ok && result.intent === intent ? result : null);
  const hoursError = errorFor('add-hours');
  const offError = errorFor('add-time-off');
  return (
    <>
      <section id="hours" className="ws-panel" aria-labelledby="hours-title">
        <h2 id="hours-title">Working hours</h2>
        <p className="ws-hint">
          Times are clinic time ({d.timeZone}). Patients can book only inside these hours.
        </p>
        {errorFor('remove-hours') ? (
          <p className="alert alert--error" role="alert">
            {errorFor('remove-hours')?.error}
          </p>
        ) : null}
        <div className="ws-table-wrap">
          <table className="ws-table">
            <thead>
              <tr>
                <th scope="col">Practitioner</th>
                {d.practitioners[0]?.days.map((day) => (
                  <th scope="col" key={day.name}>
                    {day.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.practitioners.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  {p.days.map((day) => (
                    <td key={day.name}>
                      {day.ranges.length === 0 ? (
                        <span className="ws-muted">Closed</span>
                      ) : (
                        day.ranges.map((r) => (
                          <Form method="post" key={r.id} className="inline-form">
                            <CsrfField />
                            <input type="hidden" name="id" value={r.id} />
                            <span>{r.label}</span>
                            <button
                              type="submit"
                              name="intent"
                              value="remove-hours"
                              className="ws-button ws-button--link"
                              aria-label={`Remove ${p.name}’s hours on ${day.name}, ${r.label}`}
                            >
                              Remove
                            </button>
                          </Form>
                        ))
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>Add hours</h3>
        <AddForm intent="add-hours" label="Add hours" refusal={hoursError?.error} busy={busy}>
          <div className="ws-grid">
            <PractitionerSelect
              id="hours-practitioner"
              practitioners={d.practitioners}
              defaultValue={hoursError?.values?.practitionerId}
              error={hoursError?.fields?.practitionerId}
            />
            <WsSelectField
              id="hours-weekday"
              name="weekday"
              label="Day"
              defaultValue={hoursError?.values?.weekday ?? '1'}
              options={WEEKDAY_OPTIONS}
              error={hoursError?.fields?.weekday}
            />
            <WsInputField
              id="hours-start"
              name="startsAt"
              label="From"
              type="time"
              step={900}
              required
              defaultValue={hoursError?.values?.startsAt ?? '09:00'}
              error={hoursError?.fields?.startsAt}
            />
            <WsInputField
              id="hours-end"
              name="endsAt"
              label="To"
              type="time"
              step={900}
              required
              defaultValue={hoursError?.values?.endsAt ?? '17:00'}
              error={hoursError?.fields?.endsAt}
            />
          </div>
        </AddForm>
      </section>

      <section id="time-off" className="ws-panel" aria-labelledby="off-title">
        <h2 id="off-title">Time off</h2>
        {result?.ok && result.intent === 'add-time-off' ? (
          <p className="alert alert--info" role="status">
            {result.message}
          </p>
        ) : null}
        {errorFor('remove-time-off') ? (
          <p className="alert alert--error" role="alert">
            {errorFor('remove-time-off')?.error}
          </p>
        ) : null}
        {d.timeOff.length === 0 ? (
          <p className="ws-muted">No time off ahead.</p>
        ) : (
          <table className="ws-table">
            <thead>
              <tr>
                <th scope="col">Practitioner</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Reason</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {d.timeOff.map((t) => (
                <tr key={t.id}>
                  <td>{t.practitioner}</td>
                  <td>{t.from}</td>
                  <td>{t.to}</td>
                  <td>{t.reason || '—'}</td>
                  <td>
                    <Form method="post">
                      <CsrfField />
                      <input type="hidden" name="id" value={t.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="remove-time-off"
                        className="ws-button ws-button--link"
                      >
                        Remove
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>Add time off</h3>
        <AddForm intent="add-time-off" label="Add time off" refusal={offError?.error} busy={busy}>
          <div className="ws-grid">
            <PractitionerSelect
              id="off-practitioner"
              practitioners={d.practitioners}
              defaultValue={offError?.values?.practitionerId}
              error={offError?.fields?.practitionerId}
            />
            <WsInputField
              id="off-start"
              name="startLocal"
              label="From"
              type="datetime-local"
              required
              defaultValue={offError?.values?.startLocal}
              error={offError?.fields?.startLocal}
            />
            <WsInputField
              id="off-end"
              name="endLocal"
              label="To"
              type="datetime-local"
              required
              defaultValue={offError?.values?.endLocal}
              error={offError?.fields?.endLocal}
            />
            <WsInputField
              id="off-reason"
              name="reason"
              label="Reason (staff only)"
              maxLength={200}
              defaultValue={offError?.values?.reason}
              error={offError?.fields?.reason}
            />
          </div>
        </AddForm>
      </section>
    </>
  );
}

/** A form that adds a row: the refusal (if any) above its fields, one submit button naming the intent. */
function AddForm({
  intent,
  label,
  refusal,
  busy,
  children,
}: {
  intent: string;
  label: string;
  refusal: string | undefined;
  busy: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post" className="admin-form">
      <CsrfField />
      {refusal ? (
        <p className="alert alert--error" role="alert">
          {refusal}
        </p>
      ) : null}
      {children}
      <button type="submit" name="intent" value={intent} className="ws-button" disabled={busy}>
        {label}
      </button>
    </Form>
  );
}

function PractitionerSelect({
  id,
  practitioners,
  defaultValue,
  error,
}: {
  id: string;
  practitioners: { id: string; name: string }[];
  /** The practitioner a refused form was sent with. */
  defaultValue: string | undefined;
  error: string | undefined;
}) {
  return (
    <WsSelectField
      id={id}
      name="practitionerId"
      label="Practitioner"
      required
      defaultValue={defaultValue}
      options={practitioners.map((p) => ({ value: p.id, label: p.name }))}
      error={error}
    />
  );
}
