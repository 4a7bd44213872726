import { data, Form, redirect, useActionData } from 'react-router';
import { ArticleEditFormSchema } from '#contracts/content.ts';
import { findArticleForEditing, reviseArticle } from '#services/content/articles.ts';
import { CsrfField } from '../components/csrf-field';
import { FormField } from '../components/form-field';
import { describeActionError, requireStaffRole, toRouteError } from '../staff-access.server';
import type { Route } from './+types/admin-article-edit';

// The admin's article editor (issue 7): text, review date and reviewer, draft or published.
// A published change shows on the public page at once (the page cache hears of it).

export function meta() {
  return [{ title: 'Edit article · Administration · Backpoint' }, { name: 'robots', content: 'noindex' }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  try {
    const saved = new URL(request.url).searchParams.has('saved');
    return { article: await findArticleForEditing(context.services, actor, params.slug), saved };
  } catch (error) {
    throw toRouteError(error);
  }
}

type ActionResult = { fields?: Record<string, string>; error?: string; values?: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireStaffRole(context, request, 'admin');
  const form = await request.formData();
  const values = Object.fromEntries(
    ['title', 'summary', 'body', 'reviewedOn', 'reviewer', 'status'].map((k) => [
      k,
      String(form.get(k) ?? ''),
    ]),
  );
  const parsed = ArticleEditFormSchema.safeParse(values);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return data<ActionResult>({ fields, values }, 400);
  }
  try {
    await reviseArticle(context.services, actor, params.slug, parsed.data);
  } catch (error) {
    const { status, body } = describeActionError(error);
    return data<ActionResult>({ error: body.error, values }, status);
  }
  return redirect(`/admin/articles/${params.slug}?saved=1`);
}

export default function AdminArticleEdit({ loaderData: d }: Route.ComponentProps) {
  const result = useActionData<typeof action>();
  const values = { ...d.article, ...(result?.values ?? {}) };
  const fields = result?.fields ?? {};
  return (
    <section className="ws-panel" aria-labelledby="edit-title">
      <h2 id="edit-title">Edit “{d.article.title}”</h2>
      <p className="ws-hint">
        Public page: <a href={`/articles/${d.article.slug}`}>/articles/{d.article.slug}</a>
      </p>
      {d.saved && !result ? (
        <p className="alert" role="status">
          Saved.
        </p>
      ) : null}
      {result?.error ? (
        <p className="alert alert--error" role="alert">
          {result.error}
        </p>
      ) : null}
      <Form method="post" className="ws-form">
        <CsrfField />
        <FormField name="title" label="Title" required defaultValue={values.title} error={fields.title} />
        <FormField
          name="summary"
          label="Summary"
          required
          rows={3}
          defaultValue={values.summary}
          error={fields.summary}
        />
        <FormField
          name="body"
          label="Text"
          required
          rows={24}
          defaultValue={values.body}
          error={fields.body}
          hint="Markdown: ## headings, - lists, **bold**, [links](/articles/...). No HTML."
        />
        <FormField
          name="reviewedOn"
          label="Reviewed on"
          type="date"
          required
          defaultValue={values.reviewedOn}
          error={fields.reviewedOn}
        />
        <FormField
          name="reviewer"
          label="Reviewed by"
          required
          defaultValue={values.reviewer}
          error={fields.reviewer}
        />
        <fieldset className="ws-field">
          <legend>Status</legend>
          {(['published', 'draft'] as const).map((status) => (
            <label key={status} className="ws-radio">
              <input type="radio" name="status" value={status} defaultChecked={values.status === status} />{' '}
              {status === 'published' ? 'Published: on the public site' : 'Draft: hidden from the public'}
            </label>
          ))}
          {fields.status ? <p className="field-error">{fields.status}</p> : null}
        </fieldset>
        <button type="submit" className="ws-button">
          Save
        </button>
      </Form>
    </section>
  );
}
