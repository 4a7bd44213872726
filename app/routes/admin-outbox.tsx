import { Form, Link } from 'react-router';
import {
  listOutboxMessages,
  OUTBOX_STATUSES,
  type OutboxStatus,
} from '#services/mail/list-outbox-messages.ts';
import { formatDateTimeIn } from '../clinic-time.server';
import { OUTBOX_STATUS_WORDS, StatusPill } from '../components/admin/status-pill';
import { requireStaffRole } from '../staff-access.server';
import type { Route } from './+types/admin-outbox';

export function meta() {
  return [{ title: 'Sent mail · Administration · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const ctx = context.services;
  const tz = ctx.config.clinic.timeZone;
  const requested = new URL(request.url).searchParams.get('status');
  const status = (OUTBOX_STATUSES as readonly string[]).includes(requested ?? '')
    ? (requested as OutboxStatus)
    : undefined;
  const messages = await listOutboxMessages(ctx, actor, { status });
  return {
    status: status ?? '',
    messages: messages.map((m) => ({
      ...m,
      createdAt: formatDateTimeIn(m.createdAt, tz),
      sentAt: m.sentAt ? formatDateTimeIn(m.sentAt, tz) : null,
      nextAttemptAt: m.nextAttemptAt ? formatDateTimeIn(m.nextAttemptAt, tz) : null,
    })),
  };
}

export default function AdminOutbox({ loaderData: d }: Route.ComponentProps) {
  return (
    <section className="ws-panel" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Sent mail</h2>
      <p className="ws-hint">
        Every email the clinic sends (confirmations, changes, cancellations, reminders, account emails),
        newest first. Read-only: failed messages are retried automatically at the time shown.
      </p>
      <Form method="get" className="inline-form">
        <label htmlFor="outbox-status">Show</label>
        <select id="outbox-status" name="status" defaultValue={d.status}>
          <option value="">All messages</option>
          {OUTBOX_STATUSES.map((s) => (
            <option key={s} value={s}>
              {OUTBOX_STATUS_WORDS[s]}
            </option>
          ))}
        </select>
        <button type="submit" className="ws-button ws-button--quiet">
          Filter
        </button>
      </Form>
      {d.messages.length === 0 ? (
        <p className="ws-muted">No messages.</p>
      ) : (
        <div className="ws-table-wrap">
          <table className="ws-table">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Kind</th>
                <th scope="col">To</th>
                <th scope="col">Subject</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
                <th scope="col">Next try / sent</th>
              </tr>
            </thead>
            <tbody>
              {d.messages.map((m) => (
                <tr key={m.id}>
                  <td>{m.createdAt}</td>
                  <td>{m.kind}</td>
                  <td>{m.recipient}</td>
                  <td>
                    <Link to={`/admin/outbox/${m.id}`}>{m.subject}</Link>
                  </td>
                  <td>
                    <StatusPill status={m.status} />
                  </td>
                  <td>
                    {m.attempts} of {m.maxAttempts}
                  </td>
                  <td>{m.lastError ?? '—'}</td>
                  <td>{m.status === 'sent' ? m.sentAt : (m.nextAttemptAt ?? '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
