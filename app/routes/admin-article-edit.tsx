import { data, Form, redirect, useActionData } from 'react-router';
import { ArticleEditFormSchema } from '#contracts/content.ts';
import { findArticleForEditing, reviseArticle } from '#services/content/articles.ts';
import { CsrfField } from '../components/csrf-field';
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

function Field(props: {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  multiline?: boolean;
  type?: string;
  hint?: string;
}) {
  const describedBy = [props.hint ? `${props.name}-hint` : '', props.error ? `${props.name}-error` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id: props.name,
    name: props.name,
    defaultValue: props.value,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy || undefined,
    required: true,
  };
  return (
    <div className="ws-field">
      <label htmlFor={props.name}>{props.label}</label>
      {props.hint ? (
        <p className="ws-hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? (
        <textarea rows={props.name === 'body' ? 24 : 3} {...common} />
      ) : (
        <input type={props.type ?? 'text'} {...common} />
      )}
      {props.error ? (
        <p className="field-error" id={`${props.name}-error`}>
          {props.error}
        </p>
      ) : null}
    </div>
  );
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
        <Field name="title" label="Title" value={values.title} error={fields.title} />
        <Field name="summary" label="Summary" value={values.summary} error={fields.summary} multiline />
        <Field
          name="body"
          label="Text"
          value={values.body}
          error={fields.body}
          multiline
          hint="Markdown: ## headings, - lists, **bold**, [links](/articles/...). No HTML."
        />
        <Field
          name="reviewedOn"
          label="Reviewed on"
          type="date"
          value={values.reviewedOn}
          error={fields.reviewedOn}
        />
        <Field name="reviewer" label="Reviewed by" value={values.reviewer} error={fields.reviewer} />
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
