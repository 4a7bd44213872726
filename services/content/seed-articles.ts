import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArticleSource } from '#core/clinical/conditions/article-source.ts';
import { articles, seedRuns } from '#db/schema/index.ts';
import type { ServiceContext } from '../context.ts';

const ARTICLES_DIR = fileURLToPath(new URL('../../content/articles/', import.meta.url));
const SEED_NAME = 'articles';

export type ArticleSeed = {
  slug: string;
  title: string;
  summary: string;
  body: string;
  topic: 'sessions' | 'aftercare' | 'safety' | 'faq';
  reviewedOn: string;
  reviewer: string;
  relatedSlugs: string[];
  conditionIds: string[];
};

/** Reads content/articles/*.md (front matter + Markdown); a malformed file stops the start-up. */
export function readArticleSeeds(dir: string = ARTICLES_DIR): ArticleSeed[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const parsed = parseArticleSource(readFileSync(`${dir}/${name}`, 'utf8'));
      if (!parsed.ok) throw new Error(`content/articles/${name}: ${parsed.error.code}`);
      const { frontMatter: fm, body } = parsed.value;
      return {
        slug: name.replace(/\.md$/, ''),
        title: fm.title,
        summary: fm.description,
        body: body.trim(),
        topic: fm.category,
        reviewedOn: fm.reviewedOn,
        reviewer: fm.reviewer,
        relatedSlugs: fm.related,
        conditionIds: fm.conditions,
      };
    });
}

/**
 * Seeds the articles once, on the first start of a database, as published. A row in seed_runs
 * marks it done (inserted in the same transaction), so a restart never re-seeds, and an article
 * staff later delete or unpublish stays that way. Two processes starting together cannot both
 * seed: the second one's insert into seed_runs finds the row and does nothing.
 */
export async function seedArticlesOnce(
  ctx: ServiceContext,
  seeds?: ArticleSeed[],
): Promise<{ seeded: number }> {
  const result = await ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .insert(seedRuns)
      .values({ name: SEED_NAME, appliedAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ name: seedRuns.name });
    if (claimed.length === 0) return { seeded: 0 };
    const toInsert = seeds ?? readArticleSeeds();
    if (toInsert.length === 0) return { seeded: 0 };
    const now = ctx.clock.now();
    const inserted = await tx
      .insert(articles)
      .values(
        toInsert.map((s) => ({
          ...s,
          status: 'published' as const,
          publishedAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing({ target: articles.slug })
      .returning({ id: articles.id });
    return { seeded: inserted.length };
  });
  if (result.seeded > 0) ctx.contentChanges?.changed();
  return result;
}
