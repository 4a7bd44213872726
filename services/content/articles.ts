import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ArticleTopic } from '#contracts/content.ts';
import { articles } from '#db/schema/index.ts';
import type { Actor } from '../auth/actor.ts';
import { auditAdminChange, requireAdmin } from '../clinic/admin-access.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';

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

export type ArticleRevision = Partial<
  Pick<Article, 'title' | 'summary' | 'body' | 'reviewedOn' | 'reviewer'> & { status: 'draft' | 'published' }
>;

export type ArticleForEditing = Pick<
  Article,
  'slug' | 'title' | 'summary' | 'body' | 'reviewedOn' | 'reviewer'
> & {
  status: 'draft' | 'published';
  updatedAt: Date;
};

const EDITING_COLUMNS = {
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  body: articles.body,
  reviewedOn: articles.reviewedOn,
  reviewer: articles.reviewer,
  status: articles.status,
  updatedAt: articles.updatedAt,
};

/** Every article, drafts included, for the admin's editor. */
export async function listArticlesForEditing(
  ctx: ServiceContext,
  actor: Actor,
): Promise<ArticleForEditing[]> {
  requireAdmin(actor);
  return ctx.db.select(EDITING_COLUMNS).from(articles).orderBy(asc(articles.title));
}

export async function findArticleForEditing(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
): Promise<ArticleForEditing> {
  requireAdmin(actor);
  const [row] = await ctx.db.select(EDITING_COLUMNS).from(articles).where(eq(articles.slug, slug));
  if (!row) throw new AppError('not_found', 'not_found', 'There is no such article.');
  return row;
}

/**
 * Changes an article's text or its review details (admins only, audited). The public pages show
 * the change on the next request: the page cache hears of it through `ctx.contentChanges`.
 */
export async function reviseArticle(
  ctx: ServiceContext,
  actor: Actor,
  slug: string,
  changes: ArticleRevision,
): Promise<void> {
  requireAdmin(actor);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .update(articles)
      .set({
        ...changes,
        // The first publication is dated; later edits keep that date.
        ...(changes.status === 'published'
          ? { publishedAt: sql`coalesce(${articles.publishedAt}, ${now})` }
          : {}),
        updatedAt: now,
      })
      .where(eq(articles.slug, slug))
      .returning({ id: articles.id });
    if (!row) throw new AppError('not_found', 'not_found', 'There is no such article.');
    await auditAdminChange(tx, actor, 'article.revise', 'article', row.id, { fields: Object.keys(changes) });
  });
  ctx.contentChanges?.changed();
}
