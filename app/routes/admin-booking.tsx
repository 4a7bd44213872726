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
  /** What a refused form sent, so each message sits next to the value it is about. */
  values?: Record<string, string>;
};

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const ctx = context.services;
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? '');
  const id = typeof form.id === 'string' ? form.id : undefined;
  const values = Object.fromEntries(
    Object.entries(form).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf'),
  );
  const fail = (status: number, error: string, fields: Record<string, string> = {}) =>
    data<Result>({ ok: false, intent, ...(id ? { id } : {}), error, fields, values }, status);
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
  // Only the form that was refused shows what it sent; every other form shows the saved values.
  const refusal = (intent: string) => (result && !result.ok && result.intent === intent ? result : null);
  const policyError = refusal('policy');
  const updateError = refusal('update-type');
  const createError = refusal('create-type');
  // A refused save of a type that is not on the page (a bad or stale id) has no form to sit in.
  const unlistedTypeError =
    updateError && !d.types.some((t) => t.id === updateError.id) ? updateError.error : null;
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
                defaultValue={policyError?.values?.[field.name] ?? d.policy[field.name]}
                error={policyError?.fields?.[field.name]}
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
          const typeError = updateError?.id === t.id ? updateError : null;
          return (
            <Form method="post" key={t.id} className="admin-type" aria-label={`Appointment type ${t.name}`}>
              <CsrfField />
              <input type="hidden" name="id" value={t.id} />
              <h3>
                {t.name} <span className="ws-muted">({t.slug})</span>
              </h3>
              {typeError ? (
                <p className="alert alert--error" role="alert">
                  {typeError.error}
                </p>
              ) : null}
              <TypeFields
                prefix={t.slug}
                values={typeError ? typeFieldsAsSent(typeError.values, t) : t}
                fields={typeError?.fields ?? {}}
              />
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
        <details className="admin-new-type" open={createError ? true : undefined}>
          <summary>Add an appointment type</summary>
          <Form method="post">
            <CsrfField />
            {createError ? (
              <p className="alert alert--error" role="alert">
                {createError.error}
              </p>
            ) : null}
            <WsInputField
              id="new-slug"
              name="slug"
              label="Short name for links (e.g. long-follow-up)"
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              defaultValue={createError?.values?.slug}
              error={createError?.fields?.slug}
            />
            <TypeFields
              prefix="new"
              values={createError ? typeFieldsAsSent(createError.values, NEW_TYPE) : NEW_TYPE}
              fields={createError?.fields ?? {}}
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

/** What the fields of one appointment type show: saved values, or (refused) what was sent. */
type TypeFieldValues = {
  name: string;
  description: string;
  durationMinutes: number | string;
  bufferBeforeMinutes: number | string;
  bufferAfterMinutes: number | string;
  newPatientOnly: boolean;
  active: boolean;
};

/** The new-type form before anything is typed. */
const NEW_TYPE: TypeFieldValues = {
  name: '',
  description: '',
  durationMinutes: 45,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  newPatientOnly: false,
  active: true,
};

/**
 * A refused type form as it was sent, so the admin keeps what they typed and each message sits under
 * the value it is about. A text field missing from the post (an edited form) shows `otherwise`; a
 * checkbox is sent only when ticked, so a missing one was unticked.
 */
function typeFieldsAsSent(
  sent: Record<string, string> | undefined,
  otherwise: TypeFieldValues,
): TypeFieldValues {
  const ticked = (name: string) => sent?.[name] === 'on' || sent?.[name] === 'true';
  return {
    name: sent?.name ?? otherwise.name,
    description: sent?.description ?? otherwise.description,
    durationMinutes: sent?.durationMinutes ?? otherwise.durationMinutes,
    bufferBeforeMinutes: sent?.bufferBeforeMinutes ?? otherwise.bufferBeforeMinutes,
    bufferAfterMinutes: sent?.bufferAfterMinutes ?? otherwise.bufferAfterMinutes,
    newPatientOnly: ticked('newPatientOnly'),
    active: ticked('active'),
  };
}

function TypeFields({
  prefix,
  values,
  fields,
}: {
  prefix: string;
  values: TypeFieldValues;
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
        maxLength={80}
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
