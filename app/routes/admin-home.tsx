import { Link } from 'react-router';
import { listCommentsAwaitingModeration } from '#services/content/article-comments.ts';
import { listContactMessages } from '#services/content/contact-messages.ts';
import { listOutboxMessages } from '#services/mail/list-outbox-messages.ts';
import { requireStaffRole } from '../staff-access.server';
import type { Route } from './+types/admin-home';

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const ctx = context.services;
  const [comments, messages, failed] = await Promise.all([
    listCommentsAwaitingModeration(ctx),
    listContactMessages(ctx, { status: 'new' }),
    listOutboxMessages(ctx, actor, { status: 'failed' }),
  ]);
  return { comments: comments.length, messages: messages.length, failed: failed.length };
}

export default function AdminHome({ loaderData: d }: Route.ComponentProps) {
  return (
    <div className="admin-grid">
      <section className="ws-panel" aria-labelledby="todo-title">
        <h2 id="todo-title">Waiting for you</h2>
        <ul className="admin-links">
          <li>
            <Link to="/admin/comments">
              {d.comments} comment{d.comments === 1 ? '' : 's'} to moderate
            </Link>
          </li>
          <li>
            <Link to="/admin/inbox">
              {d.messages} new contact message{d.messages === 1 ? '' : 's'}
            </Link>
          </li>
          <li>
            <Link to="/admin/outbox?status=failed">
              {d.failed} email{d.failed === 1 ? '' : 's'} that failed to send
            </Link>
          </li>
        </ul>
      </section>
      <section className="ws-panel" aria-labelledby="clinic-title">
        <h2 id="clinic-title">The clinic</h2>
        <ul className="admin-links">
          <li>
            <Link to="/admin/schedule">Practitioners’ working hours and time off</Link>
          </li>
          <li>
            <Link to="/admin/booking">Booking policy and appointment types</Link>
          </li>
        </ul>
        <p className="ws-hint">
          Changes take effect at once: patients booking online see the new hours and rules on their next
          search.
        </p>
      </section>
    </div>
  );
}
