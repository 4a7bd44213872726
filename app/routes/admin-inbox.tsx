import { data, Form, redirect, useActionData } from 'react-router';
import { RecordIdSchema } from '#contracts/ids.ts';
import { listContactMessages, markContactMessageHandled } from '#services/content/contact-messages.ts';
import { formatDateTimeIn } from '../clinic-time.server';
import { CsrfField } from '../components/csrf-field';
import { describeActionError, requireStaffRole } from '../staff-access.server';
import type { Route } from './+types/admin-inbox';

export function meta() {
  return [{ title: 'Contact inbox · Administration · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  requireStaffRole(context, request, 'admin');
  const tz = context.services.config.clinic.timeZone;
  const messages = await listContactMessages(context.services);
  return {
    messages: messages.map((m) => ({
      ...m,
      receivedAt: formatDateTimeIn(m.receivedAt, tz),
      handledAt: m.handledAt ? formatDateTimeIn(m.handledAt, tz) : null,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const form = await request.formData();
  const id = RecordIdSchema.safeParse(form.get('id'));
  if (!id.success) {
    return data({ error: 'The form did not name a valid message. Reload the page and try again.' }, 400);
  }
  try {
    await markContactMessageHandled(context.services, {
      messageId: id.data,
      staff: actor,
    });
    return redirect('/admin/inbox');
  } catch (error) {
    const { status, body } = describeActionError(error);
    return data({ error: body.error }, status);
  }
}

export default function AdminInbox({ loaderData: d }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  const fresh = d.messages.filter((m) => m.status === 'new');
  return (
    <section className="ws-panel" aria-labelledby="inbox-title">
      <h2 id="inbox-title">Contact inbox ({fresh.length} new)</h2>
      {result?.error ? (
        <p className="alert alert--error" role="alert">
          {result.error}
        </p>
      ) : null}
      {d.messages.length === 0 ? (
        <p className="ws-muted">No messages.</p>
      ) : (
        <ol className="admin-messages">
          {d.messages.map((m) => (
            <li key={m.id} className={m.status === 'new' ? 'is-new' : undefined}>
              <p>
                <strong>{m.name}</strong> · <a href={`mailto:${m.email}`}>{m.email}</a>
                {m.phone ? ` · ${m.phone}` : ''} · {m.subject} · received {m.receivedAt}
              </p>
              <p className="admin-messages__text">{m.message}</p>
              {m.source.landingPage || m.source.utmSource ? (
                <p className="ws-hint">
                  Came from {m.source.landingPage ?? 'an unknown page'}
                  {m.source.utmSource ? ` (campaign source: ${m.source.utmSource})` : ''}
                </p>
              ) : null}
              {m.status === 'new' ? (
                <Form method="post">
                  <CsrfField />
                  <input type="hidden" name="id" value={m.id} />
                  <button type="submit" className="ws-button ws-button--quiet">
                    Mark handled
                  </button>
                </Form>
              ) : (
                <p className="ws-hint">
                  <span aria-hidden="true">✓ </span>Handled {m.handledAt}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
