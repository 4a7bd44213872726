import { Link } from 'react-router';
import { listArticlesForEditing } from '#services/content/articles.ts';
import { formatLongDate } from '../format';
import { requireStaffRole, toRouteError } from '../staff-access.server';
import type { Route } from './+types/admin-articles';

export function meta() {
  return [{ title: 'Articles · Administration · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  try {
    const articles = await listArticlesForEditing(context.services, actor);
    return { articles: articles.map((a) => ({ ...a, reviewedOn: formatLongDate(a.reviewedOn) })) };
  } catch (error) {
    throw toRouteError(error);
  }
}

export default function AdminArticles({ loaderData: d }: Route.ComponentProps) {
  return (
    <section className="ws-panel" aria-labelledby="articles-title">
      <h2 id="articles-title">Articles</h2>
      <p className="ws-hint">Edit the wording, the review date and reviewer, and publish or unpublish.</p>
      <table className="ws-table">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Reviewed</th>
          </tr>
        </thead>
        <tbody>
          {d.articles.map((a) => (
            <tr key={a.slug}>
              <td>
                <Link to={`/admin/articles/${a.slug}`}>{a.title}</Link>
              </td>
              <td>{a.status === 'published' ? 'Published' : 'Draft'}</td>
              <td>{a.reviewedOn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
