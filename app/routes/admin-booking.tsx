import { data, Form, redirect, useActionData, useNavigation } from 'react-router';
import {
  AppointmentTypeInputSchema,
  BookingPolicyInputSchema,
  NewAppointmentTypeInputSchema,
} from '#contracts/clinic-admin.ts';
import { listFieldErrors } from '#contracts/visit-notes.ts';
import {
  createAppointmentType,
  listAllAppointmentTypes,
  updateAppointmentType,
} from '#services/clinic/appointment-types.ts';
import { readBookingPolicy, updateBookingPolicy } from '#services/clinic/booking-policy.ts';
import { formatDateTimeIn } from '../clinic-time.server';
import { CsrfField } from '../components/csrf-field';
import { describeActionError, requireStaffRole } from '../staff-access.server';
import type { Route } from './+types/admin-booking';

export function meta() {
  return [
    { title: 'Booking policy and visit types · Administration · Backpoint' },
    { name: 'robots', content: 'noindex' },
  ];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const ctx = context.services;
  const [policy, types] = await Promise.all([
    readBookingPolicy(ctx, actor),
    listAllAppointmentTypes(ctx, actor),
  ]);
  return {
    policy: { ...policy, updatedAt: formatDateTimeIn(policy.updatedAt, ctx.config.clinic.timeZone) },
    types,
  };
}

type Result = {
  ok: boolean;
  intent: string;
  id?: string;
  message?: string;
  error?: string;
  fields?: Record<string, string>;
};

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const ctx = context.services;
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? '');
  const id = typeof form.id === 'string' ? form.id : undefined;
  const fail = (status: number, error: string, fields: Record<string, string> = {}) =>
    data<Result>({ ok: false, intent, ...(id ? { id } : {}), error, fields }, status);
  try {
    if (intent === 'policy') {
      const parsed = BookingPolicyInputSchema.safeParse(form);
      if (!parsed.success) return fail(422, 'Check the policy.', listFieldErrors(parsed.error));
      await updateBookingPolicy(ctx, actor, parsed.data);
      return data<Result>({
        ok: true,
        intent,
        message: 'Booking policy saved. Patients see the new rules at once.',
      });
    }
    if (intent === 'update-type' && id) {
      const parsed = AppointmentTypeInputSchema.safeParse(form);
      if (!parsed.success) return fail(422, 'Check the appointment type.', listFieldErrors(parsed.error));
      await updateAppointmentType(ctx, actor, id, parsed.data);
      return redirect('/admin/booking#types');
    }
    if (intent === 'create-type') {
      const parsed = NewAppointmentTypeInputSchema.safeParse(form);
      if (!parsed.success) return fail(422, 'Check the new appointment type.', listFieldErrors(parsed.error));
      await createAppointmentType(ctx, actor, parsed.data);
      return redirect('/admin/booking#types');
    }
    return fail(400, 'Unknown action.');
  } catch (error) {
    const { status, body } = describeActionError(error);
    return fail(status, body.error, body.fields);
  }
}

function FieldError({ message }: { message: string | undefined }) {
  return message ? <p className="field__error">{message}</p> : null;
}

export default function AdminBooking({ loaderData: d }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const policyFields = result?.intent === 'policy' && !result.ok ? (result.fields ?? {}) : {};
  return (
    <>
      <section id="policy" className="ws-panel" aria-labelledby="policy-title">
        <h2 id="policy-title">Booking policy</h2>
        <p className="ws-hint">Last changed {d.policy.updatedAt}. Applies to online booking by patients.</p>
        {result?.intent === 'policy' ? (
          <p
            className={`alert ${result.ok ? 'alert--info' : 'alert--error'}`}
            role={result.ok ? 'status' : 'alert'}
          >
            {result.ok ? result.message : result.error}
          </p>
        ) : null}
        <Form method="post" className="admin-form">
          <CsrfField />
          <div className="ws-grid">
            <div className="ws-field">
              <label htmlFor="policy-notice">Minimum notice (hours)</label>
              <input
                id="policy-notice"
                name="minimumNoticeHours"
                type="number"
                min={0}
                required
                defaultValue={d.policy.minimumNoticeHours}
              />
              <FieldError message={policyFields.minimumNoticeHours} />
            </div>
            <div className="ws-field">
              <label htmlFor="policy-ahead">Bookable up to (days ahead)</label>
              <input
                id="policy-ahead"
                name="maximumDaysAhead"
                type="number"
                min={1}
                required
                defaultValue={d.policy.maximumDaysAhead}
              />
              <FieldError message={policyFields.maximumDaysAhead} />
            </div>
            <div className="ws-field">
              <label htmlFor="policy-window">Patients may cancel or move up to (hours before)</label>
              <input
                id="policy-window"
                name="cancellationWindowHours"
                type="number"
                min={0}
                required
                defaultValue={d.policy.cancellationWindowHours}
              />
              <FieldError message={policyFields.cancellationWindowHours} />
            </div>
            <div className="ws-field">
              <label htmlFor="policy-grid">Start times every (minutes)</label>
              <input
                id="policy-grid"
                name="slotIntervalMinutes"
                type="number"
                min={5}
                max={120}
                required
                defaultValue={d.policy.slotIntervalMinutes}
              />
              <FieldError message={policyFields.slotIntervalMinutes} />
            </div>
          </div>
          <button type="submit" name="intent" value="policy" className="ws-button" disabled={busy}>
            Save booking policy
          </button>
        </Form>
      </section>

      <section id="types" className="ws-panel" aria-labelledby="types-title">
        <h2 id="types-title">Appointment types</h2>
        <p className="ws-hint">
          A type no longer bookable stays on past appointments. New types are offered by every practitioner.
        </p>
        {d.types.map((t) => {
          const fields =
            result?.intent === 'update-type' && result.id === t.id && !result.ok ? (result.fields ?? {}) : {};
          return (
            <Form method="post" key={t.id} className="admin-type" aria-label={`Appointment type ${t.name}`}>
              <CsrfField />
              <input type="hidden" name="id" value={t.id} />
              <h3>
                {t.name} <span className="ws-muted">({t.slug})</span>
              </h3>
              {result?.intent === 'update-type' && result.id === t.id && !result.ok ? (
                <p className="alert alert--error" role="alert">
                  {result.error}
                </p>
              ) : null}
              <TypeFields prefix={t.slug} values={t} fields={fields} />
              <button
                type="submit"
                name="intent"
                value="update-type"
                className="ws-button ws-button--quiet"
                disabled={busy}
              >
                Save {t.name}
              </button>
            </Form>
          );
        })}
        <details
          className="admin-new-type"
          open={result?.intent === 'create-type' && !result.ok ? true : undefined}
        >
          <summary>Add an appointment type</summary>
          <Form method="post">
            <CsrfField />
            {result?.intent === 'create-type' && !result.ok ? (
              <p className="alert alert--error" role="alert">
                {result.error}
              </p>
            ) : null}
            <div className="ws-field">
              <label htmlFor="new-slug">Short name for links (e.g. long-follow-up)</label>
              <input id="new-slug" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" />
              <FieldError message={result?.intent === 'create-type' ? result.fields?.slug : undefined} />
            </div>
            <TypeFields
              prefix="new"
              values={{
                name: '',
                description: '',
                durationMinutes: 45,
                bufferBeforeMinutes: 0,
                bufferAfterMinutes: 0,
                newPatientOnly: false,
                active: true,
              }}
              fields={result?.intent === 'create-type' && !result.ok ? (result.fields ?? {}) : {}}
            />
            <button type="submit" name="intent" value="create-type" className="ws-button" disabled={busy}>
              Add appointment type
            </button>
          </Form>
        </details>
      </section>
    </>
  );
}

function TypeFields({
  prefix,
  values,
  fields,
}: {
  prefix: string;
  values: {
    name: string;
    description: string;
    durationMinutes: number;
    bufferBeforeMinutes: number;
    bufferAfterMinutes: number;
    newPatientOnly: boolean;
    active: boolean;
  };
  fields: Record<string, string>;
}) {
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="ws-grid">
      <div className="ws-field">
        <label htmlFor={id('name')}>Name</label>
        <input id={id('name')} name="name" required defaultValue={values.name} />
        <FieldError message={fields.name} />
      </div>
      <div className="ws-field">
        <label htmlFor={id('duration')}>Length (minutes)</label>
        <input
          id={id('duration')}
          name="durationMinutes"
          type="number"
          min={5}
          max={480}
          required
          defaultValue={values.durationMinutes}
        />
        <FieldError message={fields.durationMinutes} />
      </div>
      <div className="ws-field">
        <label htmlFor={id('before')}>Time before (minutes)</label>
        <input
          id={id('before')}
          name="bufferBeforeMinutes"
          type="number"
          min={0}
          max={120}
          defaultValue={values.bufferBeforeMinutes}
        />
      </div>
      <div className="ws-field">
        <label htmlFor={id('after')}>Time after (minutes)</label>
        <input
          id={id('after')}
          name="bufferAfterMinutes"
          type="number"
          min={0}
          max={120}
          defaultValue={values.bufferAfterMinutes}
        />
      </div>
      <div className="ws-field ws-field--wide">
        <label htmlFor={id('description')}>Description (patients see this)</label>
        <input id={id('description')} name="description" maxLength={500} defaultValue={values.description} />
      </div>
      <p className="ws-check">
        <input type="checkbox" id={id('new')} name="newPatientOnly" defaultChecked={values.newPatientOnly} />
        <label htmlFor={id('new')}>New patients only</label>
      </p>
      <p className="ws-check">
        <input type="checkbox" id={id('active')} name="active" defaultChecked={values.active} />
        <label htmlFor={id('active')}>Patients can book it</label>
      </p>
    </div>
  );
}
