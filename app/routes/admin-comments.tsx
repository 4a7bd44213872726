import { data, Form, redirect, useActionData } from 'react-router';
import { RecordIdSchema } from '#contracts/ids.ts';
import {
  listCommentsAwaitingModeration,
  moderateArticleComment,
} from '#services/content/article-comments.ts';
import { formatDateTimeIn } from '../clinic-time.server';
import { CsrfField } from '../components/csrf-field';
import { describeActionError, requireStaffRole } from '../staff-access.server';
import type { Route } from './+types/admin-comments';

export function meta() {
  return [{ title: 'Comments · Administration · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  requireStaffRole(context, request, 'admin');
  const tz = context.services.config.clinic.timeZone;
  const comments = await listCommentsAwaitingModeration(context.services);
  return { comments: comments.map((c) => ({ ...c, createdAt: formatDateTimeIn(c.createdAt, tz) })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const form = await request.formData();
  const decision = form.get('decision') === 'approved' ? 'approved' : 'rejected';
  const id = RecordIdSchema.safeParse(form.get('id'));
  if (!id.success) {
    return data({ error: 'The form did not name a valid comment. Reload the page and try again.' }, 400);
  }
  try {
    await moderateArticleComment(context.services, {
      commentId: id.data,
      decision,
      moderator: actor,
    });
    return redirect('/admin/comments');
  } catch (error) {
    const { status, body } = describeActionError(error);
    return data({ error: body.error }, status);
  }
}

export default function AdminComments({ loaderData: d }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  return (
    <section className="ws-panel" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments awaiting moderation ({d.comments.length})</h2>
      <p className="ws-hint">
        Nothing is shown on the site until it is approved. Reject anything that gives medical advice or names
        people.
      </p>
      {result?.error ? (
        <p className="alert alert--error" role="alert">
          {result.error}
        </p>
      ) : null}
      {d.comments.length === 0 ? (
        <p className="ws-muted">Nothing to moderate.</p>
      ) : (
        <ol className="admin-messages">
          {d.comments.map((c) => (
            <li key={c.id}>
              <p>
                <strong>{c.authorName}</strong> on <a href={`/articles/${c.articleSlug}`}>{c.articleTitle}</a>{' '}
                · {c.createdAt}
              </p>
              <p className="admin-messages__text">{c.body}</p>
              <Form method="post" className="inline-form">
                <CsrfField />
                <input type="hidden" name="id" value={c.id} />
                <button type="submit" name="decision" value="approved" className="ws-button ws-button--quiet">
                  Approve
                </button>
                <button type="submit" name="decision" value="rejected" className="ws-button ws-button--quiet">
                  Reject
                </button>
              </Form>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
