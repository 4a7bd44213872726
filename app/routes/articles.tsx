import { ARTICLE_TOPICS, ArticleSearchQuerySchema } from '#contracts/content.ts';
import { listPublishedArticles } from '#services/content/articles.ts';
import { TOPIC_LABELS } from '../article-topics';
import publicPagesHref from '../public-pages.css?url';
import { describePage } from '../seo';
import type { Route } from './+types/articles';

// Complete as server-rendered HTML (its forms post): no client JavaScript (see root.tsx). The same
// for every anonymous visitor (no cookie read, nothing personal): kept by server/http/page-cache.ts.
export const handle = { hydrate: false, publicCache: true };

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: publicPagesHref }];

export function meta({ data }: Route.MetaArgs) {
  if (!data) return [];
  return describePage({
    title: data.query ? `Articles matching “${data.query}”` : 'Articles: your visit, aftercare and safety',
    description:
      'Plain guides to acupuncture for back pain: your first session, how a course works, aftercare, side effects, safety and the evidence.',
    siteUrl: data.siteUrl,
    siteName: data.siteName,
    path: '/articles',
    // A search result page is not a page of its own for search engines.
    noindex: Boolean(data.query),
  });
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = ArticleSearchQuerySchema.safeParse({ q: params.q });
  const query = parsed.success ? parsed.data.q : undefined;
  const found = await listPublishedArticles(context.services, { query });
  return {
    siteUrl: context.services.config.publicUrl,
    siteName: context.clinic.name,
    query: query ?? '',
    queryError: parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Try a shorter search.'),
    articles: found,
  };
}

export default function Articles({ loaderData }: Route.ComponentProps) {
  const { query, articles, queryError } = loaderData;
  return (
    <div className="page">
      <div className="page-intro">
        <h1>Articles</h1>
        <p className="lead">
          What to expect at your visits, how to look after yourself afterwards, and when acupuncture needs
          extra care. Written in plain words and checked against the research.
        </p>
      </div>

      <search className="search-box">
        <form method="get" action="/articles">
          <label htmlFor="article-search">Search articles</label>
          <div className="search-box__row">
            <input
              id="article-search"
              name="q"
              type="search"
              defaultValue={query}
              maxLength={100}
              aria-describedby={queryError ? 'article-search-error' : undefined}
              aria-invalid={queryError ? true : undefined}
            />
            <button type="submit" className="button">
              Search
            </button>
          </div>
          {queryError ? (
            <p id="article-search-error" className="field__error">
              {queryError}
            </p>
          ) : null}
        </form>
      </search>

      {query ? (
        <section aria-labelledby="results-title" className="article-results">
          <h2 id="results-title" aria-live="polite">
            {articles.length === 0
              ? `No articles match “${query}”`
              : `${articles.length} ${articles.length === 1 ? 'article matches' : 'articles match'} “${query}”`}
          </h2>
          {articles.length === 0 ? (
            <p>
              Try another word, such as “needles”, “pregnancy” or “bruising”, or{' '}
              <a href="/articles">see all articles</a>.
            </p>
          ) : (
            <>
              <ArticleList articles={articles} />
              <p>
                <a href="/articles">See all articles</a>
              </p>
            </>
          )}
        </section>
      ) : (
        ARTICLE_TOPICS.map((topic) => {
          const inTopic = articles.filter((a) => a.topic === topic);
          if (inTopic.length === 0) return null;
          return (
            <section key={topic} aria-labelledby={`topic-${topic}`} className="article-topic">
              <h2 id={`topic-${topic}`}>{TOPIC_LABELS[topic].title}</h2>
              <p className="muted">{TOPIC_LABELS[topic].intro}</p>
              <ArticleList articles={inTopic} />
            </section>
          );
        })
      )}
    </div>
  );
}

function ArticleList({ articles }: { articles: Array<{ slug: string; title: string; summary: string }> }) {
  return (
    <ul className="article-list">
      {articles.map((a) => (
        <li key={a.slug} className="card article-card">
          <h3 className="article-card__title">
            <a href={`/articles/${a.slug}`}>{a.title}</a>
          </h3>
          <p>{a.summary}</p>
        </li>
      ))}
    </ul>
  );
}
