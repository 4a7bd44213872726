import { data, Form, redirect, useActionData, useNavigation } from 'react-router';
import {
  AppointmentTypeInputSchema,
  type BookingPolicyInput,
  BookingPolicyInputSchema,
  NewAppointmentTypeInputSchema,
} from '#contracts/clinic-admin.ts';
import { RecordIdSchema } from '#contracts/ids.ts';
import { listFieldErrors } from '#contracts/visit-notes.ts';
import {
  createAppointmentType,
  listAllAppointmentTypes,
  updateAppointmentType,
} from '#services/clinic/appointment-types.ts';
import { readBookingPolicy, updateBookingPolicy } from '#services/clinic/booking-policy.ts';
import { formatDateTimeIn } from '../clinic-time.server';
import { CsrfField } from '../components/csrf-field';
import { WsInputField } from '../components/ws-field';
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
    if (intent === 'update-type') {
      const typeId = RecordIdSchema.safeParse(id);
      if (!typeId.success) {
        return fail(400, 'The form did not name a valid appointment type. Reload the page and try again.');
      }
      const parsed = AppointmentTypeInputSchema.safeParse(form);
      if (!parsed.success) return fail(422, 'Check the appointment type.', listFieldErrors(parsed.error));
      await updateAppointmentType(ctx, actor, typeId.data, parsed.data);
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

// The policy form, in the order shown: every setting is a whole number of hours, days or minutes, and
// `min`/`max` mirror BookingPolicyInputSchema so the browser refuses out-of-range values before posting.
const POLICY_FIELDS: readonly {
  id: string;
  name: keyof BookingPolicyInput;
  label: string;
  min: number;
  max?: number;
}[] = [
  { id: 'policy-notice', name: 'minimumNoticeHours', label: 'Minimum notice (hours)', min: 0 },
  { id: 'policy-ahead', name: 'maximumDaysAhead', label: 'Bookable up to (days ahead)', min: 1 },
  {
    id: 'policy-window',
    name: 'cancellationWindowHours',
    label: 'Patients may cancel or move up to (hours before)',
    min: 0,
  },
  { id: 'policy-grid', name: 'slotIntervalMinutes', label: 'Start times every (minutes)', min: 5, max: 120 },
];

export default function AdminBooking({ loaderData: d }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const policyFields = result?.intent === 'policy' && !result.ok ? (result.fields ?? {}) : {};
  // A refused save of a type that is not on the page (a bad or stale id) has no form to sit in.
  const unlistedTypeError =
    result?.intent === 'update-type' && !result.ok && !d.types.some((t) => t.id === result.id)
      ? result.error
      : null;
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
            {POLICY_FIELDS.map((field) => (
              <WsInputField
                key={field.name}
                id={field.id}
                name={field.name}
                label={field.label}
                type="number"
                min={field.min}
                max={field.max}
                required
                defaultValue={d.policy[field.name]}
                error={policyFields[field.name]}
              />
            ))}
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
        {unlistedTypeError ? (
          <p className="alert alert--error" role="alert">
            {unlistedTypeError}
          </p>
        ) : null}
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
            <WsInputField
              id="new-slug"
              name="slug"
              label="Short name for links (e.g. long-follow-up)"
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              error={result?.intent === 'create-type' ? result.fields?.slug : undefined}
            />
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
      <WsInputField
        id={id('name')}
        name="name"
        label="Name"
        required
        defaultValue={values.name}
        error={fields.name}
      />
      <WsInputField
        id={id('duration')}
        name="durationMinutes"
        label="Length (minutes)"
        type="number"
        min={5}
        max={480}
        required
        defaultValue={values.durationMinutes}
        error={fields.durationMinutes}
      />
      {BUFFER_FIELDS.map((buffer) => (
        <WsInputField
          key={buffer.name}
          id={id(buffer.id)}
          name={buffer.name}
          label={buffer.label}
          type="number"
          min={0}
          max={120}
          defaultValue={values[buffer.name]}
          error={fields[buffer.name]}
        />
      ))}
      <WsInputField
        id={id('description')}
        name="description"
        label="Description (patients see this)"
        wide
        maxLength={500}
        defaultValue={values.description}
        error={fields.description}
      />
      <CheckField
        id={id('new')}
        name="newPatientOnly"
        label="New patients only"
        checked={values.newPatientOnly}
      />
      <CheckField id={id('active')} name="active" label="Patients can book it" checked={values.active} />
    </div>
  );
}

// The time blocked before and after a visit of this type (setting up, writing up): the same 0-120
// minutes on both sides, as in AppointmentTypeInputSchema.
const BUFFER_FIELDS = [
  { id: 'before', name: 'bufferBeforeMinutes', label: 'Time before (minutes)' },
  { id: 'after', name: 'bufferAfterMinutes', label: 'Time after (minutes)' },
] as const;

/** A yes/no setting: the form sends the field only when ticked (see `checkbox` in the contract). */
function CheckField({
  id,
  name,
  label,
  checked,
}: {
  id: string;
  name: string;
  label: string;
  checked: boolean;
}) {
  return (
    <p className="ws-check">
      <input type="checkbox" id={id} name={name} defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </p>
  );
}
