import { data, Form, redirect, useNavigation } from 'react-router';
import { ArticleCommentFormSchema } from '#contracts/content.ts';
import { findCondition } from '#core/clinical/conditions/index.ts';
import { parseArticleMarkdown } from '#core/content/article-markdown.ts';
import { listApprovedComments, submitArticleComment } from '#services/content/article-comments.ts';
import { findPublishedArticle, listPublishedArticleTitles } from '#services/content/articles.ts';
import { TOPIC_LABELS } from '../article-topics';
import { ArticleBody } from '../components/article-body';
import { CsrfField } from '../components/csrf-field';
import { HoneypotField, isHoneypotFilled } from '../components/honeypot-field';
import { RelatedLinks } from '../components/related-links';
import { commentFormLimiter } from '../form-limits.server';
import { formatLongDate } from '../format';
import publicPagesHref from '../public-pages.css?url';
import { useRootData } from '../root';
import { describePage } from '../seo';
import type { Route } from './+types/article';

// Complete as server-rendered HTML (its forms post): no client JavaScript (see root.tsx). The same
// for every anonymous visitor (no cookie read, nothing personal): kept by server/http/page-cache.ts.
export const handle = { hydrate: false, publicCache: true };

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: publicPagesHref }];

// The per-address limit's Retry-After reaches the browser only through this export.
export function headers({ actionHeaders, loaderHeaders }: Route.HeadersArgs) {
  return actionHeaders.has('Retry-After') ? actionHeaders : loaderHeaders;
}

export function meta({ data: page }: Route.MetaArgs) {
  if (!page) return [{ title: 'Article not found' }];
  return describePage({
    title: page.article.title,
    description: page.article.summary,
    siteUrl: page.siteUrl,
    siteName: page.siteName,
    path: `/articles/${page.article.slug}`,
    type: 'article',
  });
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const article = await findPublishedArticle(context.services, params.slug);
  if (!article) throw data('No such article', { status: 404 });
  const [related, comments] = await Promise.all([
    listPublishedArticleTitles(context.services, article.relatedSlugs),
    listApprovedComments(context.services, article.id),
  ]);
  const conditions = article.conditionIds.flatMap((id) => {
    const found = findCondition(id);
    return found.ok ? [{ id: found.value.id, name: found.value.name }] : [];
  });
  return {
    siteUrl: context.services.config.publicUrl,
    siteName: context.clinic.name,
    article: {
      slug: article.slug,
      title: article.title,
      summary: article.summary,
      topic: article.topic,
      reviewedOn: article.reviewedOn,
      reviewer: article.reviewer,
      blocks: parseArticleMarkdown(article.body),
    },
    related,
    conditions,
    comments: comments.map((c) => ({
      id: c.id,
      authorName: c.authorName,
      body: c.body,
      postedOn: c.createdAt.toISOString().slice(0, 10),
    })),
    commentReceived: new URL(request.url).searchParams.get('comment') === 'received',
  };
}

type ActionResult = { fields?: Record<string, string>; formError?: string; values?: Record<string, string> };

export async function action({ params, request, context }: Route.ActionArgs) {
  const form = Object.fromEntries(await request.formData());
  const received = redirect(`/articles/${params.slug}?comment=received#comments`);
  // Spam bots get the same answer as people, so the honeypot teaches them nothing.
  if (isHoneypotFilled(form.website)) return received;
  const values = {
    authorName: typeof form.authorName === 'string' ? form.authorName : '',
    body: typeof form.body === 'string' ? form.body : '',
  };
  const parsed = ArticleCommentFormSchema.safeParse(form);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0])] ??= issue.message;
    return data<ActionResult>({ fields, values }, 400);
  }
  const limit = commentFormLimiter.hit(context.clientAddress, context.services.clock.now().getTime());
  if (!limit.allowed) {
    return data<ActionResult>(
      {
        values,
        formError: `You have sent several comments in a short time. Please wait ${Math.ceil(limit.retryAfterSeconds / 60)} minute(s) and try again.`,
      },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    );
  }
  const article = await findPublishedArticle(context.services, params.slug);
  if (!article) throw data('No such article', { status: 404 });
  await submitArticleComment(context.services, {
    articleSlug: params.slug,
    authorName: parsed.data.authorName,
    body: parsed.data.body,
  });
  return received;
}

export default function ArticlePage({ loaderData, actionData }: Route.ComponentProps) {
  const { article, related, conditions, comments, commentReceived, siteName } = loaderData;
  const root = useRootClinic();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const fields = actionData?.fields ?? {};
  return (
    <article className="page article">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <a href="/articles">Articles</a>
          </li>
          <li>{TOPIC_LABELS[article.topic].title}</li>
          <li aria-current="page">{article.title}</li>
        </ol>
      </nav>
      <header className="article__header">
        <h1>{article.title}</h1>
        <p className="lead">{article.summary}</p>
        <p className="muted article__reviewed">
          Reviewed <time dateTime={article.reviewedOn}>{formatLongDate(article.reviewedOn)}</time> by{' '}
          {article.reviewer}
        </p>
      </header>

      <div className="prose article__body">
        <ArticleBody
          blocks={article.blocks}
          placeholders={{ emergencyNumber: root.emergencyNumber, clinicPhone: root.phone }}
        />
      </div>

      <div className="cta-panel">
        <h2>Ready for the next step?</h2>
        <p>Check your symptoms first if you are not sure acupuncture is right for you, or book a visit.</p>
        <div className="actions">
          <a className="button button--large" href="/checker">
            Check your symptoms
          </a>
          <a className="button button--large button--secondary" href="/book">
            Book an appointment
          </a>
        </div>
      </div>

      {related.length > 0 || conditions.length > 0 ? (
        <div className="related">
          <RelatedLinks
            id="related-articles"
            title="Related articles"
            links={related.map((a) => ({ href: `/articles/${a.slug}`, label: a.title }))}
          />
          <RelatedLinks
            id="related-conditions"
            title="Conditions this is about"
            links={conditions.map((c) => ({ href: `/conditions/${c.id}`, label: c.name }))}
          />
        </div>
      ) : null}

      <section aria-labelledby="comments" className="comments">
        <h2 id="comments" tabIndex={-1}>
          Comments
        </h2>
        {comments.length === 0 ? (
          <p className="muted">No comments yet.</p>
        ) : (
          <ol className="comment-list">
            {comments.map((c) => (
              <li key={c.id} className="comment">
                <p className="comment__meta">
                  <strong>{c.authorName}</strong>{' '}
                  <span className="muted">
                    on <time dateTime={c.postedOn}>{formatLongDate(c.postedOn)}</time>
                  </span>
                </p>
                <p className="comment__body">{c.body}</p>
              </li>
            ))}
          </ol>
        )}

        {commentReceived ? (
          <div className="alert alert--info" role="status">
            <p>
              <strong>Thank you, we have your comment.</strong> A member of the {siteName} team reads every
              comment before it appears here.
            </p>
          </div>
        ) : null}

        <h3>Leave a comment</h3>
        <p className="muted">
          Comments are checked by our team before they appear. Please do not share personal medical details;
          for questions about your own care, <a href="/contact">contact us</a>.
        </p>
        {actionData?.formError ? (
          <div className="alert alert--error" role="alert">
            <p>{actionData.formError}</p>
          </div>
        ) : null}
        <Form method="post" className="form comment-form" noValidate preventScrollReset>
          <CsrfField />
          <HoneypotField />
          <div className="field">
            <label htmlFor="comment-name">Name to show</label>
            <input
              id="comment-name"
              name="authorName"
              type="text"
              autoComplete="nickname"
              maxLength={80}
              required
              defaultValue={actionData?.values?.authorName ?? ''}
              aria-invalid={fields.authorName ? true : undefined}
              aria-describedby={fields.authorName ? 'comment-name-error' : undefined}
            />
            {fields.authorName ? (
              <p id="comment-name-error" className="field__error">
                {fields.authorName}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="comment-body">Your comment</label>
            <textarea
              id="comment-body"
              name="body"
              rows={5}
              maxLength={2000}
              required
              defaultValue={actionData?.values?.body ?? ''}
              aria-invalid={fields.body ? true : undefined}
              aria-describedby={fields.body ? 'comment-body-error' : undefined}
            />
            {fields.body ? (
              <p id="comment-body-error" className="field__error">
                {fields.body}
              </p>
            ) : null}
          </div>
          <div>
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Sending…' : 'Send comment'}
            </button>
          </div>
        </Form>
      </section>
    </article>
  );
}

function useRootClinic() {
  const root = useRootData();
  return { emergencyNumber: root?.clinic.emergencyNumber ?? '911', phone: root?.clinic.phone ?? '' };
}
