import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ArticleTopic } from '#contracts/content.ts';
import { articles } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';

export type ArticleSummary = {
  slug: string;
  title: string;
  summary: string;
  topic: ArticleTopic;
  reviewedOn: string;
};

export type Article = ArticleSummary & {
  id: string;
  body: string;
  reviewer: string;
  relatedSlugs: string[];
  conditionIds: string[];
  updatedAt: Date;
};

const SUMMARY_COLUMNS = {
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  topic: articles.topic,
  reviewedOn: articles.reviewedOn,
};

const isPublished = eq(articles.status, 'published');

// English full-text search over title (weighted highest), summary and body. The same SQL runs on
// PGlite and PostgreSQL. A title containing the text as typed also matches.
const document = sql`setweight(to_tsvector('english', ${articles.title}), 'A') || setweight(to_tsvector('english', ${articles.summary}), 'B') || setweight(to_tsvector('english', ${articles.body}), 'C')`;

/** Published articles, by topic and title; with a query, the best matches first. */
export async function listPublishedArticles(
  ctx: ServiceContext,
  options: { query?: string } = {},
): Promise<ArticleSummary[]> {
  const query = options.query?.trim();
  if (!query) {
    return ctx.db
      .select(SUMMARY_COLUMNS)
      .from(articles)
      .where(isPublished)
      .orderBy(asc(articles.topic), asc(articles.title));
  }
  // Each word typed becomes a prefix term ("bruis" finds "bruising"); only letters and digits
  // reach to_tsquery, so nothing typed can be read as query syntax.
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return [];
  const tsQuery = sql`to_tsquery('english', ${words.map((w) => `${w}:*`).join(' & ')})`;
  const titleLike = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return ctx.db
    .select(SUMMARY_COLUMNS)
    .from(articles)
    .where(and(isPublished, sql`(${document} @@ ${tsQuery} or ${articles.title} ilike ${titleLike})`))
    .orderBy(desc(sql`ts_rank(${document}, ${tsQuery})`), asc(articles.title));
}

export async function findPublishedArticle(ctx: ServiceContext, slug: string): Promise<Article | null> {
  const [row] = await ctx.db
    .select({
      ...SUMMARY_COLUMNS,
      id: articles.id,
      body: articles.body,
      reviewer: articles.reviewer,
      relatedSlugs: articles.relatedSlugs,
      conditionIds: articles.conditionIds,
      updatedAt: articles.updatedAt,
    })
    .from(articles)
    .where(and(isPublished, eq(articles.slug, slug)))
    .limit(1);
  return row ?? null;
}

/** Titles of the published articles among `slugs`, in the order given; unknown or draft ones are left out. */
export async function listPublishedArticleTitles(
  ctx: ServiceContext,
  slugs: readonly string[],
): Promise<Array<{ slug: string; title: string }>> {
  if (slugs.length === 0) return [];
  const rows = await ctx.db
    .select({ slug: articles.slug, title: articles.title })
    .from(articles)
    .where(and(isPublished, inArray(articles.slug, [...slugs])));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}

/** Published articles and the date each was last changed, for the sitemap. */
export async function listPublishedArticleDates(
  ctx: ServiceContext,
): Promise<Array<{ slug: string; updatedAt: Date }>> {
  return ctx.db
    .select({ slug: articles.slug, updatedAt: articles.updatedAt })
    .from(articles)
    .where(isPublished)
    .orderBy(asc(articles.slug));
}
