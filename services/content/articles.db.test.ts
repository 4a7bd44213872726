import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles, users } from '#db/schema/index.ts';
import { openTestDatabase, type TestDatabase } from '#tests/setup/test-database.ts';
import { createTestClock, createTestServices } from '#tests/setup/test-services.ts';
import { createChangeSignal, type ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  listApprovedComments,
  listCommentsAwaitingModeration,
  moderateArticleComment,
  submitArticleComment,
} from './article-comments.ts';
import {
  findPublishedArticle,
  listPublishedArticles,
  listPublishedArticleTitles,
  reviseArticle,
} from './articles.ts';
import { readArticleSeeds, seedArticlesOnce } from './seed-articles.ts';

let database: TestDatabase;
let ctx: ServiceContext;
const clock = createTestClock('2026-11-25T12:00:00Z');

beforeAll(async () => {
  database = await openTestDatabase();
  ctx = createTestServices(database, clock);
});
afterAll(() => database?.close());

async function createModerator() {
  const [user] = await ctx.db
    .insert(users)
    .values({
      email: `moderator-${Math.random().toString(36).slice(2)}@test.example`,
      passwordHash: 'not-a-real-hash',
      role: 'admin',
      displayName: 'Moderator',
    })
    .returning({ id: users.id });
  if (!user) throw new Error('no user');
  return { userId: user.id, role: 'admin' as const };
}

describe('seeding articles from content/articles', () => {
  it('publishes every article file on the first run and nothing on later runs', async () => {
    const files = readArticleSeeds();
    expect(files.length).toBeGreaterThanOrEqual(13);
    expect(await seedArticlesOnce(ctx)).toEqual({ seeded: files.length });
    expect(await seedArticlesOnce(ctx)).toEqual({ seeded: 0 });
    expect(await listPublishedArticles(ctx)).toHaveLength(files.length);
  });

  it('does not bring back an article staff deleted when the server restarts', async () => {
    await ctx.db.delete(articles).where(eq(articles.slug, 'faq'));
    await seedArticlesOnce(ctx);
    expect(await findPublishedArticle(ctx, 'faq')).toBeNull();
  });
});

describe('reading published articles', () => {
  it('finds an article by slug with its body, reviewer and related slugs', async () => {
    const article = await findPublishedArticle(ctx, 'your-first-session');
    expect(article).toMatchObject({
      title: 'Your first session',
      topic: 'sessions',
      reviewedOn: '2026-11-25',
      relatedSlugs: expect.arrayContaining(['aftercare']),
    });
    expect(article?.body).toContain('## Before you come');
  });

  it('hides drafts from lists, search, titles and direct reads', async () => {
    await ctx.db.update(articles).set({ status: 'draft' }).where(eq(articles.slug, 'cupping'));
    expect(await findPublishedArticle(ctx, 'cupping')).toBeNull();
    expect((await listPublishedArticles(ctx)).map((a) => a.slug)).not.toContain('cupping');
    expect((await listPublishedArticles(ctx, { query: 'cupping' })).map((a) => a.slug)).not.toContain(
      'cupping',
    );
    expect(await listPublishedArticleTitles(ctx, ['cupping', 'aftercare'])).toEqual([
      { slug: 'aftercare', title: 'Aftercare' },
    ]);
    await ctx.db.update(articles).set({ status: 'published' }).where(eq(articles.slug, 'cupping'));
  });

  it('ranks a title match first in a search and matches word forms', async () => {
    const results = await listPublishedArticles(ctx, { query: 'pacemaker' });
    expect(results[0]?.slug).toBe('pacemakers-implants-and-acupuncture');
    const partial = await listPublishedArticles(ctx, { query: 'needl' });
    expect(partial.map((a) => a.slug)).toContain('dry-needling-and-acupuncture');
    const bodyPrefix = await listPublishedArticles(ctx, { query: 'bruis' });
    expect(bodyPrefix.map((a) => a.slug)).toContain('side-effects');
  });

  it('finds nothing for words no article uses, and treats search syntax as text', async () => {
    expect(await listPublishedArticles(ctx, { query: 'zebra xylophone' })).toEqual([]);
    expect(await listPublishedArticles(ctx, { query: "zzqx%' or ''='" })).toEqual([]);
    // A stop word alone matches through titles only, without a query error.
    const stopWord = await listPublishedArticles(ctx, { query: 'the' });
    expect(stopWord.map((a) => a.slug)).toEqual(['what-the-evidence-says']);
  });
});

describe('article comments', () => {
  it('holds a new comment for moderation and shows it only once approved', async () => {
    const article = await findPublishedArticle(ctx, 'aftercare');
    if (!article) throw new Error('seeded article missing');
    const { id } = await submitArticleComment(ctx, {
      articleSlug: 'aftercare',
      authorName: 'Test Reader',
      body: 'Helpful, thank you.',
    });
    expect(await listApprovedComments(ctx, article.id)).toEqual([]);
    expect((await listCommentsAwaitingModeration(ctx)).map((c) => c.id)).toContain(id);

    const moderator = await createModerator();
    await moderateArticleComment(ctx, { commentId: id, decision: 'approved', moderator });
    expect((await listApprovedComments(ctx, article.id)).map((c) => c.body)).toEqual(['Helpful, thank you.']);
    expect((await listCommentsAwaitingModeration(ctx)).map((c) => c.id)).not.toContain(id);
  });

  it('never shows a rejected comment, and refuses to moderate a comment twice', async () => {
    const article = await findPublishedArticle(ctx, 'side-effects');
    if (!article) throw new Error('seeded article missing');
    const { id } = await submitArticleComment(ctx, {
      articleSlug: 'side-effects',
      authorName: 'Spammer',
      body: 'Buy cheap things',
    });
    const moderator = await createModerator();
    await moderateArticleComment(ctx, { commentId: id, decision: 'rejected', moderator });
    expect(await listApprovedComments(ctx, article.id)).toEqual([]);
    await expect(
      moderateArticleComment(ctx, { commentId: id, decision: 'approved', moderator }),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'already_moderated' });
  });

  it('refuses a comment on an article that does not exist', async () => {
    await expect(
      submitArticleComment(ctx, { articleSlug: 'no-such-article', authorName: 'A', body: 'Hello' }),
    ).rejects.toBeInstanceOf(AppError);
  });
});

describe('article revisions and change announcements', () => {
  function listening() {
    const contentChanges = createChangeSignal();
    const heard: string[] = [];
    contentChanges.subscribe(() => heard.push('changed'));
    return { services: { ...ctx, contentChanges }, heard };
  }

  it("shows an admin's revision at once, with its reviewed date, and announces the change", async () => {
    const { services, heard } = listening();
    const admin = await createModerator();
    await reviseArticle(services, admin, 'aftercare', {
      title: 'After your session: what to expect',
      reviewedOn: '2026-11-20',
    });
    expect(await findPublishedArticle(ctx, 'aftercare')).toMatchObject({
      title: 'After your session: what to expect',
      reviewedOn: '2026-11-20',
    });
    expect(heard).toEqual(['changed']);
  });

  it('refuses a revision by anyone but an admin, and of an article that does not exist', async () => {
    const { services, heard } = listening();
    await expect(
      reviseArticle(services, { userId: crypto.randomUUID(), role: 'practitioner' }, 'aftercare', {
        title: 'Changed',
      }),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      reviseArticle(services, await createModerator(), 'no-such-article', { title: 'Changed' }),
    ).rejects.toMatchObject({ kind: 'not_found' });
    expect(heard).toEqual([]);
  });

  it('announces an approved comment but not a rejected one', async () => {
    const { services, heard } = listening();
    const moderator = await createModerator();
    const approve = await submitArticleComment(ctx, {
      articleSlug: 'aftercare',
      authorName: 'A',
      body: 'Thanks',
    });
    const reject = await submitArticleComment(ctx, {
      articleSlug: 'aftercare',
      authorName: 'B',
      body: 'Spam',
    });
    await moderateArticleComment(services, { commentId: reject.id, decision: 'rejected', moderator });
    expect(heard).toEqual([]);
    await moderateArticleComment(services, { commentId: approve.id, decision: 'approved', moderator });
    expect(heard).toEqual(['changed']);
  });
});
