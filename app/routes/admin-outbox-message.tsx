import { Link } from 'react-router';
import { readOutboxMessage } from '#services/mail/list-outbox-messages.ts';
import { formatDateTimeIn } from '../clinic-time.server';
import { StatusPill } from '../components/admin/status-pill';
import { requireRecordIdParam, requireStaffRole, toRouteError } from '../staff-access.server';
import type { Route } from './+types/admin-outbox-message';

export function meta() {
  return [{ title: 'Message · Sent mail · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const id = requireRecordIdParam(params.id);
  const tz = context.services.config.clinic.timeZone;
  try {
    const m = await readOutboxMessage(context.services, actor, id);
    return {
      ...m,
      createdAt: formatDateTimeIn(m.createdAt, tz),
      sentAt: m.sentAt ? formatDateTimeIn(m.sentAt, tz) : null,
      nextAttemptAt: m.nextAttemptAt ? formatDateTimeIn(m.nextAttemptAt, tz) : null,
    };
  } catch (error) {
    throw toRouteError(error);
  }
}

export default function AdminOutboxMessage({ loaderData: m }: Route.ComponentProps) {
  return (
    <section className="ws-panel" aria-labelledby="message-title">
      <p>
        <Link to="/admin/outbox">← All sent mail</Link>
      </p>
      <h2 id="message-title">{m.subject}</h2>
      <dl className="intake-list">
        <div>
          <dt>To</dt>
          <dd>{m.recipient}</dd>
        </div>
        <div>
          <dt>Kind</dt>
          <dd>{m.kind}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <StatusPill status={m.status} /> ({m.attempts} of {m.maxAttempts} attempts)
          </dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{m.createdAt}</dd>
        </div>
        {m.sentAt ? (
          <div>
            <dt>Sent</dt>
            <dd>
              {m.sentAt} {m.transport ? `(${m.transport})` : ''}
            </dd>
          </div>
        ) : null}
        {m.nextAttemptAt && m.status !== 'sent' ? (
          <div>
            <dt>Next try</dt>
            <dd>{m.nextAttemptAt}</dd>
          </div>
        ) : null}
        {m.lastError ? (
          <div>
            <dt>Last error</dt>
            <dd>{m.lastError}</dd>
          </div>
        ) : null}
      </dl>
      <h3>Text</h3>
      <RawText label="Text of the message" text={m.bodyText} />
      <h3>Stored raw message</h3>
      {m.rawMessage ? (
        <RawText label="Stored raw message" text={m.rawMessage} />
      ) : (
        <p className="ws-muted">Not sent yet: the raw message is stored once it is sent.</p>
      )}
      {m.calendarFile ? (
        <details>
          <summary>Calendar file</summary>
          <RawText label="Calendar file" text={m.calendarFile} />
        </details>
      ) : null}
    </section>
  );
}

/**
 * Stored text as it is, in a named box that scrolls when it is long: the box takes focus, so a
 * keyboard user can scroll it too (WCAG 2.1.1).
 */
function RawText({ label, text }: { label: string; text: string }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard
    <section className="admin-raw" tabIndex={0} aria-label={label}>
      <pre>{text}</pre>
    </section>
  );
}
